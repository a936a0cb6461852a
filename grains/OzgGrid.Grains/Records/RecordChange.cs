using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// What a write decided after its checks: nothing to change (<c>default</c>; its answer is still remembered for
/// retries), or the record's next data and how to record the change once its version and stamp are known.
/// </summary>
public readonly record struct RecordChange<TBody, TChange>(TBody? Next, Func<long, ChangeStamp, TChange>? Record)
    where TBody : class
    where TChange : IRecordedChange
{
    public bool IsNone => Record is null;
}

using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A write's checks for <see cref="VersionedRecord{TBody, TChange}"/>, synchronous or asynchronous (one of each pair is
/// set): synchronous checks are called as they are, without a closure and a task around each.
/// </summary>
internal readonly record struct WriteChecks<TBody, TChange>(
    Action<TBody?>? Authorise,
    Func<TBody?, Task>? AuthoriseAsyncCheck,
    Func<TBody?, RecordChange<TBody, TChange>>? Decide,
    Func<TBody?, Task<RecordChange<TBody, TChange>>>? DecideAsyncCheck)
    where TBody : class
    where TChange : IRecordedChange
{
    public ValueTask AuthoriseAsync(TBody? body)
    {
        if (Authorise is not null)
        {
            Authorise(body);
            return ValueTask.CompletedTask;
        }

        return new ValueTask(AuthoriseAsyncCheck!(body));
    }

    public ValueTask<RecordChange<TBody, TChange>> DecideAsync(TBody? body) =>
        Decide is not null ? ValueTask.FromResult(Decide(body)) : new ValueTask<RecordChange<TBody, TChange>>(DecideAsyncCheck!(body));
}

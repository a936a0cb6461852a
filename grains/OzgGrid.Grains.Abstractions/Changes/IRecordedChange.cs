namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>An entry of a record's history: the version it made and who made it when.</summary>
public interface IRecordedChange
{
    long Version { get; }

    ChangeStamp Stamp { get; }
}

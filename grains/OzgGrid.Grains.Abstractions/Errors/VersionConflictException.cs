namespace OzgGrid.Grains.Abstractions.Errors;

/// <summary>The caller expected another version than the current one; nothing was changed.</summary>
[GenerateSerializer, Alias("ozg.VersionConflictException")]
public sealed class VersionConflictException(long expectedVersion, long currentVersion)
    : Exception($"Expected version {expectedVersion}, but the current version is {currentVersion}; read it again and retry.")
{
    [Id(0)]
    public long ExpectedVersion { get; } = expectedVersion;

    [Id(1)]
    public long CurrentVersion { get; } = currentVersion;
}

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Grains.Changes;

/// <summary>The checks every write of a grain makes before it changes anything: replay and expected version.</summary>
internal static class WriteGuard
{
    /// <summary>How many answered writes a grain remembers; a retry comes within seconds, not after 100 other changes.</summary>
    public const int RecentWritesCapacity = 100;

    /// <summary>True with the earlier answer when this request id was already applied to the same change.</summary>
    /// <exception cref="RequestIdReusedException">The request id was used for a different change.</exception>
    public static bool TryReplay<TResult>(
        ImmutableArray<RecentWrite<TResult>> recentWrites, WriteCommand command, string fingerprint, [MaybeNullWhen(false)] out TResult result)
    {
        foreach (var write in recentWrites)
        {
            if (write.RequestId != command.RequestId)
            {
                continue;
            }

            if (write.Fingerprint != fingerprint)
            {
                throw new RequestIdReusedException(command.RequestId);
            }

            result = write.Result;
            return true;
        }

        result = default;
        return false;
    }

    /// <exception cref="VersionConflictException">The caller expected another version.</exception>
    public static void EnsureExpectedVersion(WriteCommand command, long currentVersion)
    {
        if (command.ExpectedVersion is { } expected && expected != currentVersion)
        {
            throw new VersionConflictException(expected, currentVersion);
        }
    }

    /// <summary>Adds an answered write, forgetting the oldest beyond <see cref="RecentWritesCapacity"/>.</summary>
    public static ImmutableArray<TWrite> Remember<TWrite>(ImmutableArray<TWrite> recentWrites, TWrite write) =>
        Newest(recentWrites.Add(write));

    /// <summary>The newest <see cref="RecentWritesCapacity"/> of <paramref name="oldestFirst"/>.</summary>
    public static ImmutableArray<TWrite> Newest<TWrite>(ImmutableArray<TWrite> oldestFirst) =>
        oldestFirst.Length > RecentWritesCapacity ? oldestFirst.RemoveRange(0, oldestFirst.Length - RecentWritesCapacity) : oldestFirst;
}

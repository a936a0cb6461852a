using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Whether changes skip versions of their Leistung: every version of a Leistung is reported once, so a change more
/// than one version past the one counted before it (or before it in the same batch) means the versions between never
/// arrived.
/// </summary>
public static class VersionGaps
{
    public static bool Any(ImmutableArray<LeistungChanged> changes, Func<int, long?> countedVersion)
    {
        var seen = new Dictionary<int, long>();
        foreach (var change in changes)
        {
            var (ozgId, version) = (change.Leistung.OzgId, change.Leistung.Version);
            long? known = seen.TryGetValue(ozgId, out var inBatch) ? inBatch : countedVersion(ozgId);
            if (known is { } previous && version > previous + 1)
            {
                return true;
            }

            if (known is null || version > known)
            {
                seen[ozgId] = version;
            }
        }

        return false;
    }
}

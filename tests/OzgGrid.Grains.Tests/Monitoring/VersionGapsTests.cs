using OzgGrid.Grains.Monitoring;
using static OzgGrid.Grains.Tests.Monitoring.MonitoringSamples;

namespace OzgGrid.Grains.Tests.Monitoring;

public sealed class VersionGapsTests
{
    [Fact]
    public void Consecutive_versions_in_and_across_batches_skip_nothing()
    {
        var counted = new Dictionary<int, long> { [10000] = 4 };

        Assert.False(VersionGaps.Any([Changed(Leistung(version: 5)), Changed(Leistung(version: 6)), Changed(Leistung(ozgId: 10001, version: 9))], Counted(counted)));
        Assert.False(VersionGaps.Any([Changed(Leistung(version: 4)), Changed(Leistung(version: 3))], Counted(counted)));
    }

    [Fact]
    public void A_version_missing_before_a_change_is_a_gap()
    {
        var counted = new Dictionary<int, long> { [10000] = 4 };

        Assert.True(VersionGaps.Any([Changed(Leistung(version: 6))], Counted(counted)));
        Assert.True(VersionGaps.Any([Changed(Leistung(version: 5)), Changed(Leistung(version: 7))], Counted(counted)));
    }

    private static Func<int, long?> Counted(Dictionary<int, long> counted) => ozgId => counted.TryGetValue(ozgId, out var version) ? version : null;
}

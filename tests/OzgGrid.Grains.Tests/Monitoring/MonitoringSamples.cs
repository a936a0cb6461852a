using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Tests.Monitoring;

/// <summary>Leistungen in a given state, and the changes the monitoring passes around, built without any grain.</summary>
public static class MonitoringSamples
{
    public static LeistungSummary Leistung(
        int ozgId = 10000,
        int themenfeldId = 6,
        int lageId = 26,
        int reifegrad = Reifegrad.Offline,
        Umsetzungsphase phase = Umsetzungsphase.Vorbereitung,
        long version = 1) =>
        new(ozgId, $"Leistung {ozgId}", lageId, themenfeldId,
            new LeistungStatus(reifegrad, phase, ImmutableSortedDictionary<string, Verfuegbarkeit>.Empty), version);

    public static LeistungSummary AvailableIn(this LeistungSummary leistung, string land, Verfuegbarkeit verfuegbarkeit) =>
        leistung with
        {
            Status = leistung.Status with { Verfuegbarkeit = leistung.Status.Verfuegbarkeit.SetItem(land, verfuegbarkeit) },
        };

    /// <summary>The same Leistung at another Reifegrad, one version later.</summary>
    public static LeistungSummary AtReifegrad(this LeistungSummary leistung, int reifegrad) =>
        leistung with { Status = leistung.Status with { Reifegrad = reifegrad }, Version = leistung.Version + 1 };

    public static LeistungChanged Changed(LeistungSummary after) =>
        new(after, ChangeKind.Status, new ChangeStamp("monitoring-test", DateTimeOffset.UtcNow, Guid.NewGuid().ToString()), []);

    public static PublishedChange Published(long sequence, LeistungSummary after, LeistungSummary? before = null) =>
        new(sequence, Changed(after), before, []);

    /// <summary>A batch of <paramref name="count"/> changes numbered from <paramref name="firstSequence"/> on.</summary>
    public static ChangeBatch Batch(long epoch, long firstSequence, int count) =>
        new(epoch, [.. Enumerable.Range(0, count).Select(i => Published(firstSequence + i, Leistung(ozgId: 10000 + i)))]);
}

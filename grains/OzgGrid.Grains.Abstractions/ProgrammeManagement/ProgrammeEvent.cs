using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.Termine;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>
/// What the programme-management figures announce: numbered by <see cref="Sequence"/>, with the figures the event moved
/// (their new values) and a sentence saying what happened. The programme aggregator publishes it as a change of the
/// Leistung <see cref="OzgId"/>, so it needs who made it, the fields, and the milestones or the Nachnutzung it is about.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ProgrammeEvent")]
public sealed record ProgrammeEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ProgrammeEventKind Kind,
    [property: Id(2)] int OzgId,
    [property: Id(3)] string Description,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] ImmutableArray<Figure> ChangedFigures,
    [property: Id(6)] string ChangedBy,
    [property: Id(7)] ImmutableArray<FieldChange> Fields,
    [property: Id(8)] ImmutableArray<Meilenstein> Ueberfaellig,
    [property: Id(9)] ImmutableArray<Meilenstein> VorherUeberfaellig,
    [property: Id(10)] EfaNachnutzung? Nachnutzung)
{
    /// <summary>The Umsetzungsprojekt the event is about (its <see cref="OzgId"/> is then 0); empty for other events.</summary>
    [Id(25)]
    public string UmsetzungsprojektId { get; init; } = string.Empty;

    /// <summary>The Anschluss record the event is about, "{onlinedienst id}/{land}" (its <see cref="OzgId"/> is then 0); empty for other events.</summary>
    [Id(40)]
    public string Anschluss { get; init; } = string.Empty;

    /// <summary>The Onlinedienst an <see cref="ProgrammeEventKind.OnlinedienstGeaendert"/> event is about (its <see cref="OzgId"/> is then 0); empty for other events.</summary>
    [Id(60)]
    public string OnlinedienstId { get; init; } = string.Empty;

    /// <summary>The Land (kürzel) a <see cref="ProgrammeEventKind.ZustaendigeKommunenGeaendert"/> event is about; empty for other events.</summary>
    [Id(61)]
    public string Land { get; init; } = string.Empty;

    /// <summary>The usage record the event is about, "{onlinedienst id}/{land}/{year}" (its <see cref="OzgId"/> is then 0); empty for other events.</summary>
    [Id(63)]
    public string Nutzung { get; init; } = string.Empty;

    /// <summary>
    /// The event is about this Land: a milestone of the Land is (or was) overdue, or the Land builds or reuses the
    /// EfA-Leistung, or the Anschluss or usage record is of the Land. A monitoring stream filtered by that Land sees it even where the Leistung is not available there.
    /// </summary>
    public bool Concerns(string land) =>
        Ueberfaellig.Any(m => m.Land == land)
        || VorherUeberfaellig.Any(m => m.Land == land)
        || (Nachnutzung is { } efa && (efa.Umsetzungsland == land || efa.Laender.ContainsKey(land)))
        || Anschluss.EndsWith($"/{land}", StringComparison.Ordinal)
        || Nutzung.Contains($"/{land}/", StringComparison.Ordinal);
}

using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Nutzung;

/// <summary>
/// The usage figures of one Onlinedienst in one Land in one year, on the one write path: each import replaces the
/// months it names and records every figure it changed (before → after) in the history.
/// </summary>
public sealed class NutzungGrain(
    [PersistentState("nutzung", StorageNames.State)] IPersistentState<RecordState<NutzungJahr, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    ILogger<NutzungGrain> logger) : ProgrammeRecordGrain<NutzungJahr>(state, records, clock, Names), INutzungGrain
{
    public static readonly RecordNames Names = new("nutzung", "nutzung-history", "Nutzung");

    private (string OnlinedienstId, string Land, int Jahr) Key => NutzungKeys.Parse(this.GetPrimaryKeyString());

    protected override string Describe() => $"usage record '{this.GetPrimaryKeyString()}'";

    /// <summary>The figures the import being written changes; null outside a write (as on activation), when nothing is announced.</summary>
    private int? _figuresChanged;

    public Task<NutzungJahr?> GetAsync() => Task.FromResult(Body);

    public async Task<long> ImportAsync(WriteCommand command, ImmutableArray<NutzungZeile> zeilen)
    {
        var (onlinedienstId, land, jahr) = Key;
        _figuresChanged = null;
        var recorded = await WriteAsync(
            command,
            NutzungFingerprints.Import(command.ExpectedVersion, zeilen),
            async _ => NutzungImportRules.EnsureMayImport(command.Scope, land, (await GrainFactory.GetGrain<IOnlinedienstGrain>(onlinedienstId).GetAsync()).Body),
            before =>
            {
                var applied = Apply(before ?? new NutzungJahr(onlinedienstId, land, jahr, ImmutableSortedDictionary<string, ImmutableArray<long>>.Empty), zeilen);
                _figuresChanged = applied.Fields.Length;
                return Task.FromResult(applied);
            });

        // Also on a retry: the first attempt may have failed after persisting, before the index was told.
        await GrainFactory.GetGrain<IIdSetGrain>(NutzungKeys.Onlinedienste(land)).SetAsync(onlinedienstId, member: true);
        return recorded.Version;
    }

    public Task EnsureNotReusedAsync(WriteCommand command, ImmutableArray<NutzungZeile> zeilen)
    {
        EnsureNotReused(command, NutzungFingerprints.Import(command.ExpectedVersion, zeilen));
        return Task.CompletedTask;
    }

    protected override Task OnCommittedAsync(Recorded<NutzungJahr> recorded)
    {
        try
        {
            // One way: the findings are checked after the import is acknowledged, never while it waits.
            _ = GrainFactory.GetGrain<INutzungLandGrain>(recorded.Body.Land).OnImportedAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "The findings of {Land} were not told of usage record {Key}", recorded.Body.Land, this.GetPrimaryKeyString());
        }

        if (_figuresChanged is { } changed)
        {
            _figuresChanged = null;
            Announce(recorded, changed);
        }

        return Task.CompletedTask;
    }

    /// <summary>One way on the programme stream, naming the record; the figures themselves are in its history (an import may change thousands).</summary>
    private void Announce(Recorded<NutzungJahr> recorded, int changed)
    {
        var (onlinedienstId, land, jahr) = Key;
        try
        {
            GrainFactory.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key).AnnounceAsync(new ProgrammeEvent(
                0, ProgrammeEventKind.NutzungGeaendert, 0,
                string.Create(CultureInfo.InvariantCulture, $"Nutzung of Onlinedienst '{onlinedienstId}' in {land} {jahr}, import, version {recorded.Version}: {changed} figures changed"),
                recorded.LastChange.ChangedAt, [], recorded.LastChange.ChangedBy, [], [], [], null)
            {
                Nutzung = this.GetPrimaryKeyString(),
            }).Ignore();
        }
        catch (Exception exception)
        {
            // Only the announcement is lost: the import is persisted and in the record's history.
            logger.LogWarning(exception, "{Key}: version {Version} not announced", this.GetPrimaryKeyString(), recorded.Version);
        }
    }

    private static (NutzungJahr Next, string Action, ImmutableArray<FieldChange> Fields) Apply(NutzungJahr before, ImmutableArray<NutzungZeile> zeilen)
    {
        var kommunen = before.Kommunen.ToBuilder();
        var fields = ImmutableArray.CreateBuilder<FieldChange>();
        foreach (var zeile in zeilen)
        {
            var monate = kommunen.TryGetValue(zeile.Ags, out var known) ? known : [.. Enumerable.Repeat(NutzungJahr.NichtGemeldet, 12)];
            var was = monate[zeile.Monat - 1];
            if (was == zeile.Transaktionen)
            {
                continue;
            }

            kommunen[zeile.Ags] = monate.SetItem(zeile.Monat - 1, zeile.Transaktionen);
            fields.Add(new FieldChange(
                string.Create(CultureInfo.InvariantCulture, $"{zeile.Ags} {before.Jahr:0000}-{zeile.Monat:00}"),
                was == NutzungJahr.NichtGemeldet ? string.Empty : was.ToString(CultureInfo.InvariantCulture),
                zeile.Transaktionen.ToString(CultureInfo.InvariantCulture)));
        }

        return (before with { Kommunen = kommunen.ToImmutable() }, "import", fields.ToImmutable());
    }
}

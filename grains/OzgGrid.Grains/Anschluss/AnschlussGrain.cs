using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Changes;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Anschluss;

/// <summary>
/// The Anschluss checklists of one Onlinedienst in one Land. This part holds the writes and who may make them; the
/// Go-Live deadlines are in <c>AnschlussGrain.Fristen.cs</c>, the reports into the Land rollouts in
/// <c>AnschlussGrain.Verfuegbarkeit.cs</c>.
/// </summary>
public sealed partial class AnschlussGrain(
    [PersistentState("anschluss", StorageNames.State)] IPersistentState<RecordState<LandAnschluss, ProgrammeChange>> state,
    [PersistentState("anschluss-meldungen", StorageNames.State)] IPersistentState<AnschlussMeldungenState> meldungen,
    VersionedRecords records,
    ProgrammeClock clock,
    IOptions<AnschlussOptions> options,
    DeferredRetries deferredRetries,
    ILogger<AnschlussGrain> logger) : ProgrammeRecordGrain<LandAnschluss>(state, records, clock, Names), IAnschlussGrain, IRemindable
{
    public static readonly RecordNames Names = new("anschluss", "anschluss-history", "Anschluss");

    private string OnlinedienstId => AnschlussKeys.Parse(this.GetPrimaryKeyString()).OnlinedienstId;

    private string Land => AnschlussKeys.Parse(this.GetPrimaryKeyString()).Land;

    protected override string Describe() => $"Anschluss of Onlinedienst '{OnlinedienstId}' in {Land}";

    public async Task<Recorded<LandAnschluss>?> GetAsync()
    {
        await DienstAsync();
        return Body is null ? null : Require();
    }

    public async Task<Recorded<LandAnschluss>> SetAsync(WriteCommand command, ImmutableArray<AnschlussAenderung> aenderungen)
    {
        if (aenderungen.Length is 0 or > IAnschlussGrain.MaxAenderungen)
        {
            throw new InvalidFieldException("aenderungen", $"Required: 1–{IAnschlussGrain.MaxAenderungen} items, not {aenderungen.Length}.");
        }

        Onlinedienst? dienst = null;
        var result = await WriteAsync(
            command,
            AnschlussFingerprints.Set(command.ExpectedVersion, aenderungen),
            async _ =>
            {
                dienst = await DienstAsync();
                EnsureMayWrite(command.Scope, dienst);
            },
            async before =>
            {
                var register = await RegisterAsync();
                foreach (var ags in aenderungen.Select(a => a.Ags).Distinct())
                {
                    EnsureKommune(register, dienst!, ags);
                }

                var current = before ?? LandAnschluss.Leer(OnlinedienstId, Land);
                var (next, fields) = Apply(current, aenderungen, command.ChangedBy);
                return Decided(before, next, register, "anschluss", fields);
            });

        await ScheduleAsync(result.Body);
        return result;
    }

    /// <summary>Sets and clears the items; an item set to the value it has keeps who set it first.</summary>
    private (LandAnschluss Next, List<(string Field, string? Before, string After)> Fields) Apply(
        LandAnschluss current, ImmutableArray<AnschlussAenderung> aenderungen, string changedBy)
    {
        var kommunen = current.Kommunen;
        var fields = new List<(string Field, string? Before, string After)>();
        foreach (var aenderung in aenderungen)
        {
            var kommune = kommunen.GetValueOrDefault(aenderung.Ags) ?? new AnschlussKommune(aenderung.Ags, ImmutableSortedDictionary<AnschlussSchritt, AnschlussEintrag>.Empty);
            var was = kommune.Punkte.GetValueOrDefault(aenderung.Schritt);
            if (was?.Wert == aenderung.Wert)
            {
                continue;
            }

            // The Kommune's confirmation is entered on its behalf, and the record says so.
            var by = aenderung.Schritt == AnschlussSchritt.BestaetigtDurchKommune ? $"{changedBy} (im Auftrag der Kommune)" : changedBy;
            var punkte = aenderung.Wert is null
                ? kommune.Punkte.Remove(aenderung.Schritt)
                : kommune.Punkte.SetItem(aenderung.Schritt, new AnschlussEintrag(aenderung.Wert, by, Clock.Now));
            kommunen = punkte.IsEmpty ? kommunen.Remove(aenderung.Ags) : kommunen.SetItem(aenderung.Ags, kommune with { Punkte = punkte });
            fields.Add(($"{aenderung.Ags}.{aenderung.Schritt}", was?.Wert ?? string.Empty, aenderung.Wert ?? string.Empty));
        }

        return (current with { Kommunen = kommunen }, fields);
    }

    /// <summary>The programme management everywhere; the Onlinedienst's Anbieter in the Länder it serves.</summary>
    private void EnsureMayWrite(ItDienstleisterScope? scope, Onlinedienst dienst)
    {
        if (scope is null)
        {
            return;
        }

        if (scope.ItDienstleisterId != dienst.AnbieterId)
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' is not the Anbieter of Onlinedienst '{OnlinedienstId}'; only its Anbieter " +
                "or the programme management record its Anschluss in the Kommunen.");
        }

        if (!scope.Laender.Contains(Land))
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' does not serve {Land} (it serves {string.Join(", ", scope.Laender)}); " +
                $"the Anschluss in {Land} is recorded by the programme management.");
        }
    }

    /// <summary>A Kommune of the Land's register, within the Onlinedienst's Einsatzgebiet when one is set.</summary>
    private void EnsureKommune(KommunenRegister register, Onlinedienst dienst, string ags)
    {
        if (!register.Contains(ags))
        {
            throw new NotFoundException(register.SuccessorOf(ags) is { } successor
                ? $"Kommune {ags} merged into {successor} (see GetKommune); record its Anschluss for {successor}."
                : $"Kommune {ags} is not in {Land}'s Kommunen register; ListKommunen names its Kommunen.");
        }

        if (dienst.Einsatzgebiet.IsEmpty)
        {
            return;
        }

        var imLand = dienst.Einsatzgebiet.FirstOrDefault(e => e.Land == Land);
        if (imLand is null || !(imLand.GanzesLand || imLand.Kommunen.Contains(ags)))
        {
            throw new RuleViolationException(
                $"Kommune {ags} is outside the Einsatzgebiet of Onlinedienst '{OnlinedienstId}' ({FieldChanges.List(dienst.Einsatzgebiet)}); " +
                "extend it with SetOnlinedienstEinsatzgebiet first.");
        }
    }

    private Task<KommunenRegister> RegisterAsync() => GrainFactory.GetGrain<IKommunenRegisterGrain>(Land).GetAsync();

    private async Task<Onlinedienst> DienstAsync() => (await GrainFactory.GetGrain<IOnlinedienstGrain>(OnlinedienstId).GetAsync()).Body;
}

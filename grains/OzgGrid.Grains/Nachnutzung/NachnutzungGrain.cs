using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Nachnutzung;

public sealed class NachnutzungGrain(
    [PersistentState("nachnutzung", StorageNames.State)] IPersistentState<RecordState<EfaNachnutzung, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    ILogger<NachnutzungGrain> logger) : ProgrammeRecordGrain<EfaNachnutzung>(state, records, clock, Names), INachnutzungGrain
{
    public static readonly RecordNames Names = new("nachnutzung", "nachnutzung-history", "EfA-Nachnutzung");

    private readonly ILogger<NachnutzungGrain> _logger = logger;

    private int OzgId => (int)this.GetPrimaryKeyLong();

    protected override string Describe() => $"EfA-Nachnutzung of OZG-Leistung {OzgId}";

    public async Task<Recorded<EfaNachnutzung>> GetAsync()
    {
        if (Body is null)
        {
            // Nothing recorded yet: an empty Nachnutzung, as long as the Leistung exists.
            await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
            return new Recorded<EfaNachnutzung>(EfaNachnutzung.Empty(OzgId), 0, new ChangeStamp(string.Empty, DateTimeOffset.MinValue, string.Empty));
        }

        return Require();
    }

    public Task<Recorded<EfaNachnutzung>> SetUmsetzungslandAsync(WriteCommand command, string land) =>
        WriteAsync(
            command,
            NachnutzungFingerprints.Umsetzungsland(command.ExpectedVersion, land),
            ManagementOnly(command, "choose the Umsetzungsland of an EfA-Leistung"),
            async body =>
            {
                await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
                var before = body ?? EfaNachnutzung.Empty(OzgId);
                if (before.ZustandIn(land) != NachnutzungZustand.KeinInteresse)
                {
                    throw new RuleViolationException(
                        $"{land} is a Nachnutzer of OZG-Leistung {OzgId} ({before.ZustandIn(land)}); the Land that builds it cannot reuse it as well.");
                }

                return (before with { Umsetzungsland = land }, "umsetzungsland", FieldChanges.Between(("umsetzungsland", body?.Umsetzungsland, land)));
            });

    public Task<Recorded<EfaNachnutzung>> SetZustandAsync(WriteCommand command, string land, NachnutzungZustand zustand, bool overrideByManagement) =>
        WriteAsync(
            command,
            NachnutzungFingerprints.Zustand(command.ExpectedVersion, land, zustand, overrideByManagement),
            ManagementOnly(command, "record the Nachnutzung of an EfA-Leistung"),
            async body =>
            {
                if (body is null)
                {
                    await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
                }

                var before = body is { Umsetzungsland.Length: > 0 }
                    ? body
                    : throw new RuleViolationException(
                        $"OZG-Leistung {OzgId} has no Umsetzungsland yet: an EfA-Leistung is reused only once the Land that builds it is recorded.");
                if (land == before.Umsetzungsland)
                {
                    throw new RuleViolationException($"{land} builds OZG-Leistung {OzgId} (Umsetzungsland); it cannot reuse it as well.");
                }

                var from = before.ZustandIn(land);
                NachnutzungRules.EnsureAllowed(land, from, zustand, overrideByManagement);
                var overridden = overrideByManagement && !NachnutzungRules.IsStep(from, zustand);
                var next = before with { Laender = zustand == NachnutzungZustand.KeinInteresse ? before.Laender.Remove(land) : before.Laender.SetItem(land, zustand) };
                var after = overridden ? $"{zustand} (Override durch das Programm-Management)" : zustand.ToString();
                var fields = FieldChanges.Between(($"nachnutzung.{land}", from.ToString(), from == zustand ? from.ToString() : after));
                return (next, overridden ? "nachnutzung-override" : "nachnutzung", fields);
            });

    protected override async Task OnCommittedAsync(Recorded<EfaNachnutzung> recorded)
    {
        try
        {
            await GrainFactory.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key).ReportNachnutzungAsync(recorded.Body, recorded.Version, recorded.LastChange);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "EfA-Nachnutzung {OzgId}: figures did not take version {Version}", OzgId, recorded.Version);
        }
    }
}

using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;
using AnschlussEintrag = OzgGrid.Grains.Abstractions.Anschluss.AnschlussEintrag;
using AnschlussKommune = OzgGrid.Grains.Abstractions.Anschluss.AnschlussKommune;
using AnschlussSchritt = OzgGrid.Grains.Abstractions.Anschluss.AnschlussSchritt;
using Onlinedienst = OzgGrid.Grains.Abstractions.Onlinedienste.Onlinedienst;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The Anschluss pipeline: the checklists of an Onlinedienst in a Land's Kommunen and the progress they add up to; the
/// forecast per Leistung and Land is in <c>AnschlussService.Prognose.cs</c>.
/// </summary>
public sealed partial class AnschlussService(IGrainFactory grains, ProgrammeClock clock) : Protos.V1.AnschlussService.AnschlussServiceBase
{
    public override async Task<SetAnschlussResponse> SetAnschluss(SetAnschlussRequest request, ServerCallContext context)
    {
        var onlinedienstId = ProgrammeGuard.Id(request.OnlinedienstId, "onlinedienst_id");
        var (land, aenderungen) = AnschlussGuard.Aenderungen(request.Aenderungen, clock.Today);
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var written = await Anschluss(onlinedienstId, land).SetAsync(command, aenderungen);
        var today = clock.Today;
        return new SetAnschlussResponse
        {
            OnlinedienstId = onlinedienstId,
            Land = land,
            Version = written.Version,
            Kommunen =
            {
                aenderungen.Select(a => a.Ags).Distinct().Order(StringComparer.Ordinal)
                    .Select(ags => (written.Body.Kommune(ags) ?? Leer(ags)).MapToProto(today)),
            },
        };
    }

    public override async Task<GetAnschlussResponse> GetAnschluss(GetAnschlussRequest request, ServerCallContext context)
    {
        var onlinedienstId = ProgrammeGuard.Id(request.OnlinedienstId, "onlinedienst_id");
        var ags = ProgrammeGuard.Ags(request.Ags, "ags");
        Ags.TryGetLand(ags, out var land);
        var recorded = await Anschluss(onlinedienstId, land!.Kuerzel).GetAsync();

        // A retired Kommune keeps its own checklist; its successor shows it while it has none of its own.
        var inherited = recorded is null ? null : recorded.Body.Following(await grains.GetGrain<IKommunenRegisterGrain>(land.Kuerzel).GetAsync()).Kommune(ags);
        return new GetAnschlussResponse
        {
            OnlinedienstId = onlinedienstId,
            Land = land.Kuerzel,
            Version = recorded?.Version ?? 0,
            Kommune = (recorded?.Body.Kommune(ags) ?? inherited ?? Leer(ags)).MapToProto(clock.Today),
        };
    }

    public override async Task<GetAnschlussFortschrittResponse> GetAnschlussFortschritt(GetAnschlussFortschrittRequest request, ServerCallContext context)
    {
        var onlinedienstId = ProgrammeGuard.Id(request.OnlinedienstId, "onlinedienst_id");
        var land = RequestGuard.Land(request.Land, "land");
        var recorded = await Anschluss(onlinedienstId, land).GetAsync();
        var dienst = (await grains.GetGrain<IOnlinedienstGrain>(onlinedienstId).GetAsync()).Body;
        var register = await grains.GetGrain<IKommunenRegisterGrain>(land).GetAsync();
        var anschluss = (recorded?.Body ?? LandAnschluss.Leer(onlinedienstId, land)).Following(register);

        var today = clock.Today;
        var (landStand, kreise) = Fortschritt(anschluss, Scope(dienst, register, anschluss), today);
        return new GetAnschlussFortschrittResponse
        {
            OnlinedienstId = onlinedienstId,
            Land = land,
            Version = recorded?.Version ?? 0,
            LandStand = landStand,
            Kreise = { kreise },
            Ueberfaellig = { anschluss.Kommunen.Values.Where(k => k.IstUeberfaellig(today)).Select(k => k.Ags) },
        };
    }

    /// <summary>The progress of the Land and of each Kreis with Kommunen in scope, in Kreis order.</summary>
    private static (AnschlussStand Land, List<KreisFortschritt> Kreise) Fortschritt(LandAnschluss anschluss, HashSet<string> scope, DateOnly today) =>
        (anschluss.Kommunen.Values.ToList().MapToProto(scope.Count, today),
            [.. scope.GroupBy(AnschlussKeys.Kreis).OrderBy(k => k.Key, StringComparer.Ordinal).Select(kreis => new KreisFortschritt
            {
                Kreis = kreis.Key,
                Stand = kreis.Select(anschluss.Kommune).OfType<AnschlussKommune>().ToList().MapToProto(kreis.Count(), today),
            })]);

    /// <summary>
    /// The Kommunen in scope: the register's where the Onlinedienst is to be used, and any with a checklist (a retired
    /// Kommune's counted as its successor's: <paramref name="anschluss"/> follows the register).
    /// </summary>
    private static HashSet<string> Scope(Onlinedienst dienst, KommunenRegister register, LandAnschluss anschluss)
    {
        var imEinsatz = dienst.Einsatzgebiet.FirstOrDefault(e => e.Land == register.Land);
        return register.Kommunen.Keys
            .Where(ags => dienst.Einsatzgebiet.IsEmpty || (imEinsatz is not null && (imEinsatz.GanzesLand || imEinsatz.Kommunen.Contains(ags))))
            .Union(anschluss.Kommunen.Keys)
            .ToHashSet(StringComparer.Ordinal);
    }

    private IAnschlussGrain Anschluss(string onlinedienstId, string land) => grains.GetGrain<IAnschlussGrain>(AnschlussKeys.Of(onlinedienstId, land));

    private static AnschlussKommune Leer(string ags) => new(ags, System.Collections.Immutable.ImmutableSortedDictionary<AnschlussSchritt, AnschlussEintrag>.Empty);
}

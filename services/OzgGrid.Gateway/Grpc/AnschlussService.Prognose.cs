using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Protos.V1;
using KommuneVerfuegbarkeit = OzgGrid.Grains.Abstractions.Rollout.KommuneVerfuegbarkeit;
using Onlinedienst = OzgGrid.Grains.Abstractions.Onlinedienste.Onlinedienst;
using ZustaendigeKommunen = OzgGrid.Grains.Abstractions.Rollout.ZustaendigeKommunen;
using ZustaendigeKommunenArt = OzgGrid.Grains.Abstractions.Rollout.ZustaendigeKommunenArt;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The forecast of a Leistung in a Land, read together from the records that hold its parts: the responsible Kommunen
/// and those online (the Land rollout), the register, and the Anschluss records of the Leistung's Onlinedienste (a
/// retired Kommune's checklist counting as its successor's).
/// </summary>
public sealed partial class AnschlussService
{
    private const string PrognoseList = "anschluss-prognose";

    /// <summary>Entries read from the Land rollout per call.</summary>
    private const int RolloutPage = 1_000;

    public override async Task<GetAnschlussPrognoseResponse> GetAnschlussPrognose(GetAnschlussPrognoseRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var land = RequestGuard.Land(request.Land, "land");
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var list = $"{PrognoseList}-{ozgId}-{land}";
        var offset = (int)Math.Min(PageToken.Decode(request.PageToken, list) ?? 0, int.MaxValue);
        await CatalogGuard.RequireLeistungAsync(grains, ozgId);
        var prognose = await PrognoseAsync(ozgId, await grains.GetGrain<IKommunenRegisterGrain>(land).GetAsync());

        var page = prognose.Fehlende.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return new GetAnschlussPrognoseResponse
        {
            OzgId = ozgId,
            Land = land,
            ZustaendigeKommunen = prognose.Zustaendige,
            OnlineKommunen = prognose.Online,
            FehlendeKommunen = prognose.Fehlende.Length,
            Flaechendeckend = prognose.Flaechendeckend,
            FlaechendeckendAb = AnschlussMapping.Day(prognose.FlaechendeckendAb),
            OhneGeplantenGoLive = prognose.OhneGeplantenGoLive,
            UeberfaelligeKommunen = prognose.Fehlende.Count(f => f.Ueberfaellig),
            Fehlende = { page.Select(f => f.MapToProto()) },
            NextPageToken = next < prognose.Fehlende.Length ? PageToken.Encode(list, next) : string.Empty,
        };
    }

    /// <summary>The forecast of a Leistung in the register's Land, as the register stands.</summary>
    private async Task<AnschlussPrognose> PrognoseAsync(int ozgId, KommunenRegister register)
    {
        var rollout = grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, register.Land));
        var zustaendig = await rollout.GetZustaendigeKommunenAsync();
        var zustaendige = (zustaendig?.Body ?? ZustaendigeKommunen.Alle) switch
        {
            { Art: ZustaendigeKommunenArt.Keine } => [],
            var z => register.Kommunen.Keys.Where(z.Following(register).Includes).ToList(),
        };
        return AnschlussPrognosen.Berechne(ozgId, register.Land, zustaendige, await OnlineAsync(rollout), await DiensteAsync(ozgId, register), clock.Today);
    }

    /// <summary>The Kommunen the Land rollout has online.</summary>
    private static async Task<IReadOnlySet<string>> OnlineAsync(ILandRolloutGrain rollout)
    {
        var online = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await rollout.GetAsync(after, RolloutPage);
            online.UnionWith(page.Entries.Where(e => e.Verfuegbarkeit == KommuneVerfuegbarkeit.Online).Select(e => e.Ags));
            after = page.NextAfterAgs;
        }
        while (after is not null);

        return online;
    }

    /// <summary>The Onlinedienste implementing the Leistung, each with its Anschluss record in the Land.</summary>
    private async Task<IReadOnlyList<(Onlinedienst Dienst, LandAnschluss? Anschluss)>> DiensteAsync(int ozgId, KommunenRegister register)
    {
        var land = register.Land;
        var ids = await grains.GetGrain<IIdSetGrain>(IdSets.OnlinediensteOf(ozgId)).GetAsync();
        var dienste = new List<(Onlinedienst, LandAnschluss?)>();
        foreach (var id in ids)
        {
            try
            {
                var dienst = (await grains.GetGrain<IOnlinedienstGrain>(id).GetAsync()).Body;

                // The Onlinedienst is the truth: the index may name one whose write failed half-way.
                if (dienst.OzgIds.Contains(ozgId))
                {
                    dienste.Add((dienst, (await Anschluss(id, land).GetAsync())?.Body.Following(register)));
                }
            }
            catch (NotFoundException)
            {
                // Named by the index, never registered (a registration that failed half-way).
            }
        }

        return dienste;
    }
}

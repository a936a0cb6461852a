using System.Collections.Immutable;
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
        var dienste = Implementing(ozgId, await OnlinedienstReads.ReadAsync(grains, await OnlinediensteOfAsync(ozgId)));
        return await PrognoseAsync(ozgId, register, dienste, await AnschluesseAsync(dienste, register));
    }

    /// <summary>
    /// The forecasts of the Leistungen in the register's Land, with the same rules as one: each Anschluss record read
    /// once for all of them, the Land rollouts a batch at a time.
    /// </summary>
    /// <param name="dienste">Per Leistung the Onlinedienste implementing it (<see cref="ImplementingAsync"/>).</param>
    private async Task<List<AnschlussPrognose>> PrognosenAsync(IReadOnlyDictionary<int, List<Onlinedienst>> dienste, KommunenRegister register)
    {
        var anschluesse = await AnschluesseAsync(dienste.Values.SelectMany(d => d).DistinctBy(d => d.OnlinedienstId), register);
        var prognosen = new List<AnschlussPrognose>(dienste.Count);
        foreach (var batch in dienste.Keys.Order().Chunk(ReportBatch))
        {
            prognosen.AddRange(await Task.WhenAll(batch.Select(ozgId => PrognoseAsync(ozgId, register, dienste[ozgId], anschluesse))));
        }

        return prognosen;
    }

    private async Task<AnschlussPrognose> PrognoseAsync(
        int ozgId, KommunenRegister register, List<Onlinedienst> dienste, IReadOnlyDictionary<string, LandAnschluss> anschluesse)
    {
        var rollout = await grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, register.Land)).GetOnlineAsync();
        var zustaendige = (rollout.Zustaendige ?? ZustaendigeKommunen.Alle) switch
        {
            { Art: ZustaendigeKommunenArt.Keine } => [],
            var z => register.Kommunen.Keys.Where(z.Following(register).Includes).ToList(),
        };
        return AnschlussPrognosen.Berechne(
            ozgId, register.Land, zustaendige, rollout.Online.ToHashSet(StringComparer.Ordinal),
            [.. dienste.Select(d => (d, anschluesse.GetValueOrDefault(d.OnlinedienstId)))], clock.Today);
    }

    /// <summary>
    /// Per Leistung any of <paramref name="dienste"/> implements, the Onlinedienste implementing it as GetAnschlussPrognose
    /// finds them (by the Leistung's index), each read once for all Leistungen.
    /// </summary>
    private async Task<Dictionary<int, List<Onlinedienst>>> ImplementingAsync(List<Onlinedienst> dienste)
    {
        var indexes = new Dictionary<int, ImmutableSortedSet<string>>();
        foreach (var batch in dienste.SelectMany(d => d.OzgIds).Distinct().Chunk(ReportBatch))
        {
            foreach (var (ozgId, ids) in await Task.WhenAll(batch.Select(async ozgId => (ozgId, await OnlinediensteOfAsync(ozgId)))))
            {
                indexes[ozgId] = ids;
            }
        }

        var byId = dienste.ToDictionary(d => d.OnlinedienstId, StringComparer.Ordinal);
        var unread = indexes.Values.SelectMany(ids => ids).Distinct().Where(id => !byId.ContainsKey(id)).ToList();
        foreach (var dienst in await OnlinedienstReads.ReadAsync(grains, unread))
        {
            byId[dienst.OnlinedienstId] = dienst;
        }

        return indexes.ToDictionary(i => i.Key, i => Implementing(i.Key, i.Value.Where(byId.ContainsKey).Select(id => byId[id])));
    }

    private Task<ImmutableSortedSet<string>> OnlinediensteOfAsync(int ozgId) => grains.GetGrain<IIdSetGrain>(IdSets.OnlinediensteOf(ozgId)).GetAsync();

    /// <summary>Those of the Leistung's index that implement it: the Onlinedienst is the truth, the index may name one whose write failed half-way.</summary>
    private static List<Onlinedienst> Implementing(int ozgId, IEnumerable<Onlinedienst> indexed) =>
        [.. indexed.Where(d => d.OzgIds.Contains(ozgId)).OrderBy(d => d.OnlinedienstId, StringComparer.Ordinal)];

    /// <summary>Each Onlinedienst's Anschluss record in the register's Land as the register stands, by Onlinedienst; none where nothing is recorded.</summary>
    private async Task<Dictionary<string, LandAnschluss>> AnschluesseAsync(IEnumerable<Onlinedienst> dienste, KommunenRegister register) =>
        (await RecordsAsync(dienste, register.Land)).ToDictionary(r => r.Dienst.OnlinedienstId, r => r.Anschluss.Following(register), StringComparer.Ordinal);
}

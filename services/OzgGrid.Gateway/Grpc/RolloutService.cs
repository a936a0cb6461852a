using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

public sealed partial class RolloutService(IGrainFactory grains, ILogger<RolloutService> logger) : Protos.V1.RolloutService.RolloutServiceBase
{
    /// <summary>Entries per batch: thousands of Kommunen in a few calls, well inside the request size limit.</summary>
    public const int MaxBatchEntries = 1000;

    /// <summary>(Leistung, Land) groups of a batch reported at once.</summary>
    private const int ParallelGroups = 8;

    private const string EntriesList = "rollout";

    public override async Task<ReportRolloutResponse> ReportRollout(ReportRolloutRequest request, ServerCallContext context)
    {
        var (ozgId, land, report) = RolloutGuard.Report(request.Report, "report");
        var command = await context.WriteCommandAsync(grains, request.RequestId, expectedVersion: null);
        var outcome = (await LandRollout(ozgId, land).ReportAsync(command, [report]))[0];
        return outcome.Accepted is { } entry
            ? new ReportRolloutResponse { Entry = entry.MapToProto() }
            : throw new RpcException(new Status(outcome.Refusal!.Value.MapToStatusCode(), RequestGuard.Limit(outcome.Reason)));
    }

    public override async Task<ReportRolloutsResponse> ReportRollouts(ReportRolloutsRequest request, ServerCallContext context)
    {
        if (request.Entries.Count == 0)
        {
            throw RequestGuard.Invalid("entries", $"Required: 1–{MaxBatchEntries} entries.");
        }

        RequestGuard.ListSize(request.Entries.Count, MaxBatchEntries, "entries");
        var command = await context.WriteCommandAsync(grains, request.RequestId, expectedVersion: null);

        // Entries the gateway can refuse by themselves are answered here; the rest go to their (Leistung, Land) grain.
        var results = new RolloutResult[request.Entries.Count];
        var valid = new List<(int Index, int OzgId, string Land, Grains.Abstractions.Rollout.RolloutReport Report)>();
        var seen = new HashSet<(int, string)>();
        for (var i = 0; i < request.Entries.Count; i++)
        {
            var entry = request.Entries[i];
            try
            {
                var (ozgId, land, report) = RolloutGuard.Report(entry, $"entries[{i}]");
                if (seen.Add((ozgId, report.Ags)))
                {
                    valid.Add((i, ozgId, land, report));
                }
                else
                {
                    results[i] = Refused(i, entry, RolloutResultCode.InvalidArgument, $"entries[{i}]: OZG-ID {ozgId} in {report.Ags} is listed twice in this batch.");
                }
            }
            catch (RpcException invalid) when (invalid.StatusCode == StatusCode.InvalidArgument)
            {
                results[i] = Refused(i, entry, RolloutResultCode.InvalidArgument, invalid.Status.Detail);
            }
        }

        var groups = valid.GroupBy(v => (v.OzgId, v.Land)).Select(group => group.ToList());
        var options = new ParallelOptions { MaxDegreeOfParallelism = ParallelGroups, CancellationToken = context.CancellationToken };
        await Parallel.ForEachAsync(groups, options, async (group, _) =>
        {
            var (ozgId, land) = (group[0].OzgId, group[0].Land);
            try
            {
                var outcomes = await LandRollout(ozgId, land).ReportAsync(command, [.. group.Select(item => item.Report)]);
                for (var j = 0; j < group.Count; j++)
                {
                    results[group[j].Index] = outcomes[j].MapToResult(group[j].Index, ozgId);
                }
            }
            catch (Exception refused) when (refused is not OperationCanceledException)
            {
                var (code, reason) = GroupRefusal(refused, ozgId, land);
                foreach (var item in group)
                {
                    results[item.Index] = Refused(item.Index, request.Entries[item.Index], code, reason);
                }
            }
        });

        var accepted = results.Count(r => r.Code == RolloutResultCode.Accepted);
        return new ReportRolloutsResponse { Results = { results }, AcceptedCount = accepted, RefusedCount = results.Length - accepted };
    }

    public override async Task<GetRolloutResponse> GetRollout(GetRolloutRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var land = RequestGuard.Land(request.Land, "land");
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var list = $"{EntriesList}-{ozgId}-{land}";
        var after = PageToken.Decode(request.PageToken, list) is { } cursor ? AgsOf(cursor) : null;

        var rollout = await LandRollout(ozgId, land).GetAsync(after, pageSize);
        return new GetRolloutResponse
        {
            OzgId = rollout.OzgId,
            Land = rollout.Land,
            Verfuegbarkeit = rollout.Derived.MapToProto(),
            PublishedVerfuegbarkeit = rollout.Published.MapToProto(),
            RegisteredKommunen = rollout.RegisteredKommunen,
            OnlineKommunen = rollout.OnlineKommunen,
            PilotKommunen = rollout.PilotKommunen,
            ReportedEntries = rollout.ReportedEntries,
            Entries = { rollout.Entries.Select(entry => entry.MapToProto()) },
            NextPageToken = rollout.NextAfterAgs is { } next ? PageToken.Encode(list, long.Parse(next, CultureInfo.InvariantCulture)) : string.Empty,
        };
    }

    /// <summary>Why a whole (Leistung, Land) group was refused: nothing of it was applied, or a retry tells.</summary>
    private (RolloutResultCode Code, string Reason) GroupRefusal(Exception refused, int ozgId, string land)
    {
        switch (refused)
        {
            case NotFoundException notFound:
                return (RolloutResultCode.NotFound, notFound.Message);
            case AccessDeniedException denied:
                return (RolloutResultCode.PermissionDenied, denied.Message);
            default:
                logger.LogWarning(refused, "Rollout report of OZG-Leistung {OzgId} in {Land} failed", ozgId, land);
                return (RolloutResultCode.Unavailable, "Not stored right now; report it again with the same request_id.");
        }
    }

    private static RolloutResult Refused(int index, Protos.V1.RolloutReport entry, RolloutResultCode code, string reason) => new()
    {
        Index = index, OzgId = entry.OzgId, Ags = RequestGuard.Limit(entry.Ags), Code = code, Reason = RequestGuard.Limit(reason),
    };

    private static string AgsOf(long cursor) => cursor.ToString("D8", CultureInfo.InvariantCulture);

    private ILandRolloutGrain LandRollout(int ozgId, string land) => grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, land));
}

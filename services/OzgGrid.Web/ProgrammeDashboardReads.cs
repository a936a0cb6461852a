using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Protos.V1;
using LeistungService = OzgGrid.Gateway.Grpc.LeistungService;
using MonitoringService = OzgGrid.Gateway.Grpc.MonitoringService;
using ProgrammeManagementService = OzgGrid.Gateway.Grpc.ProgrammeManagementService;

namespace OzgGrid.Web;

/// <summary>
/// What the page reads, asked of the gateway's gRPC services in-process: the same validation, grains and mapping as a
/// gRPC client gets, answered as the services' own messages (sent as protobuf JSON).
/// </summary>
public sealed class ProgrammeDashboardReads(IServiceProvider services)
{
    /// <summary>The history page of a Leistung shows this many changes, newest first.</summary>
    private const int HistoryPageSize = 200;

    public async Task<IMessage> FiguresAsync(CancellationToken cancellationToken) =>
        await Service<MonitoringService>().GetProgrammeFigures(new GetProgrammeFiguresRequest(), Context(nameof(FiguresAsync), cancellationToken));

    /// <summary>OZG-konform per month, from the first day counted.</summary>
    public async Task<IMessage> ProgressAsync(CancellationToken cancellationToken) =>
        await Service<MonitoringService>().GetProgress(
            new GetProgressRequest { Granularity = ProgressGranularity.Month }, Context(nameof(ProgressAsync), cancellationToken));

    public async Task<IMessage> OverdueAsync(CancellationToken cancellationToken) =>
        await Service<ProgrammeManagementService>().ListUeberfaelligeLeistungen(
            new ListUeberfaelligeLeistungenRequest(), Context(nameof(OverdueAsync), cancellationToken));

    public async Task<IMessage> LeistungAsync(int ozgId, CancellationToken cancellationToken) =>
        await Service<LeistungService>().GetLeistung(new GetLeistungRequest { OzgId = ozgId }, Context(nameof(LeistungAsync), cancellationToken));

    public async Task<IMessage> HistoryAsync(int ozgId, CancellationToken cancellationToken) =>
        await Service<LeistungService>().ListLeistungChanges(
            new ListLeistungChangesRequest { OzgId = ozgId, PageSize = HistoryPageSize }, Context(nameof(HistoryAsync), cancellationToken));

    /// <summary>The monitoring stream, unfiltered and batched, from a cursor the page already had (or from a snapshot).</summary>
    public Task WatchAsync(string resumeCursor, IServerStreamWriter<WatchProgrammeResponse> stream, CancellationToken cancellationToken) =>
        Service<MonitoringService>().WatchProgramme(
            new WatchProgrammeRequest { Batched = true, ResumeCursor = resumeCursor }, stream, Context(nameof(WatchAsync), cancellationToken));

    // Created per call, as grpc-dotnet does for a call over the network.
    private T Service<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(services);

    private static InProcessCallContext Context(string read, CancellationToken cancellationToken) =>
        new($"programme-dashboard/{read}", cancellationToken);
}

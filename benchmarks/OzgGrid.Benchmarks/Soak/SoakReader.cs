using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>A monitoring reader: programme figures now and as of a past moment, Leistungen as of a past moment, their change history.</summary>
public sealed class SoakReader(int[] ozgIds, GrpcChannel channel, SoakLedger ledger, Random random)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(CancellationToken stop)
    {
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);
        var leistungen = new LeistungService.LeistungServiceClient(channel);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var ozgId = ozgIds[random.Next(ozgIds.Length)];
                var asOf = Timestamp.FromDateTime(DateTime.UtcNow.AddSeconds(-random.Next(0, 120)));
                (string Source, Task Call) read = random.Next(4) switch
                {
                    0 => ("read: figures as of", monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { AsOf = asOf }, deadline: SoakCalls.Deadline(), cancellationToken: stop).ResponseAsync),
                    1 => ("read: Leistung as of", monitoring.GetLeistungAsOfAsync(new GetLeistungAsOfRequest { OzgId = ozgId, AsOf = asOf }, deadline: SoakCalls.Deadline(), cancellationToken: stop).ResponseAsync),
                    2 => ("read: history", leistungen.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgId, PageSize = 20 }, deadline: SoakCalls.Deadline(), cancellationToken: stop).ResponseAsync),
                    _ => ("read: figures", monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest(), deadline: SoakCalls.Deadline(), cancellationToken: stop).ResponseAsync),
                };
                await CountAsync(read.Source, read.Call, stop);
                await Task.Delay(Pause, stop);
            }
        }
        catch (Exception exception) when (SoakCalls.Stopped(exception, stop))
        {
            // The soak ended.
        }
    }

    private async Task CountAsync(string source, Task call, CancellationToken stop)
    {
        try
        {
            await call;
            ledger.Succeeded(source);
        }
        catch (RpcException exception) when (!stop.IsCancellationRequested)
        {
            // A Leistung written just before its as-of moment may have no change that old: NOT_FOUND is an answer too.
            ledger.Failed(source, exception);
        }
    }
}

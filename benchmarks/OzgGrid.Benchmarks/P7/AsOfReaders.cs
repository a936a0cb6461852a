using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.P7;

/// <summary>
/// Closed-loop readers with a monitoring token, each taking in turn: the programme figures as of a moment of the run
/// (recounted from every Leistung's history), one Leistung of the Themenfeld as of a moment, and one Leistung's whole
/// change history page by page. The moments lie between <paramref name="historyFrom"/> and now.
/// </summary>
public sealed class AsOfReaders(
    IReadOnlyList<(MonitoringService.MonitoringServiceClient Monitoring, LeistungService.LeistungServiceClient Leistungen)> clients,
    IReadOnlyList<int> ozgIds,
    DateTimeOffset historyFrom)
{
    private const int ChangesPageSize = 20;

    private const int Figures = 0;
    private const int LeistungAsOf = 1;
    private const int Changes = 2;

    /// <summary>Reads answered within the phase, by kind.</summary>
    private readonly long[] _answered = new long[3];

    /// <summary>
    /// Reads until <paramref name="stop"/> is cancelled; the calls under way then are finished, not counted. Each reader
    /// first finishes <paramref name="requiredRounds"/> reads of every kind, counted even after the stop (quick mode: on
    /// a loaded machine one read can outlast the whole phase, and the harness must still show each kind works).
    /// </summary>
    public async Task<ReadLoad> RunAsync(int readers, int requiredRounds, CancellationToken stop)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var failures = new ConcurrentDictionary<string, int>();
        var latencies = new List<long>[readers];
        await Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(async () =>
        {
            var own = latencies[reader] = new List<long>(1024);
            var (monitoring, leistungen) = clients[reader % clients.Count];
            for (var kind = reader; ; kind++)
            {
                var required = kind - reader < requiredRounds * _answered.Length;
                if (!required && stop.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    await ReadAsync(kind % _answered.Length, monitoring, leistungen, own, required ? CancellationToken.None : stop);
                }
                catch (RpcException exception)
                {
                    failures.AddOrUpdate(exception.StatusCode.ToString(), 1, (_, count) => count + 1);
                }
            }
        }, CancellationToken.None)));

        var all = latencies.SelectMany(own => own).ToArray();
        return new ReadLoad(
            _answered[Figures], _answered[LeistungAsOf], _answered[Changes], failures.Values.Sum(),
            string.Join(", ", failures.Select(pair => $"{pair.Key} ×{pair.Value}")),
            LatencyStats.FromTicks(all, all.Length),
            Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
    }

    private async Task ReadAsync(
        int kind, MonitoringService.MonitoringServiceClient monitoring, LeistungService.LeistungServiceClient leistungen, List<long> latencies, CancellationToken stop)
    {
        var ozgId = ozgIds[Random.Shared.Next(ozgIds.Count)];
        switch (kind)
        {
            case Figures:
                await TimedAsync(async () => await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { AsOf = Moment() }), latencies, Figures, stop);
                break;
            case LeistungAsOf:
                await TimedAsync(async () => await monitoring.GetLeistungAsOfAsync(new GetLeistungAsOfRequest { OzgId = ozgId, AsOf = Moment() }), latencies, LeistungAsOf, stop);
                break;
            default:
                var request = new ListLeistungChangesRequest { OzgId = ozgId, PageSize = ChangesPageSize };
                do
                {
                    var page = await TimedAsync(async () => await leistungen.ListLeistungChangesAsync(request), latencies, Changes, stop);
                    request.PageToken = page.NextPageToken;
                }
                while (request.PageToken.Length > 0 && !stop.IsCancellationRequested);

                break;
        }
    }

    private Timestamp Moment()
    {
        var span = DateTimeOffset.UtcNow - historyFrom;
        return Timestamp.FromDateTimeOffset(historyFrom + (span * Random.Shared.NextDouble()));
    }

    /// <summary>Counts a read only if it was answered before the phase ended.</summary>
    private async Task<T> TimedAsync<T>(Func<Task<T>> read, List<long> latencies, int kind, CancellationToken stop)
    {
        var sentAt = Stopwatch.GetTimestamp();
        var answer = await read();
        if (!stop.IsCancellationRequested)
        {
            latencies.Add(Stopwatch.GetTimestamp() - sentAt);
            Interlocked.Increment(ref _answered[kind]);
        }

        return answer;
    }
}

using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// A monitoring client following Leistungen on WatchProgramme: when its stream ends it opens another (through the
/// balanced channel, so on whichever silo is up) with the cursor it saw last. Per Leistung it checks that it sees every
/// version: a version skipped by a change is missing until a snapshot (or a recount's catch-up change) covers it.
/// </summary>
public sealed class SoakWatcher(int[] ozgIds, GrpcChannel channel, SoakLedger ledger)
{
    private const string Source = "watch";

    private static readonly TimeSpan ReconnectBackoff = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _known = [];
    private readonly HashSet<(int OzgId, long Version)> _missing = [];
    private readonly Dictionary<string, int> _streams = [];
    private string _cursor = string.Empty;

    public int ChangesSeen { get; private set; }

    /// <summary>Versions skipped and later covered by a snapshot (initial, resume unavailable, resync).</summary>
    public int CoveredBySnapshot { get; private set; }

    /// <summary>Versions skipped and later covered by a recount's catch-up change (CHANGE_KIND_ABGLEICH).</summary>
    public int CoveredByCatchUp { get; private set; }

    /// <summary>Versions that arrived after a later one.</summary>
    public int OutOfOrder { get; private set; }

    /// <summary>Versions skipped and never covered: a change the watcher was never told of.</summary>
    public IReadOnlyCollection<(int OzgId, long Version)> Missing
    {
        get
        {
            lock (_gate)
            {
                return [.. _missing];
            }
        }
    }

    /// <summary>How the streams began (snapshot reasons, resumed) and ended, with counts.</summary>
    public IReadOnlyDictionary<string, int> Streams
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_streams);
            }
        }
    }

    /// <summary>True once every Leistung is known at the given version or a later one.</summary>
    public bool Knows(IReadOnlyDictionary<int, long> versions)
    {
        lock (_gate)
        {
            return versions.All(v => _known.TryGetValue(v.Key, out var known) && known >= v.Value);
        }
    }

    /// <summary>The Leistungen it knows at an older version than given ("10400 at 5 of 7, …"), empty when none.</summary>
    public string Behind(IReadOnlyDictionary<int, long> versions)
    {
        lock (_gate)
        {
            return string.Join(", ", versions.Where(v => _known.GetValueOrDefault(v.Key) < v.Value).Select(v => $"{v.Key} at {_known.GetValueOrDefault(v.Key)} of {v.Value}"));
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var client = new MonitoringService.MonitoringServiceClient(channel);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var call = client.WatchProgramme(new WatchProgrammeRequest { OzgIds = { ozgIds }, ResumeCursor = _cursor }, cancellationToken: stop);
                await foreach (var message in call.ResponseStream.ReadAllAsync(stop))
                {
                    Take(message);
                }

                Note("ended by the silo");
            }
            catch (RpcException exception) when (!stop.IsCancellationRequested)
            {
                ledger.Failed(Source, exception);
                Note($"ended {exception.StatusCode}");
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(ReconnectBackoff, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Take(WatchProgrammeResponse message)
    {
        switch (message.EventCase)
        {
            case WatchProgrammeResponse.EventOneofCase.Snapshot:
                ledger.Succeeded(Source);
                Note($"snapshot {message.Snapshot.Reason}");
                lock (_gate)
                {
                    foreach (var leistung in message.Snapshot.Leistungen)
                    {
                        CoveredBySnapshot += Cover(leistung.OzgId, leistung.Version);
                    }
                }

                _cursor = message.Snapshot.Cursor;
                break;
            case WatchProgrammeResponse.EventOneofCase.Resumed:
                ledger.Succeeded(Source);
                Note("resumed");
                break;
            case WatchProgrammeResponse.EventOneofCase.LeistungChanged:
                See(message.LeistungChanged);
                _cursor = message.LeistungChanged.Cursor;
                break;
            case WatchProgrammeResponse.EventOneofCase.FiguresChanged:
                _cursor = message.FiguresChanged.Cursor;
                break;
            case WatchProgrammeResponse.EventOneofCase.Heartbeat:
                _cursor = message.Heartbeat.Cursor;
                break;
        }
    }

    private void See(LeistungChanged change)
    {
        var (ozgId, version) = (change.Leistung.OzgId, change.Leistung.Version);
        lock (_gate)
        {
            ChangesSeen++;
            if (change.Kind == ChangeKind.Abgleich)
            {
                CoveredByCatchUp += Cover(ozgId, version);
                return;
            }

            if (!_known.TryGetValue(ozgId, out var known))
            {
                _known[ozgId] = version;
                return;
            }

            if (version > known + 1)
            {
                for (var skipped = known + 1; skipped < version; skipped++)
                {
                    _missing.Add((ozgId, skipped));
                }
            }
            else if (version <= known && _missing.Remove((ozgId, version)))
            {
                OutOfOrder++;
            }

            _known[ozgId] = Math.Max(known, version);
        }
    }

    /// <summary>The watcher learns the Leistung at <paramref name="version"/>: what it missed up to there is covered. Answers how many missing versions that covered.</summary>
    private int Cover(int ozgId, long version)
    {
        _known[ozgId] = Math.Max(_known.GetValueOrDefault(ozgId), version);
        return _missing.RemoveWhere(m => m.OzgId == ozgId && m.Version <= version);
    }

    private void Note(string what)
    {
        lock (_gate)
        {
            _streams[what] = _streams.GetValueOrDefault(what) + 1;
        }
    }
}

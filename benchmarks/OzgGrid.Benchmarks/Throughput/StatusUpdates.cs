using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// The UpdateLeistungStatus requests of a closed-loop load: each caller owns its own Leistungen (no two callers write
/// the same one) and takes them in turn, setting each to the next Reifegrad (0–4, round) and a random Umsetzungsphase,
/// so that every update makes a new version. A caller has one call at a time, so its state needs no lock.
/// </summary>
public sealed class StatusUpdates
{
    private static readonly Umsetzungsphase[] Phases =
    [
        Umsetzungsphase.Vorbereitung, Umsetzungsphase.Konzeption, Umsetzungsphase.Umsetzung,
        Umsetzungsphase.Pilotierung, Umsetzungsphase.RollOut, Umsetzungsphase.Regelbetrieb,
    ];

    /// <summary>Reifegrad 0–4.</summary>
    private const int Reifegrade = 5;

    private readonly int[][] _ozgIds;
    private readonly int[][] _reifegrade;
    private readonly int[] _next;
    private readonly string _runId;
    private long _requests;

    /// <param name="leistungen">(OZG-ID, current Reifegrad) of every Leistung the load may write; at least one per caller.</param>
    public StatusUpdates(IReadOnlyList<(int OzgId, int Reifegrad)> leistungen, int callers, string runId)
    {
        if (leistungen.Count < callers)
        {
            throw new ArgumentException($"{callers} callers need at least as many Leistungen, not {leistungen.Count}.", nameof(callers));
        }

        var owned = Enumerable.Range(0, callers).Select(caller => leistungen.Where((_, index) => index % callers == caller).ToArray()).ToArray();
        _ozgIds = [.. owned.Select(own => own.Select(leistung => leistung.OzgId).ToArray())];
        _reifegrade = [.. owned.Select(own => own.Select(leistung => leistung.Reifegrad).ToArray())];
        _next = new int[callers];
        _runId = runId;
    }

    /// <summary>The next update of <paramref name="caller"/>: its next Leistung, to another Reifegrad.</summary>
    public UpdateLeistungStatusRequest Next(int caller)
    {
        var index = _next[caller];
        _next[caller] = (index + 1) % _ozgIds[caller].Length;
        var reifegrad = (_reifegrade[caller][index] + 1) % Reifegrade;
        _reifegrade[caller][index] = reifegrad;
        return new UpdateLeistungStatusRequest
        {
            OzgId = _ozgIds[caller][index],
            RequestId = $"{_runId}-{Interlocked.Increment(ref _requests)}",
            Reifegrad = reifegrad,
            Phase = Phases[Random.Shared.Next(Phases.Length)],
        };
    }
}

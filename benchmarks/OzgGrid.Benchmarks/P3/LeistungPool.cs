using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.P3;

/// <summary>
/// The Leistungen that have no update in flight, each with its Reifegrad as last acknowledged. One update per
/// Leistung at a time means each update can pick a Reifegrad that really changes it, so every update makes a new
/// version, which every watcher must receive.
/// </summary>
public sealed class LeistungPool
{
    private readonly Lock _gate = new();
    private readonly List<int> _free = [];
    private readonly Dictionary<int, int> _reifegrad = [];

    public LeistungPool(IEnumerable<LeistungSummary> leistungen)
    {
        foreach (var leistung in leistungen)
        {
            _free.Add(leistung.OzgId);
            _reifegrad[leistung.OzgId] = leistung.Status?.Reifegrad ?? 0;
        }
    }

    public int Count => _reifegrad.Count;

    /// <summary>Takes a random Leistung that has no update in flight; false when every one has.</summary>
    public bool TryLease(out LeistungLease lease)
    {
        lock (_gate)
        {
            if (_free.Count == 0)
            {
                lease = default;
                return false;
            }

            var index = Random.Shared.Next(_free.Count);
            var ozgId = _free[index];
            _free[index] = _free[^1];
            _free.RemoveAt(_free.Count - 1);
            lease = new LeistungLease(ozgId, _reifegrad[ozgId]);
            return true;
        }
    }

    public void Return(int ozgId, int reifegrad)
    {
        lock (_gate)
        {
            _reifegrad[ozgId] = reifegrad;
            _free.Add(ozgId);
        }
    }
}

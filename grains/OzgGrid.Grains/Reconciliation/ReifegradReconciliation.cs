using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Reconciliation;

/// <summary>
/// Has every Onlinedienst tell its OZG-Leistungen its levels again and wait for them: the repair of a one-way message
/// lost with a stopping silo. Checked: the pairs (Onlinedienst, OZG-Leistung).
/// </summary>
internal sealed class ReifegradReconciliation(IGrainFactory grains, int batchSize)
{
    public async Task<DerivedValueCheck> RunAsync()
    {
        var (checkedCount, corrected) = (0, ImmutableArray.CreateBuilder<Correction>());
        var ids = await grains.GetGrain<IIdSetGrain>(IdSets.Onlinedienste).GetAsync();
        foreach (var batch in ids.Chunk(batchSize))
        {
            var checks = await Task.WhenAll(batch.Select(id => grains.GetGrain<IOnlinedienstGrain>(id).ReconcileReifegradAsync()));
            checkedCount += checks.Sum(c => c.Checked);
            corrected.AddRange(checks.SelectMany(c => c.Corrected));
        }

        return new DerivedValueCheck(DerivedValueKind.Reifegrad, checkedCount, corrected.ToImmutable());
    }
}

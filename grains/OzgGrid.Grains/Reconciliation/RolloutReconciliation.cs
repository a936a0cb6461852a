using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Grains.Reconciliation;

/// <summary>
/// Has every Land rollout derive its Verfügbarkeit again and write it into the Leistung where it differs from what was
/// written last: the repair of a Kommunen import whose one-way message to the rollouts was lost. The rollouts of a Land
/// are those its register lists.
/// </summary>
internal sealed class RolloutReconciliation(IGrainFactory grains, int batchSize)
{
    public async Task<DerivedValueCheck> RunAsync()
    {
        var (checkedCount, corrected) = (0, ImmutableArray.CreateBuilder<Correction>());
        foreach (var land in LaenderRegister.All)
        {
            var rollouts = await grains.GetGrain<IKommunenRegisterGrain>(land.Kuerzel).GetRolloutsAsync();
            foreach (var batch in rollouts.Chunk(batchSize))
            {
                var corrections = await Task.WhenAll(batch.Select(ozgId =>
                    grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, land.Kuerzel)).ReconcileAsync(LeistungRecount.ReconciledBy)));
                checkedCount += batch.Length;
                corrected.AddRange(corrections.OfType<Correction>());
            }
        }

        return new DerivedValueCheck(DerivedValueKind.LandVerfuegbarkeit, checkedCount, corrected.ToImmutable());
    }
}

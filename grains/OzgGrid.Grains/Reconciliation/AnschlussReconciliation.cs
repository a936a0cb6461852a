using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Reconciliation;

/// <summary>
/// Has the Anschluss record of every Onlinedienst in each Land it is used in report the confirmed Go-Lives it has not
/// reported yet: the repair of reports whose retries stopped with their silo while no reminder could be registered.
/// </summary>
internal sealed class AnschlussReconciliation(IGrainFactory grains, int batchSize)
{
    public async Task<DerivedValueCheck> RunAsync()
    {
        var (checkedCount, corrected) = (0, ImmutableArray.CreateBuilder<Correction>());
        var ids = await grains.GetGrain<IIdSetGrain>(IdSets.Onlinedienste).GetAsync();
        foreach (var batch in ids.Chunk(batchSize))
        {
            var dienste = await Task.WhenAll(batch.Select(id => grains.GetGrain<IOnlinedienstGrain>(id).GetAsync()));
            var records = dienste.SelectMany(dienst => dienst.Body.Einsatzgebiet.Select(einsatz => AnschlussKeys.Of(dienst.Body.OnlinedienstId, einsatz.Land)));
            var checks = await Task.WhenAll(records.Distinct().Select(key => grains.GetGrain<IAnschlussGrain>(key).ReportGoLivesAsync()));
            checkedCount += checks.Sum(check => check.Checked);
            corrected.AddRange(checks.SelectMany(check => check.Corrected));
        }

        return new DerivedValueCheck(DerivedValueKind.AnschlussGoLive, checkedCount, corrected.ToImmutable());
    }
}

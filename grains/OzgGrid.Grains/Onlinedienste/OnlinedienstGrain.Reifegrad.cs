using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;

namespace OzgGrid.Grains.Onlinedienste;

/// <summary>
/// What the Onlinedienst tells its OZG-Leistungen after each commit, one way: per Leistung its highest level by each
/// model, while it is published and in use somewhere; the Leistung derives its Reifegrad from them.
/// </summary>
public sealed partial class OnlinedienstGrain
{
    public async Task<DerivedValueCheck> ReconcileReifegradAsync()
    {
        if (Body is null)
        {
            return new DerivedValueCheck(DerivedValueKind.Reifegrad, 0, []);
        }

        var recorded = Require();
        var corrections = await Task.WhenAll(recorded.Body.OzgIds.Select(ozgId =>
            GrainFactory.GetGrain<ILeistungGrain>(ozgId).ReconcileOnlinedienstAsync(OnlinedienstId, Stufen(recorded, ozgId))));
        return new DerivedValueCheck(DerivedValueKind.Reifegrad, corrections.Length, [.. corrections.OfType<Correction>()]);
    }

    private void TellLeistungen(Recorded<Onlinedienst> recorded)
    {
        foreach (var ozgId in recorded.Body.OzgIds)
        {
            GrainFactory.GetGrain<ILeistungGrain>(ozgId).OnOnlinedienstAsync(OnlinedienstId, Stufen(recorded, ozgId)).Ignore();
        }
    }

    /// <summary>The Onlinedienst's levels for one OZG-Leistung: the best of its pairs with that Leistung's LeiKa-Leistungen.</summary>
    private OnlinedienstStufen Stufen(Recorded<Onlinedienst> recorded, int ozgId)
    {
        var dienst = recorded.Body;
        if (!dienst.Veroeffentlicht || dienst.Einsatzgebiet.IsEmpty)
        {
            return new OnlinedienstStufen(recorded.Version, null, null);
        }

        var modelle = ServiceProvider.GetRequiredService<ReifegradModelle>();
        var paare = dienst.Leistungen.Where(l => l.OzgId == ozgId).ToList();
        return new OnlinedienstStufen(recorded.Version, paare.Max(p => modelle.V11.Stufe(p.Bewertung11)), paare.Max(p => modelle.V20.Stufe(p.Bewertung20)));
    }
}

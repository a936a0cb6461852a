using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Rollout;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Validation;

/// <summary>Guard clauses for rollout reports: what can be checked without the register is checked here.</summary>
public static class RolloutGuard
{
    /// <summary>The OZG-ID, the Land (kürzel, from the AGS's first two digits) and the domain report.</summary>
    public static (int OzgId, string Land, RolloutReport Report) Report(Proto.RolloutReport? report, string field)
    {
        if (report is null)
        {
            throw RequestGuard.Invalid(field, "Required.");
        }

        var ozgId = RequestGuard.OzgId(report.OzgId, $"{field}.ozg_id");
        var land = Land(report.Ags, $"{field}.ags");
        var verfuegbarkeit = report.Verfuegbarkeit.MapToDomain($"{field}.verfuegbarkeit");
        var reifegrad = RequestGuard.Reifegrad(report.Reifegrad, $"{field}.reifegrad");
        return (ozgId, land, new RolloutReport(report.Ags, verfuegbarkeit, reifegrad));
    }

    /// <summary>The kürzel of the Land an AGS belongs to.</summary>
    public static string Land(string ags, string field)
    {
        if (!Ags.IsWellFormed(ags))
        {
            throw RequestGuard.Invalid(field, $"An AGS has exactly {Ags.Length} digits, not {RequestGuard.Quote(ags)}.");
        }

        return Ags.TryGetLand(ags, out var land)
            ? land.Kuerzel
            : throw RequestGuard.Invalid(field, $"AGS {ags} starts with {ags[..2]}, which is no Land's code (01–16).");
    }
}

using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Protos.V1;
using DerivedValueCheck = OzgGrid.Grains.Abstractions.Reconciliation.DerivedValueCheck;
using DerivedValueKind = OzgGrid.Grains.Abstractions.Reconciliation.DerivedValueKind;

namespace OzgGrid.Gateway.Mapping;

/// <summary>A reconciliation run as <c>ReconcileFigures</c> answers it.</summary>
public static class ReconciliationMapping
{
    public static ReconcileFiguresResponse MapToProto(this ReconciliationReport report) => new()
    {
        LeistungenCounted = report.Figures.LeistungenCounted,
        LeistungenCaughtUp = report.Figures.LeistungenCaughtUp,
        DriftedFigures = { report.Figures.DriftedFigures },
        Checks = { report.Checks.Select(MapToProto) },
    };

    private static Protos.V1.DerivedValueCheck MapToProto(DerivedValueCheck check) => new()
    {
        Kind = check.Kind switch
        {
            DerivedValueKind.LandVerfuegbarkeit => Protos.V1.DerivedValueKind.LandVerfuegbarkeit,
            DerivedValueKind.Ueberfaellig => Protos.V1.DerivedValueKind.Ueberfaellig,
            DerivedValueKind.EfaFigures => Protos.V1.DerivedValueKind.EfaFigures,
            DerivedValueKind.UeberfaelligFigures => Protos.V1.DerivedValueKind.UeberfaelligFigures,
            DerivedValueKind.ProgrammeFigures => Protos.V1.DerivedValueKind.ProgrammeFigures,
            DerivedValueKind.Reifegrad => Protos.V1.DerivedValueKind.Reifegrad,
            DerivedValueKind.AnschlussGoLive => Protos.V1.DerivedValueKind.AnschlussGoLive,
            _ => Protos.V1.DerivedValueKind.Unspecified,
        },
        Checked = check.Checked,
        Corrected = { check.Corrected.Select(c => new DerivedValueCorrection { Subject = c.Subject, Before = c.Before, After = c.After }) },
    };
}

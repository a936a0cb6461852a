using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Umsetzungsprojekte, domain to proto (the proto enum values are the domain values, both counting from 1).</summary>
public static class UmsetzungsprojektMapping
{
    public static Proto.Umsetzungsprojekt MapToProto(this Recorded<Umsetzungsprojekt> recorded)
    {
        var projekt = recorded.Body;
        var definition = projekt.Definition;
        return new Proto.Umsetzungsprojekt
        {
            ProjektId = projekt.ProjektId,
            Name = definition.Name,
            OzgIds = { definition.OzgIds },
            LeikaKeys = { definition.LeikaKeys },
            Projektleitung = definition.Projektleitung.MapToProto(),
            Methodenexperte = definition.Methodenexperte is { } experte ? new Proto.FimMethodenexperte { Name = experte.Name, Organisation = experte.Organisation } : null,
            EfaTyp = (Proto.EfaTyp)definition.EfaTyp,
            Beteiligte = { projekt.Beteiligte.Select(b => new Proto.Beteiligung { Organisation = b.Organisation.MapToProto(), Rolle = (Proto.BeteiligungRolle)b.Rolle }) },
            Finanzierungen = { projekt.Finanzierungen.Select(f => new Proto.Finanzierung { Programm = f.Programm, BetragCent = f.BetragCent, Status = (Proto.FinanzierungStatus)f.Status }) },
            Phasen = { projekt.Phasen.Select(MapToProto) },
            OnlinedienstIds = { projekt.Onlinedienste },
            Status = new Proto.ProjektStatus
            {
                Phase = projekt.Status.Phase.MapToProto(),
                Ueberfaellig = { projekt.Status.Ueberfaellig.Select(MapToProto) },
                ImPlan = !projekt.Status.IstUeberfaellig,
            },
            Version = recorded.Version,
            LastChange = recorded.LastChange.MapToProto(),
        };
    }

    public static Proto.ProjektPhase MapToProto(this ProjektPhase phase) => (Proto.ProjektPhase)phase;

    public static Proto.Organisation MapToProto(this Organisation organisation) =>
        new() { Art = (Proto.OrganisationArt)organisation.Art, Kennung = organisation.Kennung };

    private static Proto.PhasenTermine MapToProto(PhasenTermine termine) => new()
    {
        Phase = termine.Phase.MapToProto(),
        PlannedStart = Day(termine.GeplanterBeginn),
        PlannedEnd = Day(termine.GeplantesEnde),
        ActualStart = Day(termine.Beginn),
        ActualEnd = Day(termine.Ende),
        Verschiebungen = termine.Verschiebungen,
        Verschiebungsgrund = termine.Verschiebungsgrund,
    };

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd") ?? string.Empty;
}

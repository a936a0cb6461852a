using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>The programme-management side of a Leistung as the Leistung and monitoring APIs show it.</summary>
public static class ProgrammeManagementChangeMapping
{
    public static Proto.ProgrammeManagementChange MapToLeistungChange(this ProgrammeEvent programmeEvent)
    {
        var change = new Proto.ProgrammeManagementChange
        {
            Description = programmeEvent.Description,
            Ueberfaellig = { programmeEvent.Ueberfaellig.Select(m => m.MapToProto()) },
            VorherUeberfaellig = { programmeEvent.VorherUeberfaellig.Select(m => m.MapToProto()) },
        };
        if (programmeEvent.Nachnutzung is { } efa)
        {
            change.Umsetzungsland = efa.Umsetzungsland;
            change.NachnutzerLive = Live(efa);
            change.NachnutzerInVorbereitung = InVorbereitung(efa);
        }

        return change;
    }

    public static Proto.LeistungFristen MapToFristen(this LeistungTermine termine) => new()
    {
        Ueberfaellig = !termine.Ueberfaellig.IsEmpty,
        UeberfaelligeMeilensteine = { termine.Ueberfaellig.Select(m => m.MapToProto()) },
        Meilensteine = { termine.Meilensteine.Select(m => m.MapToProto()) },
    };

    public static Proto.LeistungEfa MapToEfa(this EfaNachnutzung efa) => new()
    {
        Umsetzungsland = efa.Umsetzungsland,
        NachnutzerLive = Live(efa),
        NachnutzerInVorbereitung = InVorbereitung(efa),
    };

    private static int Live(EfaNachnutzung efa) => efa.Laender.Values.Count(zustand => zustand == NachnutzungZustand.Live);

    private static int InVorbereitung(EfaNachnutzung efa) =>
        efa.Laender.Values.Count(zustand => zustand is > NachnutzungZustand.KeinInteresse and < NachnutzungZustand.Live);
}

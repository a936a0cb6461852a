using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Milestones and overdue Leistungen, domain to proto.</summary>
public static class MeilensteinMapping
{
    public static Proto.LeistungMeilensteine MapToProto(this Recorded<LeistungTermine> recorded) => new()
    {
        OzgId = recorded.Body.OzgId,
        ThemenfeldId = recorded.Body.ThemenfeldId,
        Meilensteine = { recorded.Body.Meilensteine.Select(MapToProto) },
        Ueberfaellig = { recorded.Body.Ueberfaellig.Select(MapToProto) },
        Version = recorded.Version,

        // Nothing recorded yet: no change to name.
        LastChange = recorded.Version == 0 ? null : recorded.LastChange.MapToProto(),
    };

    public static Proto.Meilenstein MapToProto(this Meilenstein meilenstein) => new()
    {
        Phase = meilenstein.Phase.MapToProto(),
        Land = meilenstein.Land,
        PlannedDate = meilenstein.Geplant.ToString(BeschlussMapping.DateFormat),
        Beschluss = meilenstein.Beschluss,
    };

    public static Proto.UeberfaelligeLeistung MapToProto(this UeberfaelligeLeistung leistung) => new()
    {
        OzgId = leistung.OzgId,
        ThemenfeldId = leistung.ThemenfeldId,
        Meilensteine = { leistung.Meilensteine.Select(MapToProto) },
    };
}

using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Beschlüsse of the IT-Planungsrat, proto to domain (validated) and back.</summary>
public static class BeschlussMapping
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Beschluss MapToDomain(this Proto.RecordBeschlussRequest request)
    {
        RequestGuard.ListSize(request.Prioritaeten.Count, ProgrammeGuard.MaxListLength, "prioritaeten");
        RequestGuard.ListSize(request.Meilensteine.Count, ProgrammeGuard.MaxListLength, "meilensteine");
        EnsureOnePriorityPerTarget(request.Prioritaeten);
        return new Beschluss(
            ProgrammeGuard.BeschlussNummer(request.Nummer, "nummer"),
            ProgrammeGuard.Date(request.Datum, "datum"),
            ProgrammeGuard.RequiredText(request.Titel, "titel", ProgrammeGuard.MaxNameLength),
            ProgrammeGuard.RequiredText(request.Text, "text", ProgrammeGuard.MaxBeschlussTextLength),
            [.. request.Prioritaeten.Select((p, i) => p.MapToDomain($"prioritaeten[{i}]"))],
            [.. request.Meilensteine.Select((m, i) => m.MapToDomain($"meilensteine[{i}]"))]);
    }

    public static Proto.Beschluss MapToProto(this Recorded<Beschluss> recorded) => new()
    {
        Nummer = recorded.Body.Nummer,
        Datum = recorded.Body.Datum.ToString(DateFormat),
        Titel = recorded.Body.Titel,
        Text = recorded.Body.Text,
        Prioritaeten = { recorded.Body.Prioritaeten.Select(MapToProto) },
        Meilensteine = { recorded.Body.Meilensteine.Select(MapToProto) },
        Version = recorded.Version,
        LastChange = recorded.LastChange.MapToProto(),
    };

    /// <summary>Two priorities for the same Leistung or Themenfeld would leave the one that counts to their order.</summary>
    private static void EnsureOnePriorityPerTarget(Google.Protobuf.Collections.RepeatedField<Proto.PrioritaetVorgabe> prioritaeten)
    {
        var first = new Dictionary<(Proto.PrioritaetVorgabe.ZielOneofCase, int), int>();
        for (var index = 0; index < prioritaeten.Count; index++)
        {
            var vorgabe = prioritaeten[index];
            var target = vorgabe.ZielCase == Proto.PrioritaetVorgabe.ZielOneofCase.OzgId ? vorgabe.OzgId : vorgabe.ThemenfeldId;
            if (vorgabe.ZielCase != Proto.PrioritaetVorgabe.ZielOneofCase.None && !first.TryAdd((vorgabe.ZielCase, target), index))
            {
                throw RequestGuard.Invalid($"prioritaeten[{index}]", $"prioritaeten[{first[(vorgabe.ZielCase, target)]}] has the same target already; give each one priority.");
            }
        }
    }

    private static PrioritaetVorgabe MapToDomain(this Proto.PrioritaetVorgabe vorgabe, string field) => vorgabe.ZielCase switch
    {
        Proto.PrioritaetVorgabe.ZielOneofCase.OzgId =>
            new(RequestGuard.OzgId(vorgabe.OzgId, $"{field}.ozg_id"), null, vorgabe.Prioritaet.MapToDomain($"{field}.prioritaet")),
        Proto.PrioritaetVorgabe.ZielOneofCase.ThemenfeldId =>
            new(null, RequestGuard.ThemenfeldId(vorgabe.ThemenfeldId, $"{field}.themenfeld_id"), vorgabe.Prioritaet.MapToDomain($"{field}.prioritaet")),
        _ => throw RequestGuard.Invalid(field, "Required: the Leistung (ozg_id) or Themenfeld (themenfeld_id) the priority is for."),
    };

    private static MeilensteinVorgabe MapToDomain(this Proto.MeilensteinVorgabe vorgabe, string field)
    {
        RequestGuard.ListSize(vorgabe.OzgIds.Count, ProgrammeGuard.MaxListLength, $"{field}.ozg_ids");
        RequestGuard.ListSize(vorgabe.ThemenfeldIds.Count, ProgrammeGuard.MaxListLength, $"{field}.themenfeld_ids");
        if (vorgabe.OzgIds.Count + vorgabe.ThemenfeldIds.Count == 0)
        {
            throw RequestGuard.Invalid(field, "Required: the Leistungen (ozg_ids) and/or Themenfelder (themenfeld_ids) the milestone is for.");
        }

        if (vorgabe.AlleLaender && vorgabe.Land.Length > 0)
        {
            throw RequestGuard.Invalid($"{field}.land", "Give one Land or alle_laender, not both.");
        }

        return new MeilensteinVorgabe(
            [.. vorgabe.OzgIds.Select(id => RequestGuard.OzgId(id, $"{field}.ozg_ids"))],
            [.. vorgabe.ThemenfeldIds.Select(id => RequestGuard.ThemenfeldId(id, $"{field}.themenfeld_ids"))],
            vorgabe.Phase.MapToDomain($"{field}.phase"),
            ProgrammeGuard.OptionalLand(vorgabe.Land, $"{field}.land"),
            vorgabe.AlleLaender,
            ProgrammeGuard.Date(vorgabe.PlannedDate, $"{field}.planned_date"));
    }

    private static Proto.PrioritaetVorgabe MapToProto(PrioritaetVorgabe vorgabe)
    {
        var proto = new Proto.PrioritaetVorgabe { Prioritaet = vorgabe.Prioritaet.MapToProto() };
        if (vorgabe.OzgId is { } ozgId)
        {
            proto.OzgId = ozgId;
        }
        else if (vorgabe.ThemenfeldId is { } themenfeldId)
        {
            proto.ThemenfeldId = themenfeldId;
        }

        return proto;
    }

    private static Proto.MeilensteinVorgabe MapToProto(MeilensteinVorgabe vorgabe) => new()
    {
        OzgIds = { vorgabe.OzgIds },
        ThemenfeldIds = { vorgabe.ThemenfeldIds },
        Phase = vorgabe.Phase.MapToProto(),
        Land = vorgabe.Land,
        AlleLaender = vorgabe.AlleLaender,
        PlannedDate = vorgabe.Geplant.ToString(DateFormat),
    };

}

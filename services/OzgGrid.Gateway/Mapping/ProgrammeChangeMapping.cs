using Google.Protobuf.WellKnownTypes;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Programme-management histories, figures and events, domain to proto.</summary>
public static class ProgrammeChangeMapping
{
    public static Proto.ProgrammeChange MapToProto(this ProgrammeChange change) => new()
    {
        Version = change.Version,
        Action = change.Action,
        ChangedBy = change.Stamp.ChangedBy,
        ChangedAt = Timestamp.FromDateTimeOffset(change.Stamp.ChangedAt),
        RequestId = change.Stamp.RequestId,
        Fields = { change.Fields.MapToProto() },
    };

    public static Proto.ProgrammeFiguresSnapshot MapToProto(this ProgrammeFiguresSnapshot snapshot) => new()
    {
        Sequence = snapshot.Sequence,
        Figures = { snapshot.Figures.Select(f => new Figure(f.Key, f.Value)).MapToProto() },
    };

    public static Proto.ProgrammeEvent MapToProto(this ProgrammeEvent programmeEvent) => new()
    {
        Sequence = programmeEvent.Sequence,
        Kind = programmeEvent.Kind.MapToProto(),
        OzgId = programmeEvent.OzgId,
        Description = programmeEvent.Description,
        At = Timestamp.FromDateTimeOffset(programmeEvent.At),
        ChangedFigures = { programmeEvent.ChangedFigures.MapToProto() },
        UmsetzungsprojektId = programmeEvent.UmsetzungsprojektId,
        Anschluss = programmeEvent.Anschluss,
        OnlinedienstId = programmeEvent.OnlinedienstId,
        Land = programmeEvent.Land,
        Nutzung = programmeEvent.Nutzung.Length == 0 ? null : NutzungSubject(programmeEvent.Nutzung),
    };

    private static Proto.NutzungSubject NutzungSubject(string key)
    {
        var (onlinedienstId, land, jahr) = NutzungKeys.Parse(key);
        return new Proto.NutzungSubject { OnlinedienstId = onlinedienstId, Land = land, Jahr = jahr };
    }
}

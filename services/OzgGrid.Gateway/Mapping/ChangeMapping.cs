using Google.Protobuf.WellKnownTypes;
using OzgGrid.Grains.Abstractions.Changes;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

public static class ChangeMapping
{
    public static Proto.ChangeStamp MapToProto(this ChangeStamp stamp) => new()
    {
        ChangedBy = stamp.ChangedBy,
        ChangedAt = Timestamp.FromDateTimeOffset(stamp.ChangedAt),
        RequestId = stamp.RequestId,
    };

    public static Proto.ChangeKind MapToProto(this ChangeKind kind) => kind switch
    {
        ChangeKind.Katalog => Proto.ChangeKind.Katalog,
        ChangeKind.Status => Proto.ChangeKind.Status,
        ChangeKind.Zustaendigkeit => Proto.ChangeKind.Zustaendigkeit,
        ChangeKind.Federfuehrung => Proto.ChangeKind.Federfuehrung,
        ChangeKind.Abgleich => Proto.ChangeKind.Abgleich,
        ChangeKind.Ueberfaellig => Proto.ChangeKind.Ueberfaellig,
        ChangeKind.NichtMehrUeberfaellig => Proto.ChangeKind.NichtMehrUeberfaellig,
        ChangeKind.Nachnutzung => Proto.ChangeKind.Nachnutzung,
        _ => Proto.ChangeKind.Unspecified,
    };

    public static IEnumerable<Proto.FieldChange> MapToProto(this IEnumerable<FieldChange> fields) =>
        fields.Select(f => new Proto.FieldChange { Field = f.Field, Before = f.Before, After = f.After });

    public static Proto.LeistungChange MapToProto(this ChangeRecord change) => new()
    {
        Version = change.Version,
        Kind = change.Kind.MapToProto(),
        ChangedBy = change.Stamp.ChangedBy,
        ChangedAt = Timestamp.FromDateTimeOffset(change.Stamp.ChangedAt),
        RequestId = change.Stamp.RequestId,
        Fields = { change.Fields.MapToProto() },
    };
}

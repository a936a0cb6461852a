using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Changes;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Mapping;

public sealed class ChangeMappingTests
{
    [Theory]
    [InlineData(ChangeKind.Katalog, Proto.ChangeKind.Katalog)]
    [InlineData(ChangeKind.Status, Proto.ChangeKind.Status)]
    [InlineData(ChangeKind.Zustaendigkeit, Proto.ChangeKind.Zustaendigkeit)]
    public void A_change_of_a_leistung_maps_with_its_kind_stamp_and_fields(ChangeKind kind, Proto.ChangeKind expected)
    {
        var changedAt = new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var change = new ChangeRecord(
            5, kind, new ChangeStamp("it-nrw", changedAt, "r-5"), [new FieldChange("reifegrad", "2", "3"), new FieldChange("phase", "Umsetzung", "Pilotierung")]);

        var proto = change.MapToProto();

        Assert.Equal(5, proto.Version);
        Assert.Equal(expected, proto.Kind);
        Assert.Equal("it-nrw", proto.ChangedBy);
        Assert.Equal("r-5", proto.RequestId);
        Assert.Equal(changedAt, proto.ChangedAt.ToDateTimeOffset());
        Assert.Equal(["reifegrad", "phase"], proto.Fields.Select(f => f.Field));
        Assert.Equal(["2", "Umsetzung"], proto.Fields.Select(f => f.Before));
        Assert.Equal(["3", "Pilotierung"], proto.Fields.Select(f => f.After));
    }
}

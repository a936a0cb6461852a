using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using Domain = OzgGrid.Grains.Abstractions.Leistungen;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Mapping;

public sealed class EnumMappingTests
{
    public static TheoryData<Domain.Umsetzungsphase> DomainPhasen => new(Enum.GetValues<Domain.Umsetzungsphase>());

    public static TheoryData<Domain.Verfuegbarkeit> DomainVerfuegbarkeiten => new(Enum.GetValues<Domain.Verfuegbarkeit>());

    public static TheoryData<Proto.Umsetzungsphase> ProtoPhasen =>
        new(Enum.GetValues<Proto.Umsetzungsphase>().Where(p => p != Proto.Umsetzungsphase.Unspecified));

    public static TheoryData<Proto.Verfuegbarkeit> ProtoVerfuegbarkeiten =>
        new(Enum.GetValues<Proto.Verfuegbarkeit>().Where(v => v != Proto.Verfuegbarkeit.Unspecified));

    [Theory]
    [MemberData(nameof(DomainPhasen))]
    public void Every_umsetzungsphase_maps_to_the_proto_value_of_the_same_name_and_back(Domain.Umsetzungsphase phase)
    {
        var proto = phase.MapToProto();

        Assert.Equal(phase.ToString(), proto.ToString());
        Assert.Equal(phase, proto.MapToDomain("phase"));
    }

    [Theory]
    [MemberData(nameof(DomainVerfuegbarkeiten))]
    public void Every_verfuegbarkeit_maps_to_the_proto_value_of_the_same_name_and_back(Domain.Verfuegbarkeit verfuegbarkeit)
    {
        var proto = verfuegbarkeit.MapToProto();

        Assert.Equal(verfuegbarkeit.ToString(), proto.ToString());
        Assert.Equal(verfuegbarkeit, proto.MapToDomain("verfuegbarkeit"));
    }

    [Theory]
    [MemberData(nameof(ProtoPhasen))]
    public void Every_proto_umsetzungsphase_but_unspecified_has_a_domain_value(Proto.Umsetzungsphase phase)
    {
        Assert.Equal(phase, phase.MapToDomain("phase").MapToProto());
    }

    [Theory]
    [MemberData(nameof(ProtoVerfuegbarkeiten))]
    public void Every_proto_verfuegbarkeit_but_unspecified_has_a_domain_value(Proto.Verfuegbarkeit verfuegbarkeit)
    {
        Assert.Equal(verfuegbarkeit, verfuegbarkeit.MapToDomain("verfuegbarkeit").MapToProto());
    }

    [Theory]
    [InlineData(Proto.Umsetzungsphase.Unspecified)]
    [InlineData((Proto.Umsetzungsphase)99)]
    public void An_unspecified_or_unknown_umsetzungsphase_is_refused_naming_the_field(Proto.Umsetzungsphase phase)
    {
        var error = Assert.Throws<RpcException>(() => phase.MapToDomain("phase"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("phase: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Proto.Verfuegbarkeit.Unspecified)]
    [InlineData((Proto.Verfuegbarkeit)99)]
    public void An_unspecified_or_unknown_verfuegbarkeit_is_refused_naming_the_field(Proto.Verfuegbarkeit verfuegbarkeit)
    {
        var error = Assert.Throws<RpcException>(() => verfuegbarkeit.MapToDomain("verfuegbarkeit.verfuegbarkeit"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("verfuegbarkeit.verfuegbarkeit: ", error.Status.Detail, StringComparison.Ordinal);
    }
}

using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Mapping;

/// <summary>The programme-management enums map by value: these tests pin that every value means the same on both sides.</summary>
public sealed class ProgrammeEnumMappingTests
{
    [Fact]
    public void Every_domain_value_maps_to_the_proto_value_of_the_same_name_and_back()
    {
        AssertSameNames<LaborStufe, Proto.LaborStufe>(v => v.MapToProto(), p => p.MapToDomain("f"));
        AssertSameNames<TeilnehmerArt, Proto.TeilnehmerArt>(v => v.MapToProto(), p => p.MapToDomain("f"));
        AssertSameNames<KomponenteArt, Proto.KomponenteArt>(v => v.MapToProto(), p => p.MapToDomain("f"));
        AssertSameNames<NachnutzungZustand, Proto.NachnutzungZustand>(v => v.MapToProto(), p => p.MapToDomain("f"));
        AssertSameNames<Prioritaet, Proto.Prioritaet>(v => v.MapToProto(), p => p.MapToDomain("f"));
        AssertSameNames<ProgrammeEventKind, Proto.ProgrammeEventKind>(v => v.MapToProto(), null);
    }

    [Fact]
    public void An_unspecified_or_unknown_proto_value_is_refused_naming_the_field()
    {
        var unspecified = Assert.Throws<RpcException>(() => Proto.NachnutzungZustand.Unspecified.MapToDomain("zustand"));
        var unknown = Assert.Throws<RpcException>(() => ((Proto.LaborStufe)42).MapToDomain("stufe"));

        Assert.Equal(StatusCode.InvalidArgument, unspecified.StatusCode);
        Assert.StartsWith("zustand:", unspecified.Status.Detail);
        Assert.StartsWith("stufe:", unknown.Status.Detail);
    }

    private static void AssertSameNames<TDomain, TProto>(Func<TDomain, TProto> toProto, Func<TProto, TDomain>? toDomain)
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        foreach (var value in Enum.GetValues<TDomain>())
        {
            var proto = toProto(value);
            Assert.Equal(Normalize(value.ToString()), Normalize(proto.ToString()));
            if (toDomain is not null)
            {
                Assert.Equal(value, toDomain(proto));
            }
        }

        // Every proto value but UNSPECIFIED has a domain counterpart.
        Assert.Equal(Enum.GetValues<TProto>().Length - 1, Enum.GetValues<TDomain>().Length);
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}

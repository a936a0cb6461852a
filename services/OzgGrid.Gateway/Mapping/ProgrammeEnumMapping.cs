using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>
/// The programme-management enums to proto and back. The proto values are the domain values (both count from 1), so
/// a cast maps them; an unspecified or unknown proto value is refused naming the field.
/// </summary>
public static class ProgrammeEnumMapping
{
    public static Proto.LaborStufe MapToProto(this LaborStufe stufe) => (Proto.LaborStufe)stufe;

    public static LaborStufe MapToDomain(this Proto.LaborStufe stufe, string field) => Defined<LaborStufe>((int)stufe, field, "LaborStufe");

    public static Proto.TeilnehmerArt MapToProto(this TeilnehmerArt art) => (Proto.TeilnehmerArt)art;

    public static TeilnehmerArt MapToDomain(this Proto.TeilnehmerArt art, string field) => Defined<TeilnehmerArt>((int)art, field, "TeilnehmerArt");

    public static Proto.KomponenteArt MapToProto(this KomponenteArt art) => (Proto.KomponenteArt)art;

    public static KomponenteArt MapToDomain(this Proto.KomponenteArt art, string field) => Defined<KomponenteArt>((int)art, field, "KomponenteArt");

    public static Proto.NachnutzungZustand MapToProto(this NachnutzungZustand zustand) => (Proto.NachnutzungZustand)zustand;

    public static NachnutzungZustand MapToDomain(this Proto.NachnutzungZustand zustand, string field) =>
        Defined<NachnutzungZustand>((int)zustand, field, "NachnutzungZustand");

    public static Proto.Prioritaet MapToProto(this Prioritaet prioritaet) => (Proto.Prioritaet)prioritaet;

    public static Prioritaet MapToDomain(this Proto.Prioritaet prioritaet, string field) => Defined<Prioritaet>((int)prioritaet, field, "Prioritaet");

    public static Proto.ProgrammeEventKind MapToProto(this ProgrammeEventKind kind) => (Proto.ProgrammeEventKind)kind;

    internal static T Defined<T>(int value, string field, string name)
        where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? (T)(object)value : throw RequestGuard.Invalid(field, $"Required: a known {name}, not {value}.");
}

using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>
/// The Onlinedienst and Reifegradmodell enums to proto and back. The proto values are the domain values (both count
/// from 1), so a cast maps them; an unspecified or unknown proto value is refused naming the field.
/// </summary>
public static class OnlinedienstEnumMapping
{
    public static Proto.ReifegradModell MapToProto(this ReifegradModellVersion modell) => (Proto.ReifegradModell)modell;

    public static ReifegradModellVersion MapToDomain(this Proto.ReifegradModell modell, string field) =>
        Defined<ReifegradModellVersion>((int)modell, field, "ReifegradModell");

    public static Proto.Basiskomponente MapToProto(this Basiskomponente komponente) => (Proto.Basiskomponente)komponente;

    public static Basiskomponente MapToDomain(this Proto.Basiskomponente komponente, string field) =>
        Defined<Basiskomponente>((int)komponente, field, "Basiskomponente");

    public static Proto.NutzerkontoArt MapToProto(this NutzerkontoArt art) => (Proto.NutzerkontoArt)art;

    public static NutzerkontoArt MapToDomain(this Proto.NutzerkontoArt art, string field) => Defined<NutzerkontoArt>((int)art, field, "NutzerkontoArt");

    public static Proto.Vertrauensniveau MapToProto(this Vertrauensniveau niveau) => (Proto.Vertrauensniveau)niveau;

    public static Vertrauensniveau MapToDomain(this Proto.Vertrauensniveau niveau, string field) =>
        Defined<Vertrauensniveau>((int)niveau, field, "Vertrauensniveau");

    public static Proto.Zustellweg MapToProto(this Zustellweg weg) => (Proto.Zustellweg)weg;

    public static Zustellweg MapToDomain(this Proto.Zustellweg weg, string field) => Defined<Zustellweg>((int)weg, field, "Zustellweg");

    private static T Defined<T>(int value, string field, string name)
        where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? (T)(object)value : throw RequestGuard.Invalid(field, $"Required: a known {name}, not {value}.");
}

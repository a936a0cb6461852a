using OzgGrid.Gateway.Validation;
using Domain = OzgGrid.Grains.Abstractions.Leistungen;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Domain enums to proto and back; an unknown or unspecified proto value is refused naming the field.</summary>
public static class EnumMapping
{
    public static Proto.Umsetzungsphase MapToProto(this Domain.Umsetzungsphase phase) => phase switch
    {
        Domain.Umsetzungsphase.Vorbereitung => Proto.Umsetzungsphase.Vorbereitung,
        Domain.Umsetzungsphase.Konzeption => Proto.Umsetzungsphase.Konzeption,
        Domain.Umsetzungsphase.Umsetzung => Proto.Umsetzungsphase.Umsetzung,
        Domain.Umsetzungsphase.Pilotierung => Proto.Umsetzungsphase.Pilotierung,
        Domain.Umsetzungsphase.RollOut => Proto.Umsetzungsphase.RollOut,
        Domain.Umsetzungsphase.Regelbetrieb => Proto.Umsetzungsphase.Regelbetrieb,
        _ => Proto.Umsetzungsphase.Unspecified,
    };

    public static Domain.Umsetzungsphase MapToDomain(this Proto.Umsetzungsphase phase, string field) => phase switch
    {
        Proto.Umsetzungsphase.Vorbereitung => Domain.Umsetzungsphase.Vorbereitung,
        Proto.Umsetzungsphase.Konzeption => Domain.Umsetzungsphase.Konzeption,
        Proto.Umsetzungsphase.Umsetzung => Domain.Umsetzungsphase.Umsetzung,
        Proto.Umsetzungsphase.Pilotierung => Domain.Umsetzungsphase.Pilotierung,
        Proto.Umsetzungsphase.RollOut => Domain.Umsetzungsphase.RollOut,
        Proto.Umsetzungsphase.Regelbetrieb => Domain.Umsetzungsphase.Regelbetrieb,
        _ => throw RequestGuard.Invalid(field, $"Unknown Umsetzungsphase {(int)phase}."),
    };

    public static Proto.Verfuegbarkeit MapToProto(this Domain.Verfuegbarkeit verfuegbarkeit) => verfuegbarkeit switch
    {
        Domain.Verfuegbarkeit.Keine => Proto.Verfuegbarkeit.Keine,
        Domain.Verfuegbarkeit.Pilot => Proto.Verfuegbarkeit.Pilot,
        Domain.Verfuegbarkeit.InMindestensEinerKommune => Proto.Verfuegbarkeit.InMindestensEinerKommune,
        Domain.Verfuegbarkeit.Flaechendeckend => Proto.Verfuegbarkeit.Flaechendeckend,
        _ => Proto.Verfuegbarkeit.Unspecified,
    };

    public static Domain.Verfuegbarkeit MapToDomain(this Proto.Verfuegbarkeit verfuegbarkeit, string field) => verfuegbarkeit switch
    {
        Proto.Verfuegbarkeit.Keine => Domain.Verfuegbarkeit.Keine,
        Proto.Verfuegbarkeit.Pilot => Domain.Verfuegbarkeit.Pilot,
        Proto.Verfuegbarkeit.InMindestensEinerKommune => Domain.Verfuegbarkeit.InMindestensEinerKommune,
        Proto.Verfuegbarkeit.Flaechendeckend => Domain.Verfuegbarkeit.Flaechendeckend,
        _ => throw RequestGuard.Invalid(field, $"Required: a Verfügbarkeit (KEINE, PILOT, IN_MINDESTENS_EINER_KOMMUNE, FLAECHENDECKEND), not {(int)verfuegbarkeit}."),
    };
}

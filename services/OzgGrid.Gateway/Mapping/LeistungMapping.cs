using System.Collections.Immutable;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

public static class LeistungMapping
{
    public static Proto.Leistung MapToProto(this LeistungDetails details) => new()
    {
        OzgId = details.Catalog.OzgId,
        Name = details.Catalog.Name,
        LageId = details.Catalog.LageId,
        LageName = details.Catalog.LageName,
        ThemenfeldId = details.Catalog.ThemenfeldId,
        LeikaLeistungen =
        {
            details.Catalog.LeikaLeistungen.Select(l => new Proto.LeikaLeistung { LeikaKey = l.Key, Name = l.Name, Typ = l.Typ }),
        },
        Zustaendigkeit = details.Zustaendigkeit?.MapToProto(),
        Status = details.Status.MapToProto(),
        Version = details.Version,
        LastChange = details.LastChange.MapToProto(),
    };

    public static Proto.LeistungSummary MapToProto(this LeistungSummary summary) => new()
    {
        OzgId = summary.OzgId,
        Name = summary.Name,
        LageId = summary.LageId,
        ThemenfeldId = summary.ThemenfeldId,
        Status = summary.Status.MapToProto(),
        Version = summary.Version,
    };

    public static Proto.LeistungStatus MapToProto(this LeistungStatus status)
    {
        var proto = new Proto.LeistungStatus
        {
            Reifegrad = status.Reifegrad,
            Phase = status.Phase.MapToProto(),
            Verfuegbarkeit = { status.Verfuegbarkeit.ToDictionary(v => v.Key, v => v.Value.MapToProto()) },
            ReifegradOnlinedienste = status.ReifegradOnlinedienste,
        };
        if (status.Reifegrad20 is { } reifegrad20)
        {
            proto.Reifegrad20 = reifegrad20;
        }

        return proto;
    }

    public static Proto.Zustaendigkeit MapToProto(this Zustaendigkeit zustaendigkeit)
    {
        var proto = new Proto.Zustaendigkeit
        {
            Efa = zustaendigkeit.Efa,
            ItDienstleister = zustaendigkeit.ItDienstleister,
            NachnutzerLaender = { zustaendigkeit.NachnutzerLaender },
        };
        if (zustaendigkeit.UmsetzendeStelle.Art == UmsetzendeStelleArt.Land)
        {
            proto.Land = zustaendigkeit.UmsetzendeStelle.Name;
        }
        else
        {
            proto.Bundesressort = zustaendigkeit.UmsetzendeStelle.Name;
        }

        return proto;
    }

    public static LeistungStatusUpdate MapToDomain(this Proto.UpdateLeistungStatusRequest request)
    {
        var update = new LeistungStatusUpdate(
            request.HasReifegrad ? RequestGuard.Reifegrad(request.Reifegrad, "reifegrad") : null,
            request.Phase == Proto.Umsetzungsphase.Unspecified ? null : request.Phase.MapToDomain("phase"),
            request.Verfuegbarkeit is { } v
                ? new LandVerfuegbarkeit(
                    RequestGuard.Land(v.Land, "verfuegbarkeit.land"),
                    v.Verfuegbarkeit.MapToDomain("verfuegbarkeit.verfuegbarkeit"))
                : null);
        return update.IsEmpty
            ? throw RequestGuard.Invalid("reifegrad", "Nothing to change: set reifegrad, phase and/or verfuegbarkeit.")
            : update;
    }

    public static Zustaendigkeit MapToDomain(this Proto.Zustaendigkeit? zustaendigkeit)
    {
        if (zustaendigkeit is null)
        {
            throw RequestGuard.Invalid("zustaendigkeit", "Required.");
        }

        var stelle = zustaendigkeit.UmsetzendeStelleCase switch
        {
            Proto.Zustaendigkeit.UmsetzendeStelleOneofCase.Land =>
                new UmsetzendeStelle(UmsetzendeStelleArt.Land, RequestGuard.Land(zustaendigkeit.Land, "zustaendigkeit.land")),
            Proto.Zustaendigkeit.UmsetzendeStelleOneofCase.Bundesressort =>
                new UmsetzendeStelle(UmsetzendeStelleArt.Bundesressort, zustaendigkeit.Bundesressort.Trim()),
            _ => throw RequestGuard.Invalid("zustaendigkeit.umsetzende_stelle", "Required: set land or bundesressort."),
        };
        RequestGuard.ListSize(zustaendigkeit.NachnutzerLaender.Count, LaenderRegister.All.Count, "zustaendigkeit.nachnutzer_laender");
        var nachnutzer = zustaendigkeit.NachnutzerLaender
            .Select(land => RequestGuard.Land(land, "zustaendigkeit.nachnutzer_laender"))
            .ToImmutableSortedSet(StringComparer.Ordinal);
        return new Zustaendigkeit(stelle, zustaendigkeit.Efa, zustaendigkeit.ItDienstleister.Trim(), nachnutzer);
    }

    public static Proto.UpdateLeistungStatusResponse MapToStatusResponse(this LeistungWriteResult result) => new()
    {
        OzgId = result.OzgId,
        Version = result.Version,
        Status = result.Status.MapToProto(),
        LastChange = result.LastChange.MapToProto(),
    };

    public static Proto.SetZustaendigkeitResponse MapToZustaendigkeitResponse(this LeistungWriteResult result) => new()
    {
        OzgId = result.OzgId,
        Version = result.Version,
        Zustaendigkeit = result.Zustaendigkeit?.MapToProto(),
        LastChange = result.LastChange.MapToProto(),
    };

    public static LeistungFilter MapToFilter(this Proto.ListLeistungenRequest request)
    {
        var min = request.HasMinReifegrad ? RequestGuard.Reifegrad(request.MinReifegrad, "min_reifegrad") : (int?)null;
        var max = request.HasMaxReifegrad ? RequestGuard.Reifegrad(request.MaxReifegrad, "max_reifegrad") : (int?)null;
        if (min > max)
        {
            throw RequestGuard.Invalid("min_reifegrad", $"Must not be above max_reifegrad ({min} > {max}).");
        }

        var land = string.IsNullOrWhiteSpace(request.Land) ? null : RequestGuard.Land(request.Land, "land");
        var minVerfuegbarkeit = request.MinVerfuegbarkeit == Proto.Verfuegbarkeit.Unspecified
            ? Verfuegbarkeit.Pilot
            : request.MinVerfuegbarkeit.MapToDomain("min_verfuegbarkeit");
        return new LeistungFilter(
            request.HasLageId ? RequestGuard.LageId(request.LageId) : null,
            land,
            minVerfuegbarkeit,
            min,
            max,
            string.IsNullOrWhiteSpace(request.NameContains) ? null : RequestGuard.Text(request.NameContains, "name_contains", 200));
    }
}

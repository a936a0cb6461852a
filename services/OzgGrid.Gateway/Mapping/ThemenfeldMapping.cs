using System.Collections.Immutable;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Themenfelder;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

public static class ThemenfeldMapping
{
    public static Proto.Themenfeld MapToProto(this ThemenfeldDetails details) => new()
    {
        ThemenfeldId = details.ThemenfeldId,
        Name = details.Name,
        Federfuehrung = details.Federfuehrung is { } f
            ? new Proto.Federfuehrung { Bundesressort = f.Bundesressort, Laender = { f.Laender } }
            : null,
        Lagen = { details.Lagen.Select(l => new Proto.Lage { LageId = l.LageId, Name = l.Name, LeistungenCount = l.LeistungenCount }) },
        LeistungenCount = details.LeistungenCount,
        Version = details.Version,
        LastChange = details.LastChange.MapToProto(),
    };

    public static Federfuehrung MapToDomain(this Proto.Federfuehrung? federfuehrung)
    {
        if (federfuehrung is null)
        {
            throw RequestGuard.Invalid("federfuehrung", "Required.");
        }

        RequestGuard.ListSize(federfuehrung.Laender.Count, LaenderRegister.All.Count, "federfuehrung.laender");
        return new Federfuehrung(
                federfuehrung.Bundesressort.Trim(),
                federfuehrung.Laender
                    .Select(land => RequestGuard.Land(land, "federfuehrung.laender"))
                    .ToImmutableSortedSet(StringComparer.Ordinal));
    }
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Kommunen;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Validation;

/// <summary>Guard clauses for the Anschluss API: each item's value in the form its step asks; failures are INVALID_ARGUMENT naming the field.</summary>
public static class AnschlussGuard
{
    /// <summary>A DVDV entry or FIT-Connect destination id: letters, digits and ":._-", like the registry's own ids.</summary>
    private const int MaxKennungLength = 100;

    /// <summary>The changes of one call, all in one Land; that Land's kürzel.</summary>
    public static (string Land, ImmutableArray<AnschlussAenderung> Aenderungen) Aenderungen(
        IReadOnlyList<Proto.AnschlussAenderung> aenderungen, DateOnly today)
    {
        if (aenderungen.Count == 0)
        {
            throw RequestGuard.Invalid("aenderungen", "Required: at least one item to set or clear.");
        }

        RequestGuard.ListSize(aenderungen.Count, IAnschlussGrain.MaxAenderungen, "aenderungen");
        string? land = null;
        var result = ImmutableArray.CreateBuilder<AnschlussAenderung>(aenderungen.Count);
        for (var i = 0; i < aenderungen.Count; i++)
        {
            var field = $"aenderungen[{i}]";
            var aenderung = aenderungen[i];
            var ags = ProgrammeGuard.Ags(aenderung.Ags, $"{field}.ags");
            Ags.TryGetLand(ags, out var itsLand);
            land ??= itsLand!.Kuerzel;
            if (land != itsLand!.Kuerzel)
            {
                throw RequestGuard.Invalid($"{field}.ags", $"All Kommunen of one call must be in one Land: {ags} is in {itsLand.Kuerzel}, the first in {land}.");
            }

            var schritt = Schritt(aenderung.Schritt, $"{field}.schritt");
            result.Add(new AnschlussAenderung(ags, schritt, aenderung.Clear ? null : Wert(schritt, aenderung.Wert, $"{field}.wert", today)));
        }

        return (land!, result.MoveToImmutable());
    }

    public static AnschlussSchritt Schritt(Proto.AnschlussSchritt schritt, string field) =>
        Enum.IsDefined((AnschlussSchritt)(int)schritt)
            ? (AnschlussSchritt)(int)schritt
            : throw RequestGuard.Invalid(field, $"Required: a known AnschlussSchritt, not {(int)schritt}.");

    /// <summary>The value in the form the step asks (see anschluss_service.proto).</summary>
    public static string Wert(AnschlussSchritt schritt, string wert, string field, DateOnly today) => schritt switch
    {
        AnschlussSchritt.Nachnutzungsvereinbarung or AnschlussSchritt.GoLiveGeplant => Datum(wert, field),
        AnschlussSchritt.GoLiveErfolgt => ProgrammeGuard.Date(wert, field) <= today
            ? Datum(wert, field)
            : throw RequestGuard.Invalid(field, $"A Go-Live done lies not in the future ({wert} is after {today:yyyy-MM-dd}); plan it as GO_LIVE_GEPLANT."),
        AnschlussSchritt.Zustellweg => Zustellweg(wert, field),
        AnschlussSchritt.PvogEintrag => ProgrammeGuard.Link(wert, field),
        _ => ProgrammeGuard.RequiredText(wert, field, ProgrammeGuard.MaxNameLength),
    };

    private static string Datum(string wert, string field) => ProgrammeGuard.Date(wert, field).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Zustellweg(string wert, string field)
    {
        var colon = wert.IndexOf(':', StringComparison.Ordinal);
        var (art, kennung) = colon < 0 ? (wert, string.Empty) : (wert[..colon], wert[(colon + 1)..]);
        var valid = art switch
        {
            "fit-connect" => Guid.TryParseExact(kennung, "D", out _),
            "xta" => kennung.Length is > 0 and <= MaxKennungLength && kennung.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '_' or '-'),
            _ => false,
        };
        return valid
            ? wert
            : throw RequestGuard.Invalid(field, $"Required: \"fit-connect:<destination UUID>\" or \"xta:<DVDV entry>\" (letters, digits, ':._-', at most {MaxKennungLength}), not {RequestGuard.Quote(wert)}.");
    }
}

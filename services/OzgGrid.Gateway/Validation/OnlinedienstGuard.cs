using System.Collections.Immutable;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Validation;

/// <summary>The fields of the Onlinedienst API: each checked, a refusal naming the field.</summary>
public static class OnlinedienstGuard
{
    /// <summary>A LeiKa key: 14 digits.</summary>
    public static string LeikaKey(string text, string field = "leika_key") =>
        text.Length == 14 && text.All(char.IsAsciiDigit)
            ? text
            : throw RequestGuard.Invalid(field, $"Required: the 14-digit key of a LeiKa-Leistung, such as 99001001000000; not {RequestGuard.Quote(text)}.");

    public static OnlinedienstDetails Details(Proto.OnlinedienstDetails? details)
    {
        if (details is null)
        {
            throw RequestGuard.Invalid("details", "Required.");
        }

        RequestGuard.ListSize(details.Fachverfahren.Count, ProgrammeGuard.MaxListLength, "details.fachverfahren");
        RequestGuard.ListSize(details.Portale.Count, ProgrammeGuard.MaxListLength, "details.portale");
        RequestGuard.ListSize(details.Nutzerkonten.Count, 32, "details.nutzerkonten");
        RequestGuard.ListSize(details.Zustellwege.Count, 8, "details.zustellwege");
        RequestGuard.ListSize(details.Basiskomponenten.Count, 16, "details.basiskomponenten");
        var fachverfahren = details.Fachverfahren.Select((f, i) => new Fachverfahren(
            ProgrammeGuard.RequiredText(f.Name, $"details.fachverfahren[{i}].name", ProgrammeGuard.MaxNameLength),
            ProgrammeGuard.RequiredText(f.Hersteller, $"details.fachverfahren[{i}].hersteller", ProgrammeGuard.MaxNameLength))).ToImmutableArray();
        var portale = details.Portale.Select((p, i) => ProgrammeGuard.RequiredText(p, $"details.portale[{i}]", ProgrammeGuard.MaxNameLength)).ToImmutableArray();
        var nutzerkonten = details.Nutzerkonten.Select((k, i) => Nutzerkonto(k, $"details.nutzerkonten[{i}]")).Distinct().ToImmutableArray();
        return new OnlinedienstDetails(
            RequestGuard.Text(details.Hersteller, "details.hersteller", ProgrammeGuard.MaxNameLength),
            fachverfahren,
            [.. portale.Distinct()],
            [.. nutzerkonten.OrderBy(k => k.Art).ThenBy(k => k.Land, StringComparer.Ordinal)],
            details.MindestVertrauensniveau.MapToDomain("details.mindest_vertrauensniveau"),
            RequestGuard.Text(details.Bezahldienst, "details.bezahldienst", ProgrammeGuard.MaxNameLength),
            [.. details.Zustellwege.Select((z, i) => z.MapToDomain($"details.zustellwege[{i}]"))],
            details.Efa,
            [.. details.Basiskomponenten.Select((b, i) => b.MapToDomain($"details.basiskomponenten[{i}]"))]);
    }

    /// <summary>A rating by one model: each criterion known to the model, at most once, its level in the model's range.</summary>
    public static ImmutableSortedDictionary<string, int> Bewertung(ReifegradModell modell, IReadOnlyList<Proto.KriteriumBewertung> kriterien, string field = "kriterien")
    {
        RequestGuard.ListSize(kriterien.Count, modell.Kriterien.Length, field);
        var bewertung = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < kriterien.Count; i++)
        {
            var (key, stufe) = (kriterien[i].Kriterium, kriterien[i].Stufe);
            if (!modell.HasKriterium(key))
            {
                throw RequestGuard.Invalid($"{field}[{i}].kriterium",
                    $"{modell.Bezeichnung} has no criterion {RequestGuard.Quote(key)}; its criteria are {string.Join(", ", modell.Kriterien.Select(k => k.Key))}.");
            }

            if (stufe < 0 || stufe > modell.HoechsteStufe)
            {
                throw RequestGuard.Invalid($"{field}[{i}].stufe", $"A criterion of {modell.Bezeichnung} is rated 0–{modell.HoechsteStufe}, not {stufe}.");
            }

            if (!bewertung.TryAdd(key, stufe))
            {
                throw RequestGuard.Invalid($"{field}[{i}].kriterium", $"Criterion {RequestGuard.Quote(key)} is rated twice.");
            }
        }

        return bewertung.ToImmutable();
    }

    public static int Zielstufe(ReifegradModell modell, int stufe, string field = "zielstufe") =>
        stufe >= 0 && stufe <= modell.HoechsteStufe ? stufe : throw RequestGuard.Invalid(field, $"{modell.Bezeichnung} has levels 0–{modell.HoechsteStufe}, not {stufe}.");

    /// <summary>Each Land at most once; a Kommune's AGS must lie in its Land.</summary>
    public static ImmutableArray<EinsatzImLand> Einsatzgebiet(IReadOnlyList<Proto.EinsatzImLand> einsatzgebiet, int maxKommunen)
    {
        RequestGuard.ListSize(einsatzgebiet.Count, 16, "einsatzgebiet");
        var laender = new SortedDictionary<string, EinsatzImLand>(StringComparer.Ordinal);
        for (var i = 0; i < einsatzgebiet.Count; i++)
        {
            var field = $"einsatzgebiet[{i}]";
            var land = RequestGuard.Land(einsatzgebiet[i].Land, $"{field}.land");
            RequestGuard.ListSize(einsatzgebiet[i].Kommunen.Count, maxKommunen, $"{field}.kommunen");
            var code = Grains.Abstractions.Laender.LaenderRegister.All.Single(l => l.Kuerzel == land).Code;
            var kommunen = einsatzgebiet[i].Kommunen.Select((ags, k) =>
            {
                var valid = ProgrammeGuard.Ags(ags, $"{field}.kommunen[{k}]");
                return valid.StartsWith(code, StringComparison.Ordinal)
                    ? valid
                    : throw RequestGuard.Invalid($"{field}.kommunen[{k}]", $"AGS {valid} is not in {land} (its AGS start with {code}).");
            });
            if (!laender.TryAdd(land, new EinsatzImLand(land, [.. kommunen])))
            {
                throw RequestGuard.Invalid($"{field}.land", $"{land} is listed twice; list each Land once with all its Kommunen.");
            }
        }

        return [.. laender.Values];
    }

    private static Nutzerkonto Nutzerkonto(Proto.Nutzerkonto konto, string field)
    {
        var art = konto.Art.MapToDomain($"{field}.art");
        return art == NutzerkontoArt.Landeskonto
            ? new Nutzerkonto(art, RequestGuard.Land(konto.Land, $"{field}.land"))
            : konto.Land.Length == 0
                ? new Nutzerkonto(art, string.Empty)
                : throw RequestGuard.Invalid($"{field}.land", "Only a Land's account (NUTZERKONTO_ART_LANDESKONTO) names a Land.");
    }
}

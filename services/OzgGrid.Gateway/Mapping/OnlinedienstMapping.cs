using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Onlinedienste, domain to proto; each pair's levels computed by the shipped models.</summary>
public static class OnlinedienstMapping
{
    public static Proto.Onlinedienst MapToProto(this Recorded<Onlinedienst> recorded, ReifegradModelle modelle) => new()
    {
        OnlinedienstId = recorded.Body.OnlinedienstId,
        Name = recorded.Body.Name,
        Url = recorded.Body.Url,
        AnbieterId = recorded.Body.AnbieterId,
        Details = recorded.Body.Details.MapToProto(),
        Leistungen = { recorded.Body.Leistungen.Select(l => l.MapToProto(modelle)) },
        Einsatzgebiet = { recorded.Body.Einsatzgebiet.Select(e => new Proto.EinsatzImLand { Land = e.Land, Kommunen = { e.Kommunen } }) },
        Veroeffentlicht = recorded.Body.Veroeffentlicht,
        Version = recorded.Version,
        LastChange = recorded.LastChange.MapToProto(),
    };

    public static Proto.UmgesetzteLeistung MapToProto(this UmgesetzteLeistung leistung, ReifegradModelle modelle) => new()
    {
        LeikaKey = leistung.LeikaKey,
        OzgId = leistung.OzgId,
        Reifegrad11 = Bewertung(modelle.V11, leistung.Bewertung11),
        Reifegrad20 = Bewertung(modelle.V20, leistung.Bewertung20),
    };

    public static Proto.GetReifegradBlockerResponse MapToProto(this ReifegradBlocker blocker) => new()
    {
        Modell = blocker.Modell.MapToProto(),
        Zielstufe = blocker.Zielstufe,
        Stufe = blocker.Stufe,
        Kriterien = { blocker.Kriterien.Select(k => new Proto.KriteriumUnterStufe { Kriterium = k.Kriterium, Bezeichnung = k.Bezeichnung, Bewertet = k.Bewertet }) },
        FehlendeBasiskomponenten = { blocker.FehlendeBasiskomponenten.Select(b => b.MapToProto()) },
        Erreicht = blocker.Erreicht,
    };

    private static Proto.OnlinedienstDetails MapToProto(this OnlinedienstDetails details) => new()
    {
        Hersteller = details.Hersteller,
        Fachverfahren = { details.Fachverfahren.Select(f => new Proto.Fachverfahren { Name = f.Name, Hersteller = f.Hersteller }) },
        Portale = { details.Portale },
        Nutzerkonten = { details.Nutzerkonten.Select(k => new Proto.Nutzerkonto { Art = k.Art.MapToProto(), Land = k.Land }) },
        MindestVertrauensniveau = details.Vertrauensniveau.MapToProto(),
        Bezahldienst = details.Bezahldienst,
        Zustellwege = { details.Zustellwege.Select(z => z.MapToProto()) },
        Efa = details.Efa,
        Basiskomponenten = { details.Basiskomponenten.Select(b => b.MapToProto()) },
    };

    private static Proto.ModellBewertung Bewertung(ReifegradModell modell, ImmutableSortedDictionary<string, int> bewertung) => new()
    {
        Modell = modell.Version.MapToProto(),
        Kriterien = { bewertung.Select(b => new Proto.KriteriumBewertung { Kriterium = b.Key, Stufe = b.Value }) },
        Stufe = modell.Stufe(bewertung),
    };
}

using System.Collections.Immutable;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Grains.Abstractions.Steckbrief;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Kennzahlen;

/// <summary>
/// Counts the figures of <c>GetOnlinedienstKennzahlen</c> from the records, in one pass over each: every enum value and
/// every level is listed (with 0 where none), so that a table of them always has the same rows.
/// </summary>
public static class OnlinedienstKennzahlenZaehlung
{
    public static Proto.GetOnlinedienstKennzahlenResponse Count(
        IReadOnlyCollection<Onlinedienst> dienste, IReadOnlyCollection<Umsetzungsprojekt> projekte, IReadOnlyCollection<LeistungSteckbrief> steckbriefe,
        ReifegradModelle modelle) => new()
    {
        Onlinedienste = dienste.Count,
        Efa = dienste.Count(d => d.Details.Efa),
        Veroeffentlicht = dienste.Count(d => d.Veroeffentlicht),
        Paare = dienste.Sum(d => d.Leistungen.Length),
        Hersteller = { Hersteller(dienste) },
        Nutzerkonten =
        {
            Enum.GetValues<NutzerkontoArt>().Select(art => new Proto.NutzerkontoKennzahl
            {
                Art = art.MapToProto(), Onlinedienste = dienste.Count(d => d.Details.Nutzerkonten.Any(k => k.Art == art)),
            }),
        },
        Vertrauensniveaus =
        {
            Enum.GetValues<Vertrauensniveau>().Select(niveau => new Proto.VertrauensniveauKennzahl
            {
                Vertrauensniveau = niveau.MapToProto(), Onlinedienste = dienste.Count(d => d.Details.Vertrauensniveau == niveau),
            }),
        },
        Reifegrad =
        {
            Modell(modelle.V11, dienste.SelectMany(d => d.Leistungen).Select(l => l.Bewertung11)),
            Modell(modelle.V20, dienste.SelectMany(d => d.Leistungen).Select(l => l.Bewertung20)),
        },
        Umsetzungsprojekte = projekte.Count,
        Phasen =
        {
            UmsetzungsprojektRules.AllePhasen.Select(phase =>
            {
                var inPhase = projekte.Where(p => p.Status.Phase == phase).ToList();
                var ueberfaellig = inPhase.Count(p => p.Status.IstUeberfaellig);
                return new Proto.PhaseKennzahl { Phase = phase.MapToProto(), Projekte = inPhase.Count, ImPlan = inPhase.Count - ueberfaellig, Ueberfaellig = ueberfaellig };
            }),
        },
        Finanzierungen =
        {
            Enum.GetValues<FinanzierungStatus>().Select(status => new Proto.FinanzierungKennzahl
            {
                Status = (Proto.FinanzierungStatus)status,
                Finanzierungen = projekte.Sum(p => p.Finanzierungen.Count(f => f.Status == status)),
                Projekte = projekte.Count(p => p.Finanzierungen.Any(f => f.Status == status)),
                BetragCent = projekte.Sum(p => p.Finanzierungen.Where(f => f.Status == status).Sum(f => f.BetragCent)),
            }),
        },
        Fim =
        {
            Enum.GetValues<FimBaustein>().SelectMany(baustein => Enum.GetValues<FimStatus>().Select(status => new Proto.FimKennzahl
            {
                Baustein = (Proto.FimBaustein)baustein, Status = (Proto.FimStatus)status, Leistungen = steckbriefe.Count(s => s.StatusOf(baustein) == status),
            })),
        },
        Zustaendigkeitsebenen =
        {
            Enum.GetValues<Zustaendigkeitsebene>().Select(ebene => new Proto.ZustaendigkeitsebeneKennzahl
            {
                Ebene = (Proto.Zustaendigkeitsebene)ebene, Leistungen = steckbriefe.Count(s => s.Ebenen.Contains(ebene)),
            }),
        },
    };

    /// <summary>Each Hersteller named by an Onlinedienst or one of its Fachverfahren, counting each Onlinedienst once per role.</summary>
    private static List<Proto.HerstellerKennzahl> Hersteller(IEnumerable<Onlinedienst> dienste)
    {
        var counts = new SortedDictionary<string, Proto.HerstellerKennzahl>(StringComparer.Ordinal);
        Proto.HerstellerKennzahl Of(string name) =>
            counts.TryGetValue(name, out var kennzahl) ? kennzahl : counts[name] = new Proto.HerstellerKennzahl { Hersteller = name };

        foreach (var details in dienste.Select(d => d.Details))
        {
            var fachverfahren = details.Fachverfahren.Select(f => f.Hersteller).Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);
            if (details.Hersteller.Length > 0)
            {
                Of(details.Hersteller).Onlinedienste++;
            }

            foreach (var name in fachverfahren)
            {
                Of(name).Fachverfahren++;
            }

            foreach (var name in fachverfahren.Append(details.Hersteller).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal))
            {
                Of(name).Gesamt++;
            }
        }

        return [.. counts.Values];
    }

    private static Proto.ModellKennzahlen Modell(ReifegradModell modell, IEnumerable<ImmutableSortedDictionary<string, int>> bewertungen)
    {
        var levels = modell.HoechsteStufe + 1;
        var paare = new long[levels];
        var kriterien = modell.Kriterien.Select(_ => new long[levels]).ToArray();
        var nichtBewertet = new long[modell.Kriterien.Length];
        foreach (var bewertung in bewertungen)
        {
            paare[modell.Stufe(bewertung)]++;
            for (var k = 0; k < modell.Kriterien.Length; k++)
            {
                if (bewertung.TryGetValue(modell.Kriterien[k].Key, out var stufe))
                {
                    kriterien[k][stufe]++;
                }
                else
                {
                    nichtBewertet[k]++;
                }
            }
        }

        return new Proto.ModellKennzahlen
        {
            Modell = modell.Version.MapToProto(),
            Stufen = { Stufen(paare) },
            Kriterien =
            {
                modell.Kriterien.Select((k, i) => new Proto.KriteriumKennzahl
                {
                    Kriterium = k.Key, Bezeichnung = k.Bezeichnung, Stufen = { Stufen(kriterien[i]) }, NichtBewertet = nichtBewertet[i],
                }),
            },
        };
    }

    private static IEnumerable<Proto.StufeAnzahl> Stufen(long[] paare) => paare.Select((n, stufe) => new Proto.StufeAnzahl { Stufe = stufe, Paare = n });
}

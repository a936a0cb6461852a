using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>
/// One Reifegradmodell as the shipped data defines it (data/reifegrad). A rating gives each criterion a level; the level
/// of a rating is its weakest criterion, an unrated criterion counting as 0. The per-pair computation every derived
/// Reifegrad builds on: <see cref="Stufe"/> and <see cref="Blocker"/>.
/// </summary>
public sealed class ReifegradModell(
    ReifegradModellVersion version,
    string bezeichnung,
    int hoechsteStufe,
    ImmutableArray<ReifegradKriterium> kriterien,
    ImmutableArray<string> stufen,
    ImmutableArray<BasiskomponentenAnforderung> anforderungen)
{
    public ReifegradModellVersion Version => version;

    public string Bezeichnung => bezeichnung;

    public int HoechsteStufe => hoechsteStufe;

    public ImmutableArray<ReifegradKriterium> Kriterien => kriterien;

    /// <summary>The name of each level, index = level.</summary>
    public ImmutableArray<string> Stufen => stufen;

    public ImmutableArray<BasiskomponentenAnforderung> Anforderungen => anforderungen;

    public bool HasKriterium(string key) => kriterien.Any(k => k.Key == key);

    /// <summary>The level of a rating: its weakest criterion; a criterion not rated counts as 0.</summary>
    public int Stufe(IReadOnlyDictionary<string, int> bewertung) =>
        kriterien.Min(k => bewertung.TryGetValue(k.Key, out var stufe) ? stufe : 0);

    /// <summary>The Basiskomponenten reaching <paramref name="zielstufe"/> needs: those of that level and every lower one.</summary>
    public ImmutableSortedSet<Basiskomponente> BenoetigteBasiskomponenten(int zielstufe) =>
        [.. anforderungen.Where(a => a.Stufe <= zielstufe).Select(a => a.Komponente)];

    /// <summary>What holds a rating below <paramref name="zielstufe"/>, given the Basiskomponenten the Onlinedienst uses.</summary>
    public ReifegradBlocker Blocker(IReadOnlyDictionary<string, int> bewertung, int zielstufe, IEnumerable<Basiskomponente> vorhanden)
    {
        if (zielstufe < 0 || zielstufe > hoechsteStufe)
        {
            throw new ArgumentOutOfRangeException(nameof(zielstufe), zielstufe, $"{bezeichnung} has levels 0–{hoechsteStufe}.");
        }

        var unter = kriterien
            .Select(k => new KriteriumUnterStufe(k.Key, k.Bezeichnung, bewertung.TryGetValue(k.Key, out var stufe) ? stufe : 0))
            .Where(k => k.Bewertet < zielstufe)
            .ToImmutableArray();
        var fehlend = BenoetigteBasiskomponenten(zielstufe).Except(vorhanden).ToImmutableArray();
        return new ReifegradBlocker(version, zielstufe, Stufe(bewertung), unter, fehlend);
    }

    /// <summary>Why a rating does not fit the model (an unknown criterion, a level out of range); null when it fits.</summary>
    public string? Fehler(IReadOnlyDictionary<string, int> bewertung)
    {
        foreach (var (key, stufe) in bewertung)
        {
            if (!HasKriterium(key))
            {
                return $"{bezeichnung} has no criterion '{key}'; its criteria are {string.Join(", ", kriterien.Select(k => k.Key))}.";
            }

            if (stufe < 0 || stufe > hoechsteStufe)
            {
                return $"criterion '{key}' of {bezeichnung} is rated 0–{hoechsteStufe}, not {stufe}.";
            }
        }

        return null;
    }
}

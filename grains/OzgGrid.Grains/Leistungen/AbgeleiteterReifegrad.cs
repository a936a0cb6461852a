using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// What a Leistung knows of its Onlinedienste: per Onlinedienst the last levels and version taken (kept also while it
/// does not count, so that an older message is ignored), and the hand-set Reifegrad to fall back to. Null in the body
/// of a Leistung no Onlinedienst has told anything, which is most of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.AbgeleiteterReifegrad")]
public sealed record AbgeleiteterReifegrad(
    [property: Id(0)] int HandReifegrad,
    [property: Id(1)] ImmutableSortedDictionary<string, OnlinedienstStufen> Onlinedienste)
{
    public IEnumerable<KeyValuePair<string, OnlinedienstStufen>> Zaehlende => Onlinedienste.Where(o => o.Value.Zaehlt);

    /// <summary>The status with the derived Reifegrad, or the hand-set one while no Onlinedienst counts.</summary>
    public LeistungStatus Apply(LeistungStatus status)
    {
        var zaehlende = Zaehlende.Select(o => o.Value).ToList();
        return zaehlende.Count == 0
            ? status with { Reifegrad = HandReifegrad, ReifegradOnlinedienste = 0, Reifegrad20 = null }
            : status with { Reifegrad = zaehlende.Max(z => z.Stufe11!.Value), ReifegradOnlinedienste = zaehlende.Count, Reifegrad20 = zaehlende.Max(z => z.Stufe20) };
    }

    /// <summary>
    /// Takes an Onlinedienst's levels; past <paramref name="limit"/> entries, those that do not count go first (they
    /// only guard against older messages, which the reconciliation corrects anyway).
    /// </summary>
    public AbgeleiteterReifegrad With(string onlinedienstId, OnlinedienstStufen stufen, int limit)
    {
        var next = Onlinedienste.SetItem(onlinedienstId, stufen);
        foreach (var stale in next.Where(o => !o.Value.Zaehlt && o.Key != onlinedienstId).Select(o => o.Key).ToList())
        {
            if (next.Count <= limit)
            {
                break;
            }

            next = next.Remove(stale);
        }

        return this with { Onlinedienste = next };
    }

    public string Quelle => Zaehlende.Any() ? $"{Zaehlende.Count()} Onlinedienste ({string.Join(", ", Zaehlende.Select(o => o.Key))})" : "von Hand";
}

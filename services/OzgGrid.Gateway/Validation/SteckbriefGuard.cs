using System.Collections.Immutable;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Abstractions.Steckbrief;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Validation;

/// <summary>Guard clauses for the Zuständigkeit and FIM API; each failure is INVALID_ARGUMENT naming the field.</summary>
public static class SteckbriefGuard
{
    public const int MaxFimIdLength = 64;
    public const int MaxFimVersionLength = 32;

    /// <summary>Germany has about 10,800 Gemeinden: a list of one Land's cannot be longer.</summary>
    public const int MaxZustaendigeKommunen = 11_000;

    public static ImmutableSortedSet<Zustaendigkeitsebene> Ebenen(IReadOnlyList<Proto.Zustaendigkeitsebene> ebenen, string field)
    {
        if (ebenen.Count is 0 or > 3)
        {
            throw RequestGuard.Invalid(field, $"Required: 1–3 distinct levels (BUND, LAND, KOMMUNE), not {ebenen.Count}.");
        }

        var levels = ebenen.Select((ebene, i) => ebene.MapToDomain($"{field}[{i}]")).ToImmutableSortedSet();
        return levels.Count == ebenen.Count ? levels : throw RequestGuard.Invalid(field, "A level is listed twice.");
    }

    public static (FimBaustein Baustein, FimEintrag Eintrag) Fim(Proto.FimEintrag? eintrag, string field)
    {
        if (eintrag is null)
        {
            throw RequestGuard.Invalid(field, "Required: baustein, fim_id, version and status.");
        }

        var baustein = eintrag.Baustein.MapToDomain($"{field}.baustein");
        var fimId = Token(eintrag.FimId, $"{field}.fim_id", MaxFimIdLength, "\"S00000092\"");
        var version = Token(eintrag.Version, $"{field}.version", MaxFimVersionLength, "\"1.2\"");
        return (baustein, new FimEintrag(fimId, version, eintrag.Status.MapToDomain($"{field}.status")));
    }

    /// <summary>ALLE and KEINE with no AGS; LISTE with distinct AGS of <paramref name="land"/>.</summary>
    public static ZustaendigeKommunen Zustaendige(Proto.ZustaendigeKommunenArt art, IReadOnlyList<string> ags, string land)
    {
        var kind = art.MapToDomain("art");
        if (kind != ZustaendigeKommunenArt.Liste)
        {
            return ags.Count == 0 ? new ZustaendigeKommunen(kind, []) : throw RequestGuard.Invalid("ags", $"Only with ZUSTAENDIGE_KOMMUNEN_ART_LISTE; {art} lists none.");
        }

        if (ags.Count == 0)
        {
            throw RequestGuard.Invalid("ags", "Required with ZUSTAENDIGE_KOMMUNEN_ART_LISTE: at least one AGS (or use ZUSTAENDIGE_KOMMUNEN_ART_KEINE).");
        }

        RequestGuard.ListSize(ags.Count, MaxZustaendigeKommunen, "ags");
        for (var i = 0; i < ags.Count; i++)
        {
            if (RolloutGuard.Land(ags[i], $"ags[{i}]") != land)
            {
                throw RequestGuard.Invalid($"ags[{i}]", $"AGS {ags[i]} is not in {land}.");
            }
        }

        var set = ags.ToImmutableSortedSet(StringComparer.Ordinal);
        return set.Count == ags.Count ? new ZustaendigeKommunen(kind, set) : throw RequestGuard.Invalid("ags", "An AGS is listed twice.");
    }

    /// <summary>FIM ids and versions: letters, digits, '.', '_' and '-'.</summary>
    private static string Token(string text, string field, int maxLength, string example) =>
        text.Length is > 0 and var length && length <= maxLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? text
            : throw RequestGuard.Invalid(field, $"Required: 1–{maxLength} letters, digits, '.', '_' or '-', e.g. {example}; not {RequestGuard.Quote(text)}.");
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>How a Leistung's changes read in its history: the fields a catalogue import or a new Zuständigkeit touched.</summary>
internal static class LeistungChangeTexts
{
    public static ImmutableArray<FieldChange> Catalog(LeistungCatalogEntry? before, LeistungCatalogEntry after)
    {
        var changes = ImmutableArray.CreateBuilder<FieldChange>();
        AddIfChanged("name", before?.Name, after.Name);
        AddIfChanged("lage", before?.LageId.ToString(), after.LageId.ToString());
        AddIfChanged("themenfeld", before?.ThemenfeldId.ToString(), after.ThemenfeldId.ToString());
        AddIfChanged("leika_leistungen", before is null ? null : Describe(before.LeikaLeistungen), Describe(after.LeikaLeistungen));
        return changes.ToImmutable();

        void AddIfChanged(string field, string? was, string now)
        {
            if (was != now)
            {
                changes.Add(new(field, was ?? string.Empty, now));
            }
        }
    }

    public static string Describe(Zustaendigkeit? zustaendigkeit) =>
        zustaendigkeit is null
            ? string.Empty
            : $"{zustaendigkeit.UmsetzendeStelle}; EfA={zustaendigkeit.Efa}; IT-Dienstleister={zustaendigkeit.ItDienstleister}; " +
              $"Nachnutzer=[{string.Join(",", zustaendigkeit.NachnutzerLaender)}]";

    private static string Describe(ImmutableArray<LeikaLeistungEntry> leika) =>
        $"{leika.Length} LeiKa-Leistungen ({string.Join(", ", leika.Select(l => l.Key.Length > 0 ? l.Key : "ohne Schlüssel"))})";
}

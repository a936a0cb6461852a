using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Tests;

/// <summary>Puts Themenfelder and Leistungen with fresh keys into the catalogue without the full import.</summary>
public sealed class TestCatalog(IGrainFactory grains)
{
    public const string Importer = "katalog-import-test";

    public static ChangeStamp ImportStamp() => new(Importer, DateTimeOffset.UtcNow, $"import-{Guid.NewGuid()}");

    public static LeistungCatalogEntry Entry(int ozgId, int themenfeldId, int lageId, string name = "Testleistung") =>
        new(ozgId, name, lageId, $"Lage {lageId}", themenfeldId, [new LeikaLeistungEntry("99001001000000", "LeiKa-Test", "2/3")]);

    /// <summary>A Leistung in a Themenfeld of its own (not imported; it only receives the Leistung's notifications).</summary>
    public async Task<ILeistungGrain> AddLeistungAsync(string name = "Testleistung")
    {
        var entry = Entry(FreshKeys.Next(), FreshKeys.Next(), FreshKeys.Next(), name);
        var leistung = grains.GetGrain<ILeistungGrain>(entry.OzgId);
        await leistung.ImportAsync(entry, ImportStamp());
        return leistung;
    }

    /// <summary>
    /// An imported Themenfeld with two Lagen and <paramref name="leistungen"/> imported Leistungen, alternating between
    /// the Lagen; returns the Themenfeld and the entries of its Leistungen in OZG-ID order.
    /// </summary>
    public async Task<(IThemenfeldGrain Themenfeld, ThemenfeldCatalogEntry Entry, ImmutableArray<LeistungCatalogEntry> Leistungen)>
        AddThemenfeldAsync(int leistungen, Federfuehrung? knownFederfuehrung = null)
    {
        var themenfeldId = FreshKeys.Next();
        LageEntry[] lagen = [new(FreshKeys.Next(), "Erste Lage"), new(FreshKeys.Next(), "Zweite Lage")];
        var entries = Enumerable.Range(0, leistungen)
            .Select(i => Entry(FreshKeys.Next(), themenfeldId, lagen[i % 2].LageId, $"Leistung {i + 1}"))
            .ToImmutableArray();
        var themenfeldEntry = new ThemenfeldCatalogEntry(themenfeldId, "Testthemenfeld", [.. lagen], [.. entries.Select(e => e.OzgId)]);

        var themenfeld = grains.GetGrain<IThemenfeldGrain>(themenfeldId);
        var stamp = ImportStamp();
        await themenfeld.ImportAsync(themenfeldEntry, knownFederfuehrung, stamp);
        foreach (var entry in entries)
        {
            await grains.GetGrain<ILeistungGrain>(entry.OzgId).ImportAsync(entry, stamp);
        }

        return (themenfeld, themenfeldEntry, entries);
    }
}

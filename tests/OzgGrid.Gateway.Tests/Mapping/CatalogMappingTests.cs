using System.Collections.Immutable;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Gateway.Tests.Mapping;

public sealed class CatalogMappingTests
{
    [Fact]
    public void An_import_report_maps_counts_typ_counts_and_findings()
    {
        var importedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var typCounts = new Dictionary<string, int> { ["1, 2/3"] = 20, ["2/3"] = 3549, [string.Empty] = 8 }
            .ToImmutableSortedDictionary(StringComparer.Ordinal);
        var report = new CatalogImportReport(
            new ChangeStamp("programm-management", importedAt, "import-1"),
            14, 55, 557, 5223, 426, typCounts, 557, 0, 0,
            [new ImportFinding("leika_leistungen.csv", 3528, "LeiKa-Typ '1, 2/3' in 20 rows is not one of 1, 2/3, 4, 5; kept as given.")],
            [.. Enumerable.Range(1, 14)]);

        var proto = report.MapToProto();

        Assert.Equal(importedAt, proto.ImportedAt.ToDateTimeOffset());
        Assert.Equal("programm-management", proto.ImportedBy);
        Assert.Equal("import-1", proto.RequestId);
        Assert.Equal(
            [14, 55, 557, 5223, 426, 557, 0, 0],
            [
                proto.Themenfelder, proto.Lagen, proto.Leistungen, proto.LeikaLeistungen, proto.LeikaLeistungenWithoutKey,
                proto.LeistungenCreated, proto.LeistungenChanged, proto.LeistungenUnchanged,
            ]);
        Assert.Equal(20, proto.LeikaTypCounts["1, 2/3"]);
        Assert.Equal(8, proto.LeikaTypCounts[string.Empty]);
        var finding = Assert.Single(proto.Findings);
        Assert.Equal("leika_leistungen.csv", finding.File);
        Assert.Equal(3528, finding.Line);
    }
}

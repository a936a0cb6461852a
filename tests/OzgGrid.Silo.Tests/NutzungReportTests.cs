using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The usage report over real gRPC against Azurite: a year's monthly figures per Onlinedienst and Kommune with the sums
/// per Kreis and Land, and the findings, hold what the test imported, as CSV and XLSX, for every role that reads usage.
/// </summary>
[Collection(NutzungCollection.Name)]
public sealed class NutzungReportTests(NutzungFixture fixture)
{
    private readonly NutzungService.NutzungServiceClient _nutzung = fixture.Management;

    [Fact]
    public async Task A_years_monthly_figures_are_reported_per_Kommune_Kreis_and_Land_with_unreported_months_empty()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var dienst = await seed.RegisterAsync((await fixture.ItDienstleisterAsync("NW")).Id);
        var jahr = int.Parse(fixture.Monat(0)[..4], CultureInfo.InvariantCulture) - 1;
        var zwei = fixture.KommunenNw.GroupBy(ags => ags[..5]).First(k => k.Count() >= 2).ToList();
        var (first, sameKreis) = (zwei[0], zwei[1]);
        var otherKreis = fixture.KommunenNw.First(ags => ags[..5] != first[..5]);
        var written = new Dictionary<(string Ags, int Monat), long>
        {
            [(first, 1)] = 12, [(first, 2)] = 0, [(first, 12)] = 7, [(sameKreis, 2)] = 30, [(sameKreis, 5)] = 4, [(otherKreis, 12)] = 100,
        };
        await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Rows = { written.Select(w => NutzungServiceTests.Row(dienst, w.Key.Ags, $"{jahr}-{w.Key.Monat:00}", w.Value)) },
        });

        var report = await _nutzung.ExportNutzungReportAsync(new ExportNutzungReportRequest { Land = "NW", Teil = NutzungReportTeil.Monate, Jahr = jahr });

        var (header, all) = ReportTable.Read(report.Csv);
        var monate = Enumerable.Range(1, 12).Select(m => $"m{m:00}").ToArray();
        Assert.Equal(["ebene", "land", "onlinedienst_id", "kreis", "ags", .. monate, "summe"], header);
        var rows = all.Where(r => r["onlinedienst_id"] == dienst).ToList();
        var kreise = written.Keys.Select(k => k.Ags[..5]).Distinct().Order(StringComparer.Ordinal).ToList();
        List<(string Ebene, string Kreis, string Ags)> expected =
        [
            ("land", "", ""),
            .. kreise.SelectMany(kreis => new[] { ("kreis", kreis, "") }
                .Concat(written.Keys.Select(k => k.Ags).Where(a => a.StartsWith(kreis, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).Select(a => ("kommune", kreis, a)))),
        ];
        Assert.Equal(expected, rows.Select(r => (r["ebene"], r["kreis"], r["ags"])));
        foreach (var row in rows)
        {
            var figures = written.Where(w => w.Key.Ags.StartsWith(row["ags"].Length > 0 ? row["ags"] : row["kreis"], StringComparison.Ordinal)).ToList();
            Assert.Equal("NW", row["land"]);
            Assert.Equal(
                monate.Select((_, m) => figures.Any(f => f.Key.Monat == m + 1) ? figures.Where(f => f.Key.Monat == m + 1).Sum(f => f.Value).ToString(CultureInfo.InvariantCulture) : string.Empty),
                monate.Select(m => row[m]));
            Assert.Equal(figures.Sum(f => f.Value).ToString(CultureInfo.InvariantCulture), row["summe"]);
        }

        // As a workbook; and read by an IT-Dienstleister that does not serve NW, as it reads GetNutzung.
        var xlsx = await _nutzung.ExportNutzungReportAsync(new ExportNutzungReportRequest { Land = "05", Teil = NutzungReportTeil.Monate, Jahr = jahr, Format = ReportFormat.Xlsx });
        Assert.StartsWith($"ozg-nutzung-monate-{jahr}-NW-{fixture.Monat(0)}-", xlsx.FileName);
        Assert.Equal((".xlsx", string.Empty), (Path.GetExtension(xlsx.FileName), xlsx.Csv));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Xlsx.ToByteArray()), isEditable: false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }

        var (_, foreignChannel) = await fixture.ItDienstleisterAsync("HB");
        var seen = await new NutzungService.NutzungServiceClient(foreignChannel)
            .ExportNutzungReportAsync(new ExportNutzungReportRequest { Land = "NW", Teil = NutzungReportTeil.Monate, Jahr = jahr });
        Assert.Equal(rows, ReportTable.Read(seen.Csv).Rows.Where(r => r["onlinedienst_id"] == dienst));
    }

    [Fact]
    public async Task The_findings_are_reported_as_listed_and_a_year_without_figures_or_part_is_refused()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await seed.RegisterAsync(await seed.AnbieterAsync());
        await seed.RateAsync(dienst, leikaKey, ReifegradModell.V11, 2, 10);
        await new LeistungService.LeistungServiceClient(fixture.Host.Channel).UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3 });
        var ags = fixture.KommunenNw[30];
        await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = Guid.NewGuid().ToString(), Rows = { NutzungServiceTests.Row(dienst, ags, fixture.Monat(1), 23) } });

        var row = await Eventually.ReturnsAsync(
            async () => ReportTable.Read((await _nutzung.ExportNutzungReportAsync(new ExportNutzungReportRequest { Teil = NutzungReportTeil.Befunde })).Csv).Rows
                .SingleOrDefault(r => r["onlinedienst_id"] == dienst),
            found => found is not null, "the finding of transactions where nothing is online");

        Assert.Equal(("NW", ags, "nutzung_ohne_angebot", ozgId.ToString(CultureInfo.InvariantCulture), "23"),
            (row!["land"], row["ags"], row["art"], row["ozg_ids"], row["transaktionen"]));
        var listed = (await _nutzung.ListNutzungsBefundeAsync(new ListNutzungsBefundeRequest { Land = "NW", PageSize = 500 })).Befunde.Single(b => b.OnlinedienstId == dienst);
        Assert.Equal((listed.Beschreibung, listed.FestgestelltAm.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            (row["beschreibung"], row["festgestellt_am"]));

        var vorher = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ExportNutzungReportAsync(
            new ExportNutzungReportRequest { Teil = NutzungReportTeil.Monate, Jahr = 2016 }).ResponseAsync);
        var ohneTeil = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ExportNutzungReportAsync(new ExportNutzungReportRequest { Land = "NW" }).ResponseAsync);
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (vorher.StatusCode, ohneTeil.StatusCode));
        Assert.Contains("jahr", vorher.Status.Detail);
        Assert.Contains("teil", ohneTeil.Status.Detail);
    }
}

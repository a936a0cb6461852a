using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The Anschluss report over real gRPC against Azurite (the shipped register): the checklists, the progress per Land
/// and Kreis and the forecast of a Land hold what the test wrote, as CSV and as XLSX, for every role that reads Anschluss.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AnschlussReportTests(GatewayFixture fixture)
{
    private const string Land = "BB";

    /// <summary>The checklist's columns in checklist order, as the report names them.</summary>
    private static readonly (AnschlussSchritt Schritt, string Column)[] Checkliste =
    [
        (AnschlussSchritt.Nachnutzungsvereinbarung, "nachnutzungsvereinbarung"), (AnschlussSchritt.Zustellweg, "zustellweg"),
        (AnschlussSchritt.PvogEintrag, "pvog_eintrag"), (AnschlussSchritt.Fachverfahren, "fachverfahren"), (AnschlussSchritt.Bezahldienst, "bezahldienst"),
        (AnschlussSchritt.GoLiveGeplant, "go_live_geplant"), (AnschlussSchritt.GoLiveErfolgt, "go_live_erfolgt"),
        (AnschlussSchritt.BestaetigtDurchKommune, "bestaetigt_durch_kommune"),
    ];

    private static readonly string[] StandColumns = ["kommunen", "begonnen", "online", "ueberfaellig"];

    private readonly AnschlussService.AnschlussServiceClient _anschluss = new(fixture.Host.Channel);

    [Fact]
    public async Task The_checklists_progress_and_forecast_of_a_Land_are_reported_as_written_to_every_reading_role()
    {
        var register = ShippedRegister.Of(Land);
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await seed.InUseAsync(await seed.AnbieterAsync(), leikaKey, 3, 3, Land);
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        var today = fixture.Host.Services.GetRequiredService<ProgrammeClock>().Today;
        var (begonnen, online, geplant) = (register[0].Ags, register[1].Ags, register[^1].Ags);
        var written = new Dictionary<string, Dictionary<AnschlussSchritt, string>>
        {
            [begonnen] = new()
            {
                [AnschlussSchritt.Nachnutzungsvereinbarung] = Day(today.AddDays(-30)), [AnschlussSchritt.Zustellweg] = $"fit-connect:{Guid.NewGuid()}",
                [AnschlussSchritt.GoLiveGeplant] = Day(today.AddDays(-2)),
            },
            [online] = new()
            {
                [AnschlussSchritt.Nachnutzungsvereinbarung] = Day(today.AddDays(-60)), [AnschlussSchritt.Zustellweg] = "xta:DVDV-4711",
                [AnschlussSchritt.PvogEintrag] = "https://bb.example.org/dienst", [AnschlussSchritt.Fachverfahren] = "XFall",
                [AnschlussSchritt.Bezahldienst] = "nicht erforderlich", [AnschlussSchritt.GoLiveGeplant] = Day(today.AddDays(-10)),
                [AnschlussSchritt.GoLiveErfolgt] = Day(today.AddDays(-5)), [AnschlussSchritt.BestaetigtDurchKommune] = "Amt Beispiel",
            },
            [geplant] = new() { [AnschlussSchritt.Nachnutzungsvereinbarung] = Day(today.AddDays(-1)), [AnschlussSchritt.GoLiveGeplant] = Day(today.AddDays(30)) },
        };
        await _anschluss.SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = dienst, RequestId = NewId(),
            Aenderungen = { written.SelectMany(k => k.Value.Select(item => new AnschlussAenderung { Ags = k.Key, Schritt = item.Key, Wert = item.Value })) },
        });

        // The checklists: one row per Kommune with one, in AGS order, each item's value and what follows from them.
        var (header, rows) = ReportTable.Read((await ExportAsync(AnschlussReportTeil.Checklisten)).Csv);
        Assert.Equal(["onlinedienst_id", "land", "kreis", "ags", "kommune", .. Checkliste.Select(c => c.Column), "erledigt", "offen", "online", "ueberfaellig"], header);
        var checklisten = rows.Where(r => r["onlinedienst_id"] == dienst).ToList();
        Assert.Equal(written.Keys.Order(StringComparer.Ordinal), checklisten.Select(r => r["ags"]));
        foreach (var row in checklisten)
        {
            var items = written[row["ags"]];
            Assert.Equal((Land, row["ags"][..5], register.Single(k => k.Ags == row["ags"]).Name), (row["land"], row["kreis"], row["kommune"]));
            Assert.All(Checkliste, c => Assert.Equal(items.GetValueOrDefault(c.Schritt, string.Empty), row[c.Column]));
            var offen = Checkliste.FirstOrDefault(c => !items.ContainsKey(c.Schritt)).Column ?? string.Empty;
            var ueberfaellig = DateOnly.Parse(items[AnschlussSchritt.GoLiveGeplant], CultureInfo.InvariantCulture) < today && !items.ContainsKey(AnschlussSchritt.GoLiveErfolgt);
            Assert.Equal(
                (items.Count.ToString(CultureInfo.InvariantCulture), offen, Bool(row["ags"] == online), Bool(ueberfaellig)),
                (row["erledigt"], row["offen"], row["online"], row["ueberfaellig"]));
        }

        // The progress: the Land first, then each Kreis of the register; counts of what was written.
        (_, rows) = ReportTable.Read((await ExportAsync(AnschlussReportTeil.Fortschritt)).Csv);
        var fortschritt = rows.Where(r => r["onlinedienst_id"] == dienst).ToList();
        var kreise = register.Select(k => k.Ags[..5]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["", .. kreise], fortschritt.Select(r => r["kreis"]));
        foreach (var row in fortschritt)
        {
            var inScope = register.Where(k => k.Ags.StartsWith(row["kreis"], StringComparison.Ordinal)).Select(k => k.Ags).ToHashSet();
            var started = written.Where(w => inScope.Contains(w.Key)).ToList();
            Assert.Equal(
                [inScope.Count, started.Count, started.Count(w => w.Key == online), started.Count(w => w.Key == begonnen), .. Checkliste.Select(c => started.Count(w => w.Value.ContainsKey(c.Schritt)))],
                StandColumns.Concat(Checkliste.Select(c => c.Column)).Select(column => int.Parse(row[column], CultureInfo.InvariantCulture)));
        }

        // The forecast, once the Go-Live has been reported into the rollout: every other Kommune missing, one overdue.
        var prognose = await Eventually.ReturnsAsync(
            async () => ReportTable.Read((await ExportAsync(AnschlussReportTeil.Prognose)).Csv).Rows.Single(r => r["ozg_id"] == ozgId.ToString(CultureInfo.InvariantCulture)),
            row => row["online_kommunen"] == "1", "the Go-Live reported into the Land rollout");
        var fehlende = register.Select(k => k.Ags).Where(ags => ags != online).ToList();
        Assert.Equal(
            (Land, register.Length.ToString(CultureInfo.InvariantCulture), fehlende.Count.ToString(CultureInfo.InvariantCulture), "1"),
            (prognose["land"], prognose["zustaendige_kommunen"], prognose["fehlende_kommunen"], prognose["ueberfaellige_kommunen"]));
        Assert.Equal(((register.Length - 3).ToString(CultureInfo.InvariantCulture), Bool(false), string.Empty),
            (prognose["ohne_geplanten_go_live"], prognose["flaechendeckend"], prognose["flaechendeckend_ab"]));
        Assert.Equal(string.Join(' ', fehlende), prognose["fehlende"]);

        // As a workbook, the same table; and an IT-Dienstleister that neither offers the Onlinedienst nor serves the Land
        // reads the same rows, as it reads GetAnschluss (Anschluss is readable by every role).
        var xlsx = await ExportAsync(AnschlussReportTeil.Checklisten, ReportFormat.Xlsx);
        Assert.Equal(($"ozg-anschluss-checklisten-{Land}-{Day(today)}.xlsx", string.Empty), (xlsx.FileName, xlsx.Csv));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Xlsx.ToByteArray()), isEditable: false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }

        var foreign = new AnschlussService.AnschlussServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, "dataport:report", KnownData.Dataport));
        var seen = ReportTable.Read((await foreign.ExportAnschlussReportAsync(new ExportAnschlussReportRequest { Land = Land, Teil = AnschlussReportTeil.Checklisten })).Csv);
        Assert.Equal(checklisten, seen.Rows.Where(r => r["onlinedienst_id"] == dienst));
    }

    [Fact]
    public async Task A_report_without_a_part_or_of_an_unknown_Land_is_refused_and_every_Land_is_the_default()
    {
        var ohneTeil = await Assert.ThrowsAsync<RpcException>(() => _anschluss.ExportAnschlussReportAsync(new ExportAnschlussReportRequest { Land = Land }).ResponseAsync);
        var unbekannt = await Assert.ThrowsAsync<RpcException>(() => _anschluss.ExportAnschlussReportAsync(
            new ExportAnschlussReportRequest { Land = "XX", Teil = AnschlussReportTeil.Fortschritt }).ResponseAsync);
        var alle = await _anschluss.ExportAnschlussReportAsync(new ExportAnschlussReportRequest { Teil = AnschlussReportTeil.Fortschritt });

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (ohneTeil.StatusCode, unbekannt.StatusCode));
        Assert.Contains("teil", ohneTeil.Status.Detail);
        Assert.Contains("land", unbekannt.Status.Detail);
        Assert.StartsWith("ozg-anschluss-fortschritt-alle-", alle.FileName);
    }

    private Task<ExportAnschlussReportResponse> ExportAsync(AnschlussReportTeil teil, ReportFormat format = ReportFormat.Csv) =>
        _anschluss.ExportAnschlussReportAsync(new ExportAnschlussReportRequest { Land = Land, Teil = teil, Format = format }).ResponseAsync;

    private static string Bool(bool value) => value ? "True" : "False";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string NewId() => Guid.NewGuid().ToString();
}

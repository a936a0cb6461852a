using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf;
using OzgGrid.Cli;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>
/// The ozgctl commands for what the programme page shows (<see cref="ProgrammePageApiCoverageTests"/>), in-process
/// against the real host: each shows what the gateway's read answers.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlProgrammePageTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task Suche_finds_a_Leistung_by_OZG_ID_LeiKa_key_and_name_and_refuses_an_empty_query()
    {
        var elterngeld = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = KnownData.ElterngeldOzgId })).Leistung;
        var leikaKey = elterngeld.LeikaLeistungen.First(l => l.LeikaKey.Length == 14).LeikaKey;

        foreach (var query in new[] { Text(KnownData.ElterngeldOzgId), leikaKey })
        {
            var found = await _ozgctl.InProcessAsync("suche", query, "-o", "csv");
            Assert.True(found.ExitCode == ExitCodes.Ok, found.ToString());
            Assert.StartsWith($"{KnownData.ElterngeldOzgId},{elterngeld.Name},", Rows(found)[0], StringComparison.Ordinal);
        }

        var named = await _ozgctl.InProcessAsync("suche", "e", "-o", "csv");
        Assert.True(named.ExitCode == ExitCodes.Ok, named.ToString());
        Assert.Equal(Gateway.Grpc.SucheService.Limit, Rows(named).Count);

        var byName = await _ozgctl.InProcessAsync("suche", elterngeld.Name[1..^1], "-o", "csv");
        Assert.Contains(Rows(byName), row => row.StartsWith($"{KnownData.ElterngeldOzgId},", StringComparison.Ordinal));

        var empty = await _ozgctl.InProcessAsync("suche", "  ");
        Assert.Equal(ExitCodes.InvalidArgument, empty.ExitCode);
        Assert.Contains("Suchbegriff", empty.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leistung_rollout_shows_the_counts_of_one_Land_as_GetRollout_has_them()
    {
        var ozgId = fixture.TakeOzgId();
        // Only a Leistung of Reifegrad 2 or more can be available in a Kommune.
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3 });
        var rollout = new RolloutService.RolloutServiceClient(fixture.Host.Channel);
        await rollout.ReportRolloutAsync(new ReportRolloutRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Report = new RolloutReport { OzgId = ozgId, Ags = ShippedRegister.Ags("NW", 2), Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 },
        });
        var expected = await rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW" });

        var shown = await _ozgctl.InProcessAsync("leistungen", "rollout", Text(ozgId), "NW", "-o", "json");

        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        Assert.Equal(1, expected.OnlineKommunen);
        Assert.Equal(ShippedRegister.Of("NW").Length, expected.RegisteredKommunen);
        expected.Entries.Clear();
        expected.NextPageToken = string.Empty;
        var formatter = new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(formatter.Format(expected)), JsonNode.Parse(shown.Out)), shown.Out);

        var table = await _ozgctl.InProcessAsync("leistungen", "rollout", Text(ozgId), "05");
        Assert.Contains(Labels.Of(expected.Verfuegbarkeit), table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leistungen_show_lists_its_milestones_as_the_page_does()
    {
        var ozgId = fixture.TakeOzgId();
        var planned = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel).SetMeilensteinAsync(new SetMeilensteinRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Phase = Umsetzungsphase.RollOut, Land = "NW", PlannedDate = planned,
        });

        var shown = await _ozgctl.InProcessAsync("leistungen", "show", Text(ozgId), "-o", "csv");

        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        Assert.EndsWith($",roll-out NW {planned}", Rows(shown)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Laender_verlauf_and_ueberfaellig_show_what_the_overview_reads()
    {
        var ozgId = fixture.TakeOzgId();
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 2,
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "SL", Verfuegbarkeit = Verfuegbarkeit.Pilot },
        });
        await Eventually.ReturnsAsync(
            async () => (await fixture.Monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures.Laender.Single(l => l.Land == "SL"),
            saarland => saarland.ByVerfuegbarkeit.Any(v => v.Verfuegbarkeit == Verfuegbarkeit.Pilot && v.Leistungen > 0),
            "a Leistung in Pilot in the Saarland");

        var laender = await Eventually.ReturnsAsync(async () =>
            {
                var shown = await _ozgctl.InProcessAsync("laender", "-o", "csv");
                var figures = (await fixture.Monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;
                return (Shown: Rows(shown), Expected: figures.Laender.Select(l => string.Join(',',
                    l.Land, l.Name, l.ByVerfuegbarkeit.Where(v => v.Verfuegbarkeit == Verfuegbarkeit.Pilot).Sum(v => v.Leistungen), l.InMindestensEinerKommune,
                    l.Flaechendeckend, l.Ueberfaellig, l.EfaBereitgestellt, l.EfaNachgenutzt)).ToList());
            },
            laender => laender.Shown.SequenceEqual(laender.Expected),
            "ozgctl laender shows the figures per Land of GetProgrammeFigures");
        Assert.Equal(16, laender.Shown.Count);
        Assert.DoesNotMatch("^SL,[^,]+,0,", laender.Shown.Single(row => row.StartsWith("SL,", StringComparison.Ordinal)));

        // The last point is today's, which follows the figures: read again until the two agree (writes of earlier tests settle).
        await Eventually.ReturnsAsync(async () =>
            {
                var verlauf = await _ozgctl.InProcessAsync("verlauf", "-o", "csv");
                var progress = await fixture.Monitoring.GetProgressAsync(new GetProgressRequest { Granularity = ProgressGranularity.Month });
                return (Shown: Rows(verlauf), Points: progress.Points.Select(p => $"{p.Day},{p.Leistungen},{p.OzgKonform},{p.OzgKonformGained},{p.Online}").ToList());
            },
            verlauf => verlauf.Points.Count > 0 && verlauf.Shown.SequenceEqual(verlauf.Points),
            "ozgctl verlauf shows the points of GetProgress");

        var ueberfaellig = await _ozgctl.InProcessAsync("ueberfaellig", "--land", "NW", "-o", "csv");
        var overdue = await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel)
            .ListUeberfaelligeLeistungenAsync(new ListUeberfaelligeLeistungenRequest { Land = "NW" });
        Assert.True(ueberfaellig.ExitCode == ExitCodes.Ok, ueberfaellig.ToString());
        Assert.Equal(overdue.Leistungen.Select(u => Text(u.OzgId)), Rows(ueberfaellig).Select(row => row.Split(',')[0]));
    }

    /// <summary>The CSV rows after the header.</summary>
    private static List<string> Rows(OzgCtlResult result) =>
        [.. result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)];

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}

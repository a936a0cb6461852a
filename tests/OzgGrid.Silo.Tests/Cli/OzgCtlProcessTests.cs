using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>
/// ozgctl as operators run it (`dotnet OzgGrid.Cli.dll`, settings from the environment) against the real host: the
/// bulk CSV paths with good and bad rows, the results file, and the exit codes a script sees.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlProcessTests(GatewayFixture fixture) : IDisposable
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);
    private readonly string _folder = Directory.CreateTempSubdirectory("ozgctl-test-").FullName;

    [Fact]
    public async Task Bulk_status_applies_the_good_rows_refuses_each_bad_one_with_its_line_and_exits_with_7()
    {
        var (first, second, third) = (fixture.TakeOzgId(), fixture.TakeOzgId(), fixture.TakeOzgId());
        var input = Write("status.csv",
            "ozg_id,reifegrad,phase,land,verfuegbarkeit",
            $"{first},3,umsetzung,,",
            $"{second},x,,,",
            $"{second},2,Roll-out,BY,flaechendeckend",
            "999999,2,,,",
            $"{third},9,,,",
            $"{third},,,NW,",
            $"{third},2,pilotierung,HB,pilot");
        var results = Path.Combine(_folder, "status-results.csv");

        var run = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "status", input, "--results", results);

        Assert.True(run.ExitCode == ExitCodes.PartialFailure, run.ToString());
        var rows = ResultRows(results);
        Assert.Equal(["2", "3", "4", "5", "6", "7", "8"], rows.Select(r => r["line"]));
        Assert.Equal(["accepted", "refused", "accepted", "refused", "refused", "refused", "accepted"], rows.Select(r => r["result"]));
        Assert.Equal(["OK", "INVALID_ROW", "OK", "NOT_FOUND", "INVALID_ARGUMENT", "INVALID_ROW", "OK"], rows.Select(r => r["code"]));
        Assert.Contains("line 3: reifegrad 'x' is not a whole number", rows[1]["reason"]);
        Assert.Contains("line 7:", rows[5]["reason"]);
        Assert.Contains("7 rows: 3 accepted, 4 refused, 0 not sent", run.Error);

        var leistungen = await Task.WhenAll(new[] { first, second, third }.Select(async id => (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = id })).Leistung));
        Assert.Equal((3, Umsetzungsphase.Umsetzung), (leistungen[0].Status.Reifegrad, leistungen[0].Status.Phase));
        Assert.Equal((Umsetzungsphase.RollOut, Verfuegbarkeit.Flaechendeckend), (leistungen[1].Status.Phase, leistungen[1].Status.Verfuegbarkeit["BY"]));
        Assert.Equal((2, Umsetzungsphase.Pilotierung, Verfuegbarkeit.Pilot), (leistungen[2].Status.Reifegrad, leistungen[2].Status.Phase, leistungen[2].Status.Verfuegbarkeit["HB"]));
    }

    [Fact]
    public async Task Bulk_status_with_only_good_rows_in_a_semicolon_file_exits_with_0()
    {
        var (first, second) = (fixture.TakeOzgId(), fixture.TakeOzgId());
        var input = Write("good.csv", "OZG_ID;Reifegrad;Phase", $"{first};1;Konzeption", $"{second};2;Umsetzung");

        var run = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "status", input, "-o", "csv");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(2, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => line.Contains(",accepted,OK,", StringComparison.Ordinal)));
        var second2 = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = second })).Leistung;
        Assert.Equal((2, Umsetzungsphase.Umsetzung), (second2.Status.Reifegrad, second2.Status.Phase));
    }

    [Fact]
    public async Task Bulk_rollouts_reports_the_good_rows_in_one_batch_and_answers_each_bad_row()
    {
        var ozgId = fixture.TakeOzgId();
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3 });
        var input = Write("rollouts.csv",
            "ozg_id,ags,verfuegbarkeit,reifegrad",
            $"{ozgId},{Nrw(1)},online,3",
            $"{ozgId},{Nrw(2)},pilot,2",
            $"{ozgId},05999999,online,3",
            $"{ozgId},{Nrw(3)},bald,3",
            $"{ozgId},{Nrw(4)},online,",
            $"{ozgId},{Nrw(1)},keine,0",
            $"{ozgId},{Nrw(5)},online,3");
        var results = Path.Combine(_folder, "rollout-results.csv");

        var run = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "rollouts", input, "--results", results);

        Assert.True(run.ExitCode == ExitCodes.PartialFailure, run.ToString());
        var rows = ResultRows(results);
        Assert.Equal([Nrw(1), Nrw(2), "05999999", Nrw(3), Nrw(4), Nrw(1), Nrw(5)], rows.Select(r => r["ags"]));
        Assert.Equal(["OK", "OK", "NOT_FOUND", "INVALID_ROW", "INVALID_ROW", "INVALID_ARGUMENT", "OK"], rows.Select(r => r["code"]));
        Assert.Contains("verfuegbarkeit 'bald'", rows[3]["reason"]);
        Assert.Contains("line 6: reifegrad is missing", rows[4]["reason"]);
        Assert.All(rows.Where(r => r["code"] != "OK" && r["code"] != "INVALID_ROW"), r => Assert.NotEqual("", r["reason"]));

        var rollout = await new RolloutService.RolloutServiceClient(fixture.Host.Channel).GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW" });
        Assert.Equal((3, 2, 1), (rollout.ReportedEntries, rollout.OnlineKommunen, rollout.PilotKommunen));
    }

    [Fact]
    public async Task Bulk_without_a_valid_token_stops_at_once_with_exit_code_4_and_marks_every_row_not_sent()
    {
        var ozgId = fixture.TakeOzgId();
        var input = Write("unauthenticated.csv", "ozg_id,reifegrad", $"{ozgId},1", $"{ozgId},2");
        var results = Path.Combine(_folder, "unauthenticated-results.csv");

        var run = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment("forged"), "bulk", "status", input, "--results", results, "--parallel", "1", "--request-id", "resume-me");

        Assert.True(run.ExitCode == ExitCodes.AccessDenied, run.ToString());
        Assert.Contains("ozgctl: stopped: unauthenticated:", run.Error);
        Assert.Contains("run the same file again with --request-id resume-me", run.Error);
        Assert.Equal(["not-sent", "not-sent"], ResultRows(results).Select(r => r["result"]));
    }

    [Fact]
    public async Task Bulk_status_applies_one_Leistung_s_rows_in_file_order_however_many_are_sent_at_once()
    {
        var ozgId = fixture.TakeOzgId();
        var version = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version;
        var input = Write("in-order.csv",
            "ozg_id,reifegrad,expected_version",
            $"{ozgId},1,{version}",
            $"{ozgId},2,{version + 1}",
            $"{ozgId},3,{version + 2}",
            $"{ozgId},4,{version + 3}");

        var run = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "status", input, "--parallel", "8", "-o", "csv");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var leistung = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal((4, version + 4), (leistung.Status.Reifegrad, leistung.Version));
    }

    [Fact]
    public async Task An_unknown_or_repeated_column_an_open_quote_or_a_results_file_that_cannot_be_written_stops_the_run_before_anything_is_sent()
    {
        var ozgId = fixture.TakeOzgId();
        var before = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version;
        var misspelled = Write("misspelled.csv", "ozg_id,reifegrad,expected-version", $"{ozgId},2,{before}");
        var twice = Write("twice.csv", "ozg_id,reifegrad,Reifegrad", $"{ozgId},2,3");
        var good = Write("good-but-nowhere.csv", "ozg_id,reifegrad", $"{ozgId},2");
        var openQuote = Write("open-quote.csv", "ozg_id,reifegrad", $"{ozgId},\"2", $"{ozgId},3", $"{ozgId},4");

        var unknown = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "status", misspelled);
        var repeated = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "status", twice);
        var nowhere = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "status", good, "--results", Path.Combine(_folder, "no-such-folder", "results.csv"));
        var swallowed = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "status", openQuote);

        Assert.All(new[] { unknown, repeated, nowhere, swallowed }, run => Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString()));
        Assert.Contains("the reifegrad of line 2 runs on over the lines after it; is a quote left open?", swallowed.Error);
        Assert.Contains("unknown column expected-version (columns: ozg_id, reifegrad, phase, land, verfuegbarkeit, expected_version)", unknown.Error);
        Assert.Contains("the column reifegrad appears more than once", repeated.Error);
        Assert.Contains("cannot write the results file", nowhere.Error);
        Assert.Equal(before, (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version);
    }

    [Fact]
    public async Task A_missing_file_or_a_file_without_the_required_columns_is_a_usage_error_and_sends_nothing()
    {
        var noOzgId = Write("wrong-header.csv", "id,reifegrad", "10000,4");

        var missing = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "status", Path.Combine(_folder, "nowhere.csv"));
        var wrongHeader = await OzgCtlRunner.ProcessAsync(_ozgctl.Environment(), "bulk", "rollouts", noOzgId);

        Assert.True(missing.ExitCode == ExitCodes.Usage, missing.ToString());
        Assert.True(wrongHeader.ExitCode == ExitCodes.Usage, wrongHeader.ToString());
        Assert.StartsWith("ozgctl: cannot read ", missing.Error);
        Assert.Contains("the header lacks ozg_id, ags, verfuegbarkeit", wrongHeader.Error);
    }

    [Fact]
    public async Task The_process_exit_codes_are_the_documented_ones()
    {
        var environment = _ozgctl.Environment();
        var dead = new Dictionary<string, string?>(environment) { ["OZGCTL_ENDPOINTS"] = $"127.0.0.1:{FreePort.Next()}" };
        var tokenFile = Write("token", "Bearer " + _ozgctl.ManagementToken());
        var withTokenFile = new Dictionary<string, string?>(environment) { ["OZGCTL_TOKEN"] = null, ["OZGCTL_TOKEN_FILE"] = tokenFile };

        var ok = await OzgCtlRunner.ProcessAsync(withTokenFile, "leistungen", "show", KnownData.ElterngeldOzgId.ToString());
        var usage = await OzgCtlRunner.ProcessAsync(environment, "leistungen", "shwo", "1");
        var notFound = await OzgCtlRunner.ProcessAsync(environment, "themenfelder", "show", "99");
        var unavailable = await OzgCtlRunner.ProcessAsync(dead, "themenfelder", "list", "--retry-for", "0");

        Assert.Equal(
            [ExitCodes.Ok, ExitCodes.Usage, ExitCodes.NotFound, ExitCodes.Unavailable],
            new[] { ok, usage, notFound, unavailable }.Select(r => r.ExitCode));
        Assert.Contains("Elterngeld", ok.Out);
        Assert.All(new[] { notFound, unavailable }, r => Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static List<Dictionary<string, string>> ResultRows(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        return rows;
    }

    private static string Nrw(int n) => ShippedRegister.Ags("NW", n);
}

using System.Text.Json;
using OzgGrid.Cli;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>ozgctl's commands in-process against the real host over loopback gRPC: what they print and the exit codes they end with.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlCommandTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task Show_prints_a_Leistung_as_JSON_with_its_status_and_name()
    {
        var result = await _ozgctl.InProcessAsync("leistungen", "show", KnownData.ElterngeldOzgId.ToString(), "--output", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(KnownData.ElterngeldOzgId, json.RootElement.GetProperty("ozgId").GetInt32());
        Assert.Contains("Elterngeld", json.RootElement.GetProperty("name").GetString());
        Assert.True(json.RootElement.GetProperty("status").TryGetProperty("reifegrad", out _));
    }

    [Fact]
    public async Task List_as_CSV_has_one_row_per_Leistung_of_the_Themenfeld_over_all_pages()
    {
        var expected = await fixture.Leistungen.ListLeistungenAsync(new ListLeistungenRequest { ThemenfeldId = 6, PageSize = 1 });

        var result = await _ozgctl.InProcessAsync("leistungen", "list", "--themenfeld", "6", "-o", "csv");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ozg_id,name,themenfeld_id,reifegrad,phase,laender,version", lines[0].TrimEnd('\r'));
        Assert.Equal(expected.TotalSize, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^\d+,", line));
    }

    [Fact]
    public async Task Themenfelder_list_shows_all_14_with_their_figures_in_a_table()
    {
        var themenfelder = await fixture.Themenfelder.ListThemenfelderAsync(new ListThemenfelderRequest());

        var result = await _ozgctl.InProcessAsync("themenfelder", "list");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(KnownData.Themenfelder, themenfelder.Themenfelder.Count);
        Assert.All(themenfelder.Themenfelder, t => Assert.Contains(t.Name, result.Out));
        Assert.Contains("OZG-konform", result.Out);
    }

    [Fact]
    public async Task Set_status_changes_Reifegrad_Phase_and_a_Land_and_the_server_keeps_them()
    {
        var ozgId = fixture.TakeOzgId();

        var result = await _ozgctl.InProcessAsync(
            "leistungen", "set-status", ozgId.ToString(), "--reifegrad", "3", "--phase", "Roll-out", "--land", "NW", "--verfuegbarkeit", "pilot", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var leistung = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal((3, Umsetzungsphase.RollOut, Verfuegbarkeit.Pilot), (leistung.Status.Reifegrad, leistung.Status.Phase, leistung.Status.Verfuegbarkeit["NW"]));
        Assert.Equal("ozgctl-test", leistung.LastChange.ChangedBy);
    }

    [Fact]
    public async Task A_stale_expected_version_ends_with_exit_code_5_and_the_servers_reason_on_one_line()
    {
        var ozgId = fixture.TakeOzgId();
        var version = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version;
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 });

        var result = await _ozgctl.InProcessAsync("leistungen", "set-status", ozgId.ToString(), "--reifegrad", "2", "--expected-version", version.ToString());

        Assert.True(result.ExitCode == ExitCodes.Conflict, result.ToString());
        Assert.StartsWith("ozgctl: failed precondition: ", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Status.Reifegrad);
    }

    [Fact]
    public async Task Each_refusal_of_the_server_has_its_own_exit_code_and_no_stack_trace()
    {
        var ozgId = fixture.TakeOzgId().ToString();
        var monitoring = _ozgctl.Environment(fixture.Host.TokenFor(Roles.Monitoring, "dashboard"));
        var anonymous = _ozgctl.Environment();
        anonymous["OZGCTL_TOKEN"] = null;

        var notFound = await _ozgctl.InProcessAsync("leistungen", "show", "999999");
        var invalid = await _ozgctl.InProcessAsync("leistungen", "set-status", ozgId, "--reifegrad", "9");
        var denied = await OzgCtlRunner.InProcessAsync(monitoring, new CapturedWriter(), ["leistungen", "set-status", ozgId, "--reifegrad", "2"]);
        var unauthenticated = await OzgCtlRunner.InProcessAsync(anonymous, new CapturedWriter(), ["leistungen", "show", ozgId]);
        var forged = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment("not-a-token"), new CapturedWriter(), ["leistungen", "show", ozgId]);

        Assert.Equal(
            [ExitCodes.NotFound, ExitCodes.InvalidArgument, ExitCodes.AccessDenied, ExitCodes.AccessDenied, ExitCodes.AccessDenied],
            new[] { notFound, invalid, denied, unauthenticated, forged }.Select(r => r.ExitCode));
        Assert.StartsWith("ozgctl: not found: ", notFound.Error);
        Assert.StartsWith("ozgctl: invalid argument: ", invalid.Error);
        Assert.StartsWith("ozgctl: permission denied: ", denied.Error);
        Assert.StartsWith("ozgctl: unauthenticated: ", unauthenticated.Error);
        Assert.Contains("OZGCTL_TOKEN", unauthenticated.Error);
        Assert.All(new[] { notFound, invalid, denied, unauthenticated, forged }, r => Assert.DoesNotContain("   at ", r.Error));
    }

    [Fact]
    public async Task A_refused_token_whose_reason_spans_lines_is_still_one_line_on_stderr()
    {
        var forged = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment("not-a-token"), new CapturedWriter(), ["themenfelder", "list"]);

        Assert.True(forged.ExitCode == ExitCodes.AccessDenied, forged.ToString());
        Assert.StartsWith("ozgctl: unauthenticated: ", forged.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', forged.Error.TrimEnd());
    }

    [Fact]
    public async Task A_command_line_that_does_not_parse_is_named_on_stderr_with_where_to_find_the_usage_and_leaves_stdout_empty()
    {
        var misspelt = await _ozgctl.InProcessAsync("leistungen", "show", KnownData.ElterngeldOzgId.ToString(), "--outptu", "json");
        var noCommand = await _ozgctl.InProcessAsync("leistungen");
        var help = await _ozgctl.InProcessAsync("leistungen", "show", "--help");

        Assert.All([misspelt, noCommand], result =>
        {
            Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
            Assert.Equal("", result.Out);
            Assert.All(result.Error.TrimEnd().Split('\n'), line => Assert.StartsWith("ozgctl: ", line, StringComparison.Ordinal));
        });
        Assert.Contains("ozgctl: Unrecognized command or argument '--outptu'", misspelt.Error);
        Assert.EndsWith("ozgctl: see 'ozgctl leistungen show --help'", misspelt.Error.TrimEnd());
        Assert.EndsWith("ozgctl: see 'ozgctl leistungen --help'", noCommand.Error.TrimEnd());
        Assert.True(help.ExitCode == ExitCodes.Ok, help.ToString());
        Assert.Contains("--output", help.Out);
    }

    [Fact]
    public async Task The_operations_port_given_as_the_endpoint_is_named_as_no_gRPC_endpoint_with_exit_code_1_not_a_server_fault()
    {
        var operations = fixture.Host.HttpAddress.ToString().TrimEnd('/');

        var result = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), new CapturedWriter(), ["themenfelder", "list", "-e", operations, "--retry-for", "0"]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.StartsWith($"ozgctl: {operations}/ is no gRPC endpoint", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error.TrimEnd());
    }

    [Fact]
    public async Task An_https_endpoint_that_serves_no_TLS_is_named_as_such_not_as_an_untrusted_certificate()
    {
        var https = $"https://{fixture.Host.Channel.Target}";

        var result = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), new CapturedWriter(), ["themenfelder", "list", "-e", https, "--retry-for", "0"]);

        Assert.True(result.ExitCode == ExitCodes.Unavailable, result.ToString());
        Assert.StartsWith($"ozgctl: no TLS handshake with {https}/", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not trusted", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_cannot_be_used_is_named_with_where_it_came_from_and_exit_code_4()
    {
        var pasted = _ozgctl.Environment("warning NU1603: something\n" + _ozgctl.ManagementToken());
        var missingFile = _ozgctl.Environment();
        missingFile["OZGCTL_TOKEN"] = null;
        missingFile["OZGCTL_TOKEN_FILE"] = Path.Combine(Path.GetTempPath(), $"no-token-{Guid.NewGuid():N}");

        var fromVariable = await OzgCtlRunner.InProcessAsync(pasted, new CapturedWriter(), ["themenfelder", "list"]);
        var fromFile = await OzgCtlRunner.InProcessAsync(missingFile, new CapturedWriter(), ["themenfelder", "list"]);

        Assert.True(fromVariable.ExitCode == ExitCodes.AccessDenied, fromVariable.ToString());
        Assert.Contains("the token from OZGCTL_TOKEN is not one word", fromVariable.Error);
        Assert.True(fromFile.ExitCode == ExitCodes.AccessDenied, fromFile.ToString());
        Assert.StartsWith("ozgctl: cannot read the token file ", fromFile.Error);
        Assert.Contains("(OZGCTL_TOKEN_FILE)", fromFile.Error);
    }

    [Fact]
    public async Task Usage_errors_end_with_exit_code_1_before_anything_is_sent()
    {
        var ozgId = fixture.TakeOzgId();
        var before = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version;

        var nothingToChange = await _ozgctl.InProcessAsync("leistungen", "set-status", ozgId.ToString());
        var landWithoutLevel = await _ozgctl.InProcessAsync("leistungen", "set-status", ozgId.ToString(), "--land", "NW");
        var unknownPhase = await _ozgctl.InProcessAsync("leistungen", "set-status", ozgId.ToString(), "--phase", "fertig");
        var unknownCommand = await _ozgctl.InProcessAsync("leistungen", "delete", ozgId.ToString());

        Assert.Equal([1, 1, 1, 1], new[] { nothingToChange, landWithoutLevel, unknownPhase, unknownCommand }.Select(r => r.ExitCode));
        Assert.Contains("nothing to change", nothingToChange.Error);
        Assert.Contains("phase 'fertig'", unknownPhase.Error);
        Assert.Equal(before, (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version);
    }

    [Fact]
    public async Task Set_zustaendigkeit_replaces_the_ownership()
    {
        var ozgId = fixture.TakeOzgId();

        var result = await _ozgctl.InProcessAsync(
            "leistungen", "set-owner", ozgId.ToString(), "--land", "HH", "--efa", "--it-dienstleister", KnownData.Dataport, "--nachnutzer", "SH,HB");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var z = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Zustaendigkeit;
        Assert.Equal(("HH", true, KnownData.Dataport), (z.Land, z.Efa, z.ItDienstleister));
        Assert.Equal(["HB", "SH"], z.NachnutzerLaender.Order());
    }

    [Fact]
    public async Task Set_federfuehrung_sets_who_leads_a_Themenfeld_and_refuses_a_stale_version_with_exit_5()
    {
        var id = fixture.TakeThemenfeldId();
        var before = (await fixture.Themenfelder.GetThemenfeldAsync(new GetThemenfeldRequest { ThemenfeldId = id })).Themenfeld;

        var set = await _ozgctl.InProcessAsync(
            "themenfelder", "set-federfuehrung", id.ToString(), "--bundesressort", "BMI", "--laender", "by,11",
            "--expected-version", before.Version.ToString(), "-o", "json");
        var stale = await _ozgctl.InProcessAsync(
            "themenfelder", "set-federfuehrung", id.ToString(), "--bundesressort", "BMJ", "--expected-version", before.Version.ToString());
        var nothing = await _ozgctl.InProcessAsync("themenfelder", "set-federfuehrung", id.ToString());

        Assert.True(set.ExitCode == ExitCodes.Ok, set.ToString());
        Assert.Contains("BMI", set.Out);
        Assert.Equal(5, stale.ExitCode);
        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("--bundesressort", nothing.Error);
        var read = (await fixture.Themenfelder.GetThemenfeldAsync(new GetThemenfeldRequest { ThemenfeldId = id })).Themenfeld;
        Assert.Equal(("BMI", before.Version + 1), (read.Federfuehrung.Bundesressort, read.Version));
        Assert.Equal(["BE", "BY"], read.Federfuehrung.Laender);
    }

    [Fact]
    public async Task A_dead_endpoint_first_in_the_list_is_skipped_and_the_next_one_answers()
    {
        var environment = _ozgctl.Environment();
        environment["OZGCTL_ENDPOINTS"] = $"127.0.0.1:{FreePort.Next()},{_ozgctl.Endpoint}";

        var result = await OzgCtlRunner.InProcessAsync(environment, new CapturedWriter(), ["leistungen", "show", KnownData.ElterngeldOzgId.ToString(), "-o", "csv"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("Elterngeld", result.Out);
    }

    [Fact]
    public async Task When_no_endpoint_answers_the_exit_code_is_6_and_every_endpoint_is_named()
    {
        var (first, second) = (FreePort.Next(), FreePort.Next());

        var result = await OzgCtlRunner.InProcessAsync(
            _ozgctl.Environment(), new CapturedWriter(), ["themenfelder", "list", "-e", $"127.0.0.1:{first}", "-e", $"127.0.0.1:{second}", "--retry-for", "1"]);

        Assert.True(result.ExitCode == ExitCodes.Unavailable, result.ToString());
        Assert.StartsWith("ozgctl: unavailable: no endpoint answered within 1 s", result.Error);
        Assert.Contains($":{first}", result.Error);
        Assert.Contains($":{second}", result.Error);
    }

    [Fact]
    public async Task A_call_rides_out_an_endpoint_that_drops_its_first_connections()
    {
        var ozgId = fixture.TakeOzgId();
        await using var flaky = new FlakyForwarder(new Uri(_ozgctl.Endpoint), dropFirst: 2);

        var result = await OzgCtlRunner.InProcessAsync(
            _ozgctl.Environment(), new CapturedWriter(), ["leistungen", "set-status", ozgId.ToString(), "--reifegrad", "2", "-e", flaky.Endpoint]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.True(flaky.Dropped >= 1, "The forwarder dropped no connection, so nothing was retried.");
        var leistung = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal((2, 2L), (leistung.Status.Reifegrad, leistung.Version));
    }

    [Fact]
    public async Task With_retry_for_0_a_dead_endpoint_fails_at_once_and_a_negative_value_is_refused()
    {
        var dead = $"127.0.0.1:{FreePort.Next()}";

        var once = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), new CapturedWriter(), ["themenfelder", "list", "-e", dead, "--retry-for", "0"]);
        var negative = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), new CapturedWriter(), ["themenfelder", "list", "-e", dead, "--retry-for", "-1"]);

        Assert.True(once.ExitCode == ExitCodes.Unavailable, once.ToString());
        Assert.StartsWith("ozgctl: unavailable: no endpoint answered (", once.Error);
        Assert.True(negative.ExitCode == ExitCodes.Usage, negative.ToString());
        Assert.Contains("--retry-for must be 0 or more seconds", negative.Error);
    }

    [Fact]
    public async Task Watch_rides_out_an_endpoint_that_drops_its_first_connections()
    {
        // More dropped connections than the two tries a watch used to make before it gave up.
        await using var flaky = new FlakyForwarder(new Uri(_ozgctl.Endpoint), dropFirst: 4);

        var result = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), new CapturedWriter(), ["watch", "--once", "-o", "json", "-e", flaky.Endpoint]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(4, flaky.Dropped);
        Assert.Contains("\"snapshot\"", result.Out);
    }

    [Fact]
    public async Task Watch_with_retry_for_0_gives_up_after_one_round_over_the_endpoints()
    {
        var dead = $"127.0.0.1:{FreePort.Next()}";

        var result = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), new CapturedWriter(), ["watch", "--once", "-e", dead, "--retry-for", "0"]);

        Assert.True(result.ExitCode == ExitCodes.Unavailable, result.ToString());
        Assert.StartsWith("ozgctl: unavailable: no endpoint answered (", result.Error);
        Assert.Contains(dead, result.Error);
    }

    [Fact]
    public async Task Report_writes_the_Themenfeld_CSV_to_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ozgctl-report-{Guid.NewGuid():N}.csv");
        try
        {
            var result = await _ozgctl.InProcessAsync("report", "themenfelder", "--out", file);

            Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
            var lines = File.ReadAllLines(file).Where(line => line.Length > 0).ToList();
            Assert.Equal(KnownData.Themenfelder + 1, lines.Count);
            Assert.Equal("", result.Out);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Report_writes_an_XLSX_workbook_to_a_file_and_refuses_one_for_stdout()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ozgctl-report-{Guid.NewGuid():N}.xlsx");
        try
        {
            var written = await _ozgctl.InProcessAsync("report", "lagen", "--format", "xlsx", "--out", file);
            var toStdout = await _ozgctl.InProcessAsync("report", "lagen", "--format", "xlsx");

            Assert.True(written.ExitCode == ExitCodes.Ok, written.ToString());
            using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, isEditable: false))
            {
                var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
                Assert.Equal(KnownData.Lagen + 1, rows);
            }

            Assert.True(toStdout.ExitCode == ExitCodes.Usage, toStdout.ToString());
            Assert.Contains("--out", toStdout.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Cluster_shows_the_active_silo_and_the_health_of_each_endpoint()
    {
        var result = await _ozgctl.InProcessAsync("cluster", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("SERVING", json.RootElement.GetProperty("endpoints")[0].GetProperty("health").GetString());
        Assert.Contains(json.RootElement.GetProperty("cluster").GetProperty("silos").EnumerateArray(), s => s.GetProperty("status").GetString() == "Active");
    }

    [Fact]
    public async Task Cluster_with_one_dead_endpoint_reports_it_and_exits_with_7()
    {
        var environment = _ozgctl.Environment();
        environment["OZGCTL_ENDPOINTS"] = $"{_ozgctl.Endpoint},127.0.0.1:{FreePort.Next()}";

        var result = await OzgCtlRunner.InProcessAsync(environment, new CapturedWriter(), ["cluster"]);

        Assert.True(result.ExitCode == ExitCodes.PartialFailure, result.ToString());
        Assert.Contains("SERVING", result.Out);
        Assert.Contains("UNAVAILABLE", result.Out);
        Assert.Contains("Active", result.Out);
    }

    [Fact]
    public async Task Watch_once_prints_the_programme_figures()
    {
        var result = await _ozgctl.InProcessAsync("watch", "--once", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("snapshot", json.RootElement.GetProperty("event").GetString());
        Assert.Equal(KnownData.Leistungen, json.RootElement.GetProperty("figures").GetProperty("leistungen").GetInt64());
    }

    [Fact]
    public async Task Watch_prints_a_change_made_while_it_runs_and_stops_after_count_changes()
    {
        var ozgId = fixture.TakeOzgId();
        var output = new CapturedWriter();
        var watch = OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), output, ["watch", "--ozg-id", ozgId.ToString(), "--count", "1", "-o", "json"]);
        await Eventually.ReturnsAsync(() => Task.FromResult(output.ToString()), text => text.Contains("\"snapshot\""), "the watch's snapshot");

        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 4 });

        var result = await watch.WaitAsync(Eventually.DefaultTimeout);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var change = JsonDocument.Parse(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal(("change", ozgId), (change.GetProperty("event").GetString(), change.GetProperty("ozg_id").GetInt32()));
        Assert.Contains("reifegrad", change.GetProperty("fields").GetString());
    }
}

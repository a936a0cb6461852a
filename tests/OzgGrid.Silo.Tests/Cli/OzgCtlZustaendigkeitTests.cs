using System.Text.Json;
using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>ozgctl's `zustaendigkeit` commands in-process against the real host: what they write, print and exit with.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlZustaendigkeitTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task Ebene_and_FIM_are_set_shown_listed_and_reported()
    {
        var ozgId = fixture.TakeOzgId().ToString();

        var ebene = await _ozgctl.InProcessAsync("zustaendigkeit", "set-ebene", ozgId, "--ebene", "kommune,land");
        var fim = await _ozgctl.InProcessAsync(
            "zustaendigkeit", "set-fim", ozgId, "--baustein", "stammtext", "--fim-id", "S99010001", "--fim-version", "2.1", "--status", "silber", "--expected-version", "1");
        var show = await _ozgctl.InProcessAsync("zustaendigkeit", "show", ozgId, "-o", "json");
        var list = await _ozgctl.InProcessAsync("zustaendigkeit", "fim-list", "--status", "silber", "-o", "csv");
        var file = Path.Combine(Path.GetTempPath(), $"fim-{Guid.NewGuid():N}.csv");
        var report = await _ozgctl.InProcessAsync("zustaendigkeit", "fim-report", "--out", file);

        Assert.All([ebene, fim, show, list, report], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        using var json = JsonDocument.Parse(show.Out);
        Assert.Equal("2", json.RootElement.GetProperty("version").ToString());
        Assert.Equal("S99010001", json.RootElement.GetProperty("fim")[0].GetProperty("fimId").GetString());
        Assert.Contains(list.Out.Split('\n'), line => line.StartsWith($"{ozgId},land kommune,S99010001 2.1 silber,", StringComparison.Ordinal));
        Assert.Contains(File.ReadAllLines(file), line => line.StartsWith($"{ozgId},", StringComparison.Ordinal) && line.Contains(",S99010001,2.1,fachlich_freigegeben_silber,"));
        File.Delete(file);
    }

    [Fact]
    public async Task Responsible_Kommunen_are_set_and_shown_and_bad_input_ends_with_its_exit_code()
    {
        var ozgId = fixture.TakeOzgId().ToString();

        var set = await _ozgctl.InProcessAsync("zustaendigkeit", "set-kommunen", ozgId, "NW", "--ags", $"{ShippedRegister.Ags("NW", 1)},{ShippedRegister.Ags("NW", 2)}");
        var shown = await _ozgctl.InProcessAsync("zustaendigkeit", "kommunen", ozgId, "05", "-o", "csv");
        var neither = await _ozgctl.InProcessAsync("zustaendigkeit", "set-kommunen", ozgId, "NW");
        var badStatus = await _ozgctl.InProcessAsync("zustaendigkeit", "fim-list", "--status", "golden");
        var elsewhere = await _ozgctl.InProcessAsync("zustaendigkeit", "set-kommunen", ozgId, "NW", "--ags", "09162000");
        var unknown = await _ozgctl.InProcessAsync("zustaendigkeit", "set-kommunen", ozgId, "NW", "--ags", "05999999");
        var stale = await _ozgctl.InProcessAsync("zustaendigkeit", "set-kommunen", ozgId, "NW", "--keine", "--expected-version", "7");

        Assert.True(set.ExitCode == ExitCodes.Ok, set.ToString());
        Assert.Contains($"{ozgId},NW,liste,{ShippedRegister.Ags("NW", 1)} {ShippedRegister.Ags("NW", 2)},1", shown.Out);
        Assert.Equal(
            [ExitCodes.Usage, ExitCodes.Usage, ExitCodes.InvalidArgument, ExitCodes.NotFound, ExitCodes.Conflict],
            new[] { neither, badStatus, elsewhere, unknown, stale }.Select(r => r.ExitCode));
        Assert.Contains("AGS 09162000 is not in NW", elsewhere.Error);
        var kept = await new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.Channel)
            .GetZustaendigeKommunenAsync(new GetZustaendigeKommunenRequest { OzgId = int.Parse(ozgId), Land = "NW" });
        Assert.Equal((ZustaendigeKommunenArt.Liste, 1L), (kept.ZustaendigeKommunen.Art, kept.ZustaendigeKommunen.Version));
    }
}

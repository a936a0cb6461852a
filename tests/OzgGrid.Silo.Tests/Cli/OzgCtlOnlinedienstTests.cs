using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>`ozgctl onlinedienst …` in-process against the real host: register, rate, show, list and blockers.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlOnlinedienstTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task An_onlinedienst_is_registered_rated_shown_listed_and_its_blockers_named()
    {
        var id = $"od-cli-{Guid.NewGuid():N}"[..24];
        var (_, leikaKey) = await fixture.TakeLeikaLeistungAsync();

        var registered = await _ozgctl.InProcessAsync(
            "onlinedienst", "register", id, "--name", "Kita-Portal", "--url", "https://kita.example.org", "--anbieter", KnownData.Dataport, "-o", "csv");
        var rated = await _ozgctl.InProcessAsync(
            "onlinedienst", "rate", id, leikaKey, "--modell", "1.1", "--kriterium", "K01=4,K02=4,K03=3", "--kriterium", "K04=4", "-o", "csv");
        var wrongModel = await _ozgctl.InProcessAsync("onlinedienst", "rate", id, leikaKey, "--modell", "3.0");
        var unknownCriterion = await _ozgctl.InProcessAsync("onlinedienst", "rate", id, leikaKey, "--modell", "2.0", "--kriterium", "K14=1");
        var shown = await _ozgctl.InProcessAsync("onlinedienst", "show", id, "-o", "csv");
        var listed = await _ozgctl.InProcessAsync("onlinedienst", "list", "--anbieter", KnownData.Dataport, "-o", "csv");
        var blockers = await _ozgctl.InProcessAsync("onlinedienst", "blockers", id, leikaKey, "--modell", "1.1", "--zielstufe", "4", "-o", "csv");

        Assert.True(registered.ExitCode == ExitCodes.Ok, registered.ToString());
        Assert.True(rated.ExitCode == ExitCodes.Ok, rated.ToString());
        var pair = rated.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("onlinedienst_id,leika_key,ozg_id,reifegrad_1_1,reifegrad_2_0", pair[0].TrimEnd('\r'));

        // K05–K10 are not rated: they count as 0, so the pair is at level 0 by model 1.1 whatever K01–K04 say.
        Assert.EndsWith(",0,0", pair[1].TrimEnd('\r'));
        Assert.Equal(ExitCodes.Usage, wrongModel.ExitCode);
        Assert.Contains("--modell must be 1.1 or 2.0", wrongModel.Error);
        Assert.NotEqual(ExitCodes.Ok, unknownCriterion.ExitCode);
        Assert.Contains("kriterien[0].kriterium", unknownCriterion.Error);
        Assert.Contains($"{id},{leikaKey},", shown.Out);
        Assert.Contains(listed.Out.Split('\n'), line => line.StartsWith($"{id},Kita-Portal,{KnownData.Dataport},", StringComparison.Ordinal));
        Assert.True(blockers.ExitCode == ExitCodes.Ok, blockers.ToString());
        Assert.Contains("K03=3, K05=0, K06=0, K07=0, K08=0, K09=0, K10=0", blockers.Out);
    }

    [Fact]
    public async Task Where_it_is_in_use_and_its_publication_are_set_and_the_server_keeps_them()
    {
        var id = $"od-cli-{Guid.NewGuid():N}"[..24];
        var kommunen = ShippedRegister.Of("SH").Take(2).Select(k => k.Ags).ToArray();
        await _ozgctl.InProcessAsync("onlinedienst", "register", id, "--name", "Wohngeld", "--url", "https://wohngeld.example.org", "--anbieter", KnownData.Dataport);

        var einsatz = await _ozgctl.InProcessAsync("onlinedienst", "einsatzgebiet", id, "--land", "HH", "--kommune", string.Join(',', kommunen), "-o", "csv");
        var published = await _ozgctl.InProcessAsync("onlinedienst", "publish", id, "--expected-version", "2", "-o", "csv");
        var stale = await _ozgctl.InProcessAsync("onlinedienst", "publish", id, "--zurueckziehen", "--expected-version", "2");
        var badAgs = await _ozgctl.InProcessAsync("onlinedienst", "einsatzgebiet", id, "--kommune", "1");
        var read = (await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.Channel).GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = id })).Onlinedienst;
        var withdrawn = await _ozgctl.InProcessAsync("onlinedienst", "publish", id, "--zurueckziehen", "--expected-version", "3", "-o", "csv");

        Assert.All([einsatz, published, withdrawn], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.Equal([ExitCodes.Conflict, ExitCodes.Usage], new[] { stale, badAgs }.Select(r => r.ExitCode));
        Assert.Equal(["HH", $"SH:{string.Join(' ', kommunen)}"], read.Einsatzgebiet.Select(e => e.Kommunen.Count == 0 ? e.Land : $"{e.Land}:{string.Join(' ', e.Kommunen)}"));
        Assert.Equal((true, 3L), (read.Veroeffentlicht, read.Version));
        Assert.Contains($"{id},Wohngeld,{KnownData.Dataport},,0,true,3", published.Out);
        Assert.Contains($"{id},Wohngeld,{KnownData.Dataport},,0,false,4", withdrawn.Out);
    }
}

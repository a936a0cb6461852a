using OzgGrid.Cli;
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
}

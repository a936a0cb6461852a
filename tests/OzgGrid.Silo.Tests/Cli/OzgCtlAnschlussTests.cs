using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>ozgctl's `anschluss` commands in-process against the real host: what they write, print and exit with.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlAnschlussTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task Items_are_set_shown_and_counted_and_the_forecast_names_what_blocks_a_Kommune()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var onlinedienst = await seed.InUseAsync(await seed.AnbieterAsync(), leikaKey, 3, 3, "NW");
        var ags = (await new RolloutService.RolloutServiceClient(fixture.Host.Channel).ListKommunenAsync(new ListKommunenRequest { Land = "NW" })).Kommunen[0].Ags;

        var set = await _ozgctl.InProcessAsync("anschluss", "set", onlinedienst, ags,
            "--set", "nachnutzungsvereinbarung=2026-01-15", "--set", "zustellweg=xta:dvdv-test", "--set", "go-live-geplant=2099-06-30", "-o", "csv");
        var cleared = await _ozgctl.InProcessAsync("anschluss", "set", onlinedienst, ags, "--clear", "zustellweg", "--expected-version", "1");
        var show = await _ozgctl.InProcessAsync("anschluss", "show", onlinedienst, ags, "-o", "csv");
        var fortschritt = await _ozgctl.InProcessAsync("anschluss", "fortschritt", onlinedienst, "NW", "-o", "csv");
        var prognose = await _ozgctl.InProcessAsync("anschluss", "prognose", ozgId.ToString(), "NW", "-o", "csv");
        var badStep = await _ozgctl.InProcessAsync("anschluss", "set", onlinedienst, ags, "--set", "glasfaser=ja");
        var badDate = await _ozgctl.InProcessAsync("anschluss", "set", onlinedienst, ags, "--set", "go-live-geplant=morgen");

        Assert.All([set, cleared, show, fortschritt, prognose], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.Contains($"{ags},zustellweg,xta:dvdv-test,ozgctl-test,", set.Out);
        Assert.DoesNotContain("zustellweg", show.Out);
        Assert.Contains($"{ags},go-live-geplant,2099-06-30,", show.Out);
        Assert.Contains(fortschritt.Out.Split('\n'), line => line.StartsWith("NW,", StringComparison.Ordinal) && line.Contains(",1,0,0,1,0,"));
        Assert.Contains($"{ags},zustellweg,{onlinedienst},2099-06-30,", prognose.Out);
        Assert.Equal([ExitCodes.Usage, ExitCodes.InvalidArgument], new[] { badStep, badDate }.Select(r => r.ExitCode));
        Assert.Contains("YYYY-MM-DD", badDate.Error);
    }
}

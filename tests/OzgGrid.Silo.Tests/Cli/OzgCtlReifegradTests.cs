using OzgGrid.Cli;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>`ozgctl reifegrad blockers` in-process against the real host: one Leistung's pairs, and the programme.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlReifegradTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);
    private readonly OnlinedienstSeed _seed = new(fixture.Host.Channel);

    [Fact]
    public async Task Blockers_name_each_pair_of_a_Leistung_and_count_the_programmes_Leistungen_per_blocker()
    {
        var (ozgId, leikaKey) = await _seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await _seed.InUseAsync(KnownData.Dataport, leikaKey, stufe11: 3, stufe20: 5);

        var leistung = await _ozgctl.InProcessAsync("reifegrad", "blockers", "--leistung", ozgId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--modell", "1.1", "--zielstufe", "4", "-o", "csv");
        var programme = await _ozgctl.InProcessAsync("reifegrad", "blockers", "--modell", "2.0", "--zielstufe", "6", "-o", "csv");
        var outOfRange = await _ozgctl.InProcessAsync("reifegrad", "blockers", "--modell", "1.1", "--zielstufe", "5");

        Assert.True(leistung.ExitCode == ExitCodes.Ok, leistung.ToString());
        Assert.Contains($"{dienst},{leikaKey},true,3,", leistung.Out);
        Assert.True(programme.ExitCode == ExitCodes.Ok, programme.ToString());
        Assert.Contains(programme.Out.Split('\n'), line => line.StartsWith("Noots,", StringComparison.Ordinal) && line.Contains(ozgId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.NotEqual(ExitCodes.Ok, outOfRange.ExitCode);
        Assert.Contains("zielstufe", outOfRange.Error);
    }
}

using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>What an operator sees on a terminal: the live watch display and the bulk progress bar, rendered against the real host.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlTerminalTests(GatewayFixture fixture) : IDisposable
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);
    private readonly string _folder = Directory.CreateTempSubdirectory("ozgctl-terminal-").FullName;

    [Fact]
    public async Task Watch_on_a_terminal_shows_the_figures_and_the_change_in_a_live_display()
    {
        var ozgId = fixture.TakeOzgId();
        var output = new CapturedWriter();
        var watch = OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), output, ["watch", "--ozg-id", ozgId.ToString(), "--count", "1"], terminal: true);
        await Eventually.ReturnsAsync(() => Task.FromResult(output.ToString()), text => text.Contains("Programme figures"), "the live figures table");

        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 2 });

        var result = await watch.WaitAsync(Eventually.DefaultTimeout);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("Latest changes (1 seen)", result.Out);
        Assert.Contains(ozgId.ToString(), result.Out);
        Assert.Contains("OZG-konform", result.Out);
    }

    [Fact]
    public async Task Bulk_on_a_terminal_shows_a_progress_bar_and_a_table_of_the_refused_rows()
    {
        var ozgId = fixture.TakeOzgId();
        var input = Path.Combine(_folder, "status.csv");
        File.WriteAllLines(input, ["ozg_id,reifegrad", $"{ozgId},1", $"{ozgId},zwei"]);

        var result = await OzgCtlRunner.InProcessAsync(_ozgctl.Environment(), new CapturedWriter(), ["bulk", "status", input], terminal: true);

        Assert.True(result.ExitCode == ExitCodes.PartialFailure, result.ToString());
        Assert.Contains("Status", result.Out);
        Assert.Contains("100%", result.Out);
        Assert.Contains("Refused or not sent", result.Out);
        Assert.Contains("reifegrad 'zwei' is not a whole number", result.Out);
        Assert.Contains("2 rows: 1 accepted, 1 refused, 0 not sent", result.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

using Microsoft.Extensions.Options;
using OzgGrid.Silo.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>What the silo program prints when its start fails: one line for what the operator can fix, the stack trace too for a fault of the program.</summary>
public sealed class StartRefusalTests
{
    [Fact]
    public void A_setting_the_operator_can_fix_is_one_line_without_a_stack_trace()
    {
        var refused = Thrown(() => throw new OptionsValidationException("OzgGrid:Limits", typeof(object), ["OzgGrid:Limits:MaxPageSize must be at least 1."]));

        var report = StartRefusal.Report(refused);

        Assert.Equal("ozggrid: Refusing to start: OzgGrid:Limits:MaxPageSize must be at least 1.", report);
    }

    [Fact]
    public void A_fault_of_the_program_itself_keeps_its_stack_trace_for_the_bug_report()
    {
        var fault = Thrown(() => throw new InvalidOperationException("Starting the gateway failed.", Thrown(() => _ = ((string?)null)!.Length)));

        var lines = StartRefusal.Report(fault).Split(Environment.NewLine);

        Assert.StartsWith("ozggrid: Refusing to start: Starting the gateway failed: Object reference not set", lines[0], StringComparison.Ordinal);
        Assert.Equal("ozggrid: this is a fault of OzgGrid, not of its settings; report it with what follows:", lines[1]);
        Assert.Contains(lines, line => line.TrimStart().StartsWith($"at {typeof(StartRefusalTests).FullName}", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(nameof(NullReferenceException), StringComparison.Ordinal));
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("The action threw nothing.");
    }
}

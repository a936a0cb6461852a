namespace OzgGrid.Silo.Tests.Cli;

/// <summary>What one ozgctl run left behind: its exit code, stdout and stderr.</summary>
public sealed record OzgCtlResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

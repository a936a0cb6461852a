namespace OzgGrid.Cli;

/// <summary>A failure on the client side (an unreadable token file, a missing CSV) reported as one line with its exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

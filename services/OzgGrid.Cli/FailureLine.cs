namespace OzgGrid.Cli;

/// <summary>How ozgctl reports a failure: one line on stderr, "ozgctl: …", also where the reason has line breaks (a token library's message, say).</summary>
public static class FailureLine
{
    public static void Write(TextWriter error, string message) =>
        error.WriteLine($"ozgctl: {string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
}

using Spectre.Console;

namespace OzgGrid.Cli;

/// <summary>
/// What a command writes to and reads its settings from: the process's terminal and environment, or in tests a
/// captured console, a captured error writer and an environment of the test's own.
/// </summary>
public sealed record CliConsole(IAnsiConsole Out, TextWriter Error, Func<string, string?> Environment)
{
    public static CliConsole FromProcess() =>
        new(Console.IsOutputRedirected ? PlainText(Console.Out, RedirectedWidth) : AnsiConsole.Console, Console.Error, System.Environment.GetEnvironmentVariable);

    // A file or a pipe has no width; 80 columns (Spectre's guess) would wrap every table row.
    private const int RedirectedWidth = 240;

    /// <summary>A console that renders plain text without colours into <paramref name="output"/>, for pipes and tests.</summary>
    public static IAnsiConsole PlainText(TextWriter output, int width = 200)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        // Wide enough that a Leistung's name stays on one line when the output goes to a file or a test.
        console.Profile.Width = width;
        return console;
    }
}

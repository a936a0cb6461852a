using OzgGrid.Cli.Connection;
using OzgGrid.Cli.Output;
using Spectre.Console;

namespace OzgGrid.Cli.Commands;

/// <summary>What a running command uses: the console, the writer for its result and the connection to the silos.</summary>
public sealed class CliContext(CliConsole console, ResultWriter results, OzgGridConnection connection) : IDisposable
{
    public IAnsiConsole Out => console.Out;

    public TextWriter Error => console.Error;

    public ResultWriter Results => results;

    public OzgGridConnection Connection => connection;

    /// <summary>A line for the operator that must not mix into the result on stdout (which may be piped into a file).</summary>
    public void Note(string message) => console.Error.WriteLine(message);

    public void Dispose() => connection.Dispose();
}

using System.Diagnostics;
using OzgGrid.Cli;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;
using Spectre.Console;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>
/// Runs ozgctl against a real host: in this process through <see cref="OzgCtl.RunAsync"/> with captured output, or
/// as the real tool (`dotnet OzgGrid.Cli.dll`) with its own environment. Either way the endpoint is the host's
/// gateway and the token one of the host's roles, given by environment as an operator would.
/// </summary>
public sealed class OzgCtlRunner(TestHost host)
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    public string Endpoint => $"http://{host.Channel.Target}";

    public string ManagementToken() => host.TokenFor(Roles.ProgrammManagement, "ozgctl-test");

    /// <summary>The environment of a programme-management operator pointed at the host.</summary>
    public Dictionary<string, string?> Environment(string? token = null) => new()
    {
        ["OZGCTL_ENDPOINTS"] = Endpoint,
        ["OZGCTL_TOKEN"] = token ?? ManagementToken(),
        ["OZGCTL_TOKEN_FILE"] = null,
    };

    /// <summary>The environment of a programme-management operator pointed at several hosts of one cluster, in this order.</summary>
    public static Dictionary<string, string?> EnvironmentFor(params TestHost[] hosts) => new()
    {
        ["OZGCTL_ENDPOINTS"] = string.Join(',', hosts.Select(h => $"http://{h.Channel.Target}")),
        ["OZGCTL_TOKEN"] = hosts[0].TokenFor(Roles.ProgrammManagement, "ozgctl-cluster-test"),
        ["OZGCTL_TOKEN_FILE"] = null,
    };

    public Task<OzgCtlResult> InProcessAsync(params string[] args) => InProcessAsync(Environment(), new CapturedWriter(), args);

    /// <param name="terminal">Render as on an interactive ANSI terminal (live display, progress bar) instead of plain text for a pipe.</param>
    public static async Task<OzgCtlResult> InProcessAsync(
        IReadOnlyDictionary<string, string?> environment, CapturedWriter output, string[] args, bool terminal = false)
    {
        var error = new CapturedWriter();
        var console = new CliConsole(terminal ? Terminal(output) : CliConsole.PlainText(output), error, name => environment.GetValueOrDefault(name));
        var exitCode = await OzgCtl.RunAsync(args, console);
        return new OzgCtlResult(exitCode, output.ToString(), error.ToString());
    }

    private static IAnsiConsole Terminal(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        console.Profile.Height = 60;
        return console;
    }

    /// <summary>The tool as operators run it: a process of its own, its exit code as the shell sees it.</summary>
    public static async Task<OzgCtlResult> ProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ozgctl {string.Join(' ', args)} did not exit within {ProcessTimeout}");
        }

        return new OzgCtlResult(process.ExitCode, await output, await error);
    }

    private static string ToolPath
    {
        get
        {
            var path = Path.Combine(Repository.Root, "services", "OzgGrid.Cli", "bin", Repository.Configuration, "net10.0", "OzgGrid.Cli.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the ozgctl tool is missing.", path);
        }
    }
}

using System.CommandLine;
using OzgGrid.Cli.Connection;
using OzgGrid.Cli.Output;

namespace OzgGrid.Cli.Commands;

/// <summary>The options every command takes: where to connect, as whom, how long to wait, how to print.</summary>
public static class GlobalOptions
{
    public static readonly Option<string[]> Endpoint = new("--endpoint", "-e")
    {
        Description = $"A silo's gRPC endpoint (host:port or URL); repeat or separate with commas to fail over. Default: ${EndpointList.EndpointsVariable}, else {EndpointList.DefaultEndpoint}",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<string?> TokenFile = new("--token-file")
    {
        Description = $"A file holding the bearer token. Default: ${TokenSource.TokenVariable}, else the file ${TokenSource.TokenFileVariable}",
        Recursive = true,
    };

    public static readonly Option<string?> CaFile = new("--ca-file")
    {
        Description = $"A PEM file of the certificates (a CA's, or a silo's self-signed one) that https:// endpoints are trusted by, instead of the system's. Default: ${TrustedCertificates.FileVariable}",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "table, json or csv",
        Recursive = true,
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    // Longer than the server's own limit for long calls (2 minutes for batch reports), so that its answer arrives first.
    public static readonly Option<double> Timeout = new("--timeout")
    {
        Description = "Seconds to wait for each call before giving up",
        Recursive = true,
        DefaultValueFactory = _ => 130,
    };

    // A silo restarting or a cluster refusing calls for a moment answers UNAVAILABLE; writes carry request ids, so
    // trying again is safe, and a bulk run at night should ride out a short outage instead of stopping.
    public static readonly Option<double> RetryFor = new("--retry-for")
    {
        Description = $"While no endpoint answers (UNAVAILABLE), try again every {OzgGridConnection.RetryPause.TotalSeconds:0} seconds for up to this many seconds; 0 gives up after one try of each endpoint; also bounds how long watch tries to reopen its stream",
        Recursive = true,
        DefaultValueFactory = _ => 30,
    };

    public static IEnumerable<Option> All => [Endpoint, TokenFile, CaFile, Output, Timeout, RetryFor];

    public static CliContext CreateContext(ParseResult parsed, CliConsole console)
    {
        var timeout = parsed.GetValue(Timeout);
        if (timeout <= 0)
        {
            throw new CliException("--timeout must be more than 0 seconds");
        }

        var retryFor = parsed.GetValue(RetryFor);
        if (retryFor < 0)
        {
            throw new CliException("--retry-for must be 0 or more seconds");
        }

        var settings = new ConnectionSettings(
            EndpointList.Resolve(parsed.GetValue(Endpoint) ?? [], console.Environment),
            TokenSource.Resolve(parsed.GetValue(TokenFile), console.Environment),
            TimeSpan.FromSeconds(timeout),
            TimeSpan.FromSeconds(retryFor),
            TrustedCertificates.Resolve(parsed.GetValue(CaFile), console.Environment));
        return new CliContext(console, new ResultWriter(console.Out, parsed.GetValue(Output)), new OzgGridConnection(settings));
    }
}

using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using OzgGrid.Demo;
using OzgGrid.Demo.Simulation;
using OzgGrid.Gateway.Identity;

// The demo's simulator: wires the arguments, the development silo's signing key and Ctrl-C to ProgrammeSimulator.
if (DemoArguments.Parse(args, Console.Error) is not { } arguments)
{
    return 2;
}

var auth = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.Development.json", optional: false)
    .AddEnvironmentVariables()
    .Build()
    .GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

using var stop = new CancellationTokenSource();
// Ctrl-C, and the SIGTERM of `./ozg demo`'s exit trap: the month under way ends, the totals are printed.
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

using var connection = new DemoConnection(arguments.Endpoint, (role, subject, itDienstleister) =>
    AccessTokens.Issue(auth, subject, role, itDienstleister, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
var simulator = new ProgrammeSimulator(connection, arguments.Seed, Console.Out);
try
{
    await simulator.RunAsync(arguments.PerMonth, months: null, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine($"demo: stopped after month {simulator.Month}: {simulator.Calls.Accepted} writes accepted, {simulator.Calls.Refusals.Count} refused");
}

return 0;

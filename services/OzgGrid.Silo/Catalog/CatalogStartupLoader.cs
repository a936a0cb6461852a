using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Catalog;
using OzgGrid.Silo.Telemetry;
using Polly;
using Polly.Retry;

namespace OzgGrid.Silo.Catalog;

/// <summary>
/// Imports the shipped catalogue when a silo starts and none was imported before. Registered after the silo,
/// so it runs once the silo is up and before the gateway accepts calls.
/// </summary>
public sealed class CatalogStartupLoader(
    IGrainFactory grains,
    CatalogImporter importer,
    IOptions<CatalogOptions> options,
    ILogger<CatalogStartupLoader> logger) : IHostedService
{
    public const string ImportedBy = "ozggrid-startup";

    /// <summary>
    /// Storage may still be coming up next to the silo (Azurite, a container): retry a while before failing, saying
    /// why each time. A shipped file that is missing or unreadable fails at once: waiting does not bring it.
    /// </summary>
    internal static ResiliencePipeline StartupRetry(ILogger logger, string what) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e =>
                e is not (OperationCanceledException or FileNotFoundException or DirectoryNotFoundException or CsvHelper.CsvHelperException)),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(250),
            OnRetry = args =>
            {
                logger.LogWarning("{What} failed (attempt {Attempt} of 9), retrying in {Delay:0.0} s: {Reason}",
                    what, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportOnFirstStart)
        {
            return;
        }

        using var activity = OzgGridTracing.Source.StartActivity("ozggrid.catalog.import-on-first-start");
        await StartupRetry(logger, "Importing the shipped catalogue").ExecuteAsync(async token =>
        {
            if (await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetLastImportAsync() is { } last)
            {
                logger.LogInformation("Catalogue present (imported {ImportedAt} by {ImportedBy})", last.Stamp.ChangedAt, last.Stamp.ChangedBy);
                return;
            }

            logger.LogInformation("No catalogue yet: importing the shipped one from {Directory}", options.Value.ResolveDirectory());
            var command = new WriteCommand($"startup-{Guid.NewGuid():N}", ExpectedVersion: null, ImportedBy);
            await importer.ImportShippedAsync(command, token);
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

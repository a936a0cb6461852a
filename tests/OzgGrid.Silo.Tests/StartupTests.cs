using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>What a silo does at start when the shipped catalogue is not where its settings say.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_missing_catalogue_folder_fails_the_start_at_once_with_its_reason_instead_of_being_retried()
    {
        var logs = new FakeLoggerProvider();
        var folder = Path.Combine(Path.GetTempPath(), $"no-catalogue-{Guid.NewGuid():N}");
        var app = OzgGridHost.Build(
            TestHost.Arguments(ClusterScope.CreateNew(), FreePort.Next(),
                $"--OzgGrid:Catalog:Directory={folder}", "--Logging:LogLevel:OzgGrid.Silo.Catalog.CatalogStartupLoader=Information"),
            services => services.AddSingleton<ILoggerProvider>(logs));
        try
        {
            var failed = await Assert.ThrowsAnyAsync<IOException>(() => app.StartAsync());

            Assert.Contains(folder, failed.Message);
            var messages = logs.Collector.GetSnapshot().Select(record => record.Message).ToList();
            Assert.Single(messages, message => message.StartsWith("No catalogue yet: importing", StringComparison.Ordinal));
            Assert.DoesNotContain(messages, message => message.Contains("retrying in", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Reconciliation;
using OzgGrid.Silo.Postgres;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

/// <summary>
/// A real host on the test PostgreSQL: the grain storage contract of every storage name (through the providers the
/// host registered, so through OzgGrid's queries), and reminders that are stored and found again after a restart.
/// </summary>
public sealed class PostgresStorageTests : IAsyncLifetime
{
    private readonly ClusterScope _scope = ClusterScope.CreateNew();
    private TestHost? _host;

    private TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(_scope, TestStorage.PostgresSettings);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(StorageNames.State)]
    [InlineData(StorageNames.History)]
    [InlineData(StorageNames.Aggregates)]
    public async Task State_is_written_read_back_refused_on_a_stale_ETag_and_cleared(string storageName)
    {
        var storage = Host.Services.GetRequiredKeyedService<IGrainStorage>(storageName);
        var grain = GrainId.Create("ozgtest", Guid.NewGuid().ToString("N"));
        const string stateName = "contract";

        var first = new GrainState<List<string>>(["Antrag", "Bescheid"]);
        await storage.WriteStateAsync(stateName, grain, first);
        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync(stateName, grain, read);

        Assert.Equal(["Antrag", "Bescheid"], read.State);
        Assert.True(read.RecordExists);
        Assert.Equal(first.ETag, read.ETag);

        // A second "first" write (another activation that read nothing) and a write of an outdated version are refused.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grain, new GrainState<List<string>>(["other"])));
        read.State!.Add("Widerspruch");
        await storage.WriteStateAsync(stateName, grain, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grain, first));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grain, first));

        await storage.ClearStateAsync(stateName, grain, read);
        var cleared = new GrainState<List<string>>();
        await storage.ReadStateAsync(stateName, grain, cleared);

        Assert.Empty(cleared.State!);
        Assert.Equal(read.ETag, cleared.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grain, first));
        await storage.WriteStateAsync(stateName, grain, cleared);
    }

    [Fact]
    public async Task ETag_checks_hold_once_Npgsql_has_prepared_the_queries()
    {
        var options = Host.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(StorageNames.State);
        var settings = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);

        // Far more runs of each query than Npgsql's Auto Prepare Min Usages (5) and the 5 custom plans after which
        // PostgreSQL may switch a prepared statement to its generic plan: the checks must not depend on the plan.
        var storage = Host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        var grain = GrainId.Create("ozgtest", Guid.NewGuid().ToString("N"));
        var current = new GrainState<List<string>>(["0"]);
        await storage.WriteStateAsync("prepared", grain, current);
        for (var write = 1; write <= 30; write++)
        {
            var stale = new GrainState<List<string>>(["stale"]) { ETag = current.ETag };
            current.State!.Add(write.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await storage.WriteStateAsync("prepared", grain, current);
            await storage.WriteStateAsync("prepared", GrainId.Create("ozgtest", Guid.NewGuid().ToString("N")), new GrainState<List<string>>(["first"]));

            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("prepared", grain, stale));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("prepared", grain, new GrainState<List<string>>(["first again"])));
        }

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync("prepared", grain, read);
        Assert.Equal("31", read.ETag);
        Assert.Equal(current.State, read.State);
    }

    [Fact]
    public async Task The_reconciliation_reminder_is_stored_and_found_again_by_a_restarted_host()
    {
        var stored = await Eventually.ReturnsAsync(ReminderVersionAsync, version => version is not null, "the reconciliation reminder in PostgreSQL");

        await Host.DisposeAsync();
        _host = await TestHost.StartAsync(_scope, TestStorage.PostgresSettings);
        // Scheduling again finds the reminder (and the period in the grain's state) in PostgreSQL, so it writes nothing.
        await Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IReconciliationGrain>(IReconciliationGrain.Key).ScheduleAsync();

        Assert.Equal(0, stored);
        Assert.Equal(stored, await ReminderVersionAsync());
    }

    /// <summary>The version of this cluster's reconciliation reminder row, or null while there is none.</summary>
    private async Task<int?> ReminderVersionAsync()
    {
        await using var connection = new NpgsqlConnection(TestStorage.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Version FROM OrleansRemindersTable WHERE ServiceId = @service AND ReminderName = @name", connection);
        command.Parameters.AddWithValue("service", _scope.ServiceId);
        command.Parameters.AddWithValue("name", ReconciliationGrain.ReminderName);
        return await command.ExecuteScalarAsync() is int version ? version : null;
    }
}

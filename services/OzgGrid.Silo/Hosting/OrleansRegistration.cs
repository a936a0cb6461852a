using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using OzgGrid.Grains;
using OzgGrid.Grains.Abstractions;
using Orleans.Serialization;
using OzgGrid.Grains.Storage;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using OzgGrid.Grains.Anschluss;
using OzgGrid.Grains.Catalog;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.Nutzung;
using OzgGrid.Grains.Reconciliation;
using OzgGrid.Grains.Umsetzungsprojekte;
using OzgGrid.Silo.Postgres;

namespace OzgGrid.Silo.Hosting;

/// <summary>The Orleans silo of an OzgGrid host: clustering and the grain storage providers.</summary>
public static class OrleansRegistration
{
    public static WebApplicationBuilder AddOzgGridSilo(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var reconciliation = builder.Configuration.GetSection(ReconciliationOptions.Section).Get<ReconciliationOptions>() ?? new();
        var projekte = builder.Configuration.GetSection(UmsetzungsprojektOptions.Section).Get<UmsetzungsprojektOptions>() ?? new();
        var anschluss = builder.Configuration.GetSection(AnschlussOptions.Section).Get<AnschlussOptions>() ?? new();

        if (storage.Provider == StorageProvider.Postgres)
        {
            builder.Services.AddPostgresSchemaStartup(storage);
        }
        else if (storage.Provider == StorageProvider.AzureStorage)
        {
            EnsureAzureConnectionString(storage);
            builder.Services.AddSingleton(provider => new AzureStorageStartupProbe(storage, provider.GetRequiredService<ILogger<AzureStorageStartupProbe>>()));
        }

        builder.UseOrleans(silo =>
        {
            // Orleans refuses reminder periods under a minute unless told otherwise; a shorter reconciliation or project
            // check is for trying.
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromTicks(
                Math.Min(options.MinimumReminderPeriod.Ticks, Math.Min(reconciliation.Period.Ticks, Math.Min(projekte.CheckPeriod.Ticks, anschluss.CheckPeriod.Ticks)))));
            if (storage.Provider == StorageProvider.Memory)
            {
                // Nothing is shared without storage, so a memory silo is a cluster of its own.
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
                foreach (var name in new[] { StorageNames.State, StorageNames.History, StorageNames.Aggregates })
                {
                    silo.Services.AddGrainStorage(name, (services, storageName) =>
                        new LocalMemoryGrainStorage(storageName, services.GetRequiredService<Serializer>()));
                }

                silo.UseInMemoryReminderService();
            }
            else if (storage.Provider == StorageProvider.Postgres)
            {
                ConfigureCluster(silo, cluster);
                silo.UsePostgresStorage(storage);
            }
            else
            {
                // Membership in the same account as the state: silo processes with the same ClusterId form one cluster.
                silo.UseAzureStorageClustering(options =>
                    options.TableServiceClient = new TableServiceClient(storage.ConnectionString, FailFast(new TableClientOptions())));
                ConfigureCluster(silo, cluster);

                // Orleans' own binary format: compact, and versioned by the [Id]s of the state types
                // (the JSON default cannot read immutable collections back).
                silo.AddAzureTableGrainStorage(StorageNames.State, options => options.Configure<Serializer>((table, serializer) =>
                {
                    table.TableName = storage.TableName;
                    table.TableServiceClient = new TableServiceClient(storage.ConnectionString, FailFast(new TableClientOptions()));
                    table.GrainStorageSerializer = new PooledGrainStorageSerializer(serializer);
                }));
                AzureTableSizeGuard.Around(silo.Services, StorageNames.State);
                foreach (var name in new[] { StorageNames.History, StorageNames.Aggregates })
                {
                    silo.AddAzureBlobGrainStorage(name, options => options.Configure<Serializer>((blob, serializer) =>
                    {
                        blob.ContainerName = storage.BlobContainer;
                        blob.BlobServiceClient = new BlobServiceClient(storage.ConnectionString, FailFast(new BlobClientOptions()));
                        blob.GrainStorageSerializer = new PooledGrainStorageSerializer(serializer);
                    }));
                }

                // Milestone checks wake Leistungen by reminder: reminders live in the same account, so they survive restarts.
                silo.UseAzureTableReminderService(options =>
                    options.TableServiceClient = new TableServiceClient(storage.ConnectionString, FailFast(new TableClientOptions())));
            }
        });

        builder.Services.AddOzgGridGrainServices();
        builder.Services.Configure<CatalogOptions>(builder.Configuration.GetSection(CatalogOptions.Section));
        builder.Services.Configure<Limits>(builder.Configuration.GetSection(Limits.Section));
        builder.Services.Configure<MonitoringOptions>(builder.Configuration.GetSection(MonitoringOptions.Section));
        builder.Services.AddOptions<UmsetzungsprojektOptions>().Bind(builder.Configuration.GetSection(UmsetzungsprojektOptions.Section))
            .Validate(options => options.CheckPeriod > TimeSpan.Zero, $"{UmsetzungsprojektOptions.Section}: CheckPeriod must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<NutzungOptions>().Bind(builder.Configuration.GetSection(NutzungOptions.Section))
            .Validate(options => options.BefundPeriode > TimeSpan.Zero, $"{NutzungOptions.Section}: BefundPeriode must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<AnschlussOptions>().Bind(builder.Configuration.GetSection(AnschlussOptions.Section))
            .Validate(options => options.CheckPeriod > TimeSpan.Zero, $"{AnschlussOptions.Section}: CheckPeriod must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<ReconciliationOptions>().Bind(builder.Configuration.GetSection(ReconciliationOptions.Section))
            .Validate(options => options.Period > TimeSpan.Zero && options.BatchSize > 0,
                $"{ReconciliationOptions.Section}: Period must be positive and BatchSize at least 1.")
            .ValidateOnStart();
        builder.Services.AddHostedService<ReconciliationSchedule>();
        return builder;
    }

    /// <summary>Silo processes of one ClusterId that share a store form one cluster.</summary>
    private static void ConfigureCluster(ISiloBuilder silo, ClusterOptions cluster)
    {
        silo.Configure<Orleans.Configuration.ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        if (KubernetesHosting.IsRequested())
        {
            KubernetesHosting.Use(silo, cluster);
        }
        else
        {
            ConfigureEndpoints(silo, cluster);
        }

        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = cluster.ProbeTimeout;
            options.NumMissedProbesLimit = cluster.MissedProbesLimit;
        });
    }

    private static void ConfigureEndpoints(ISiloBuilder silo, ClusterOptions cluster)
    {
        var advertised = AdvertisedAddress(cluster.AdvertisedAddress);
        silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
    }

    private static IPAddress AdvertisedAddress(string setting)
    {
        if (!string.Equals(setting, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.TryParse(setting, out var address)
                ? address
                : throw new InvalidOperationException(
                    $"Refusing to start: {ClusterOptions.Section}:AdvertisedAddress is \"{setting}\", which is no IP address: give the address other silos reach this one at, or auto.");
        }

        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(address => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
            ?? throw new InvalidOperationException($"{ClusterOptions.Section}:AdvertisedAddress is auto, but this machine has no non-loopback IPv4 address.");
    }

    /// <summary>Says which setting is wrong, rather than the storage client's words about a string it was handed.</summary>
    private static void EnsureAzureConnectionString(StorageOptions storage)
    {
        try
        {
            _ = new TableServiceClient(storage.ConnectionString);
            _ = new BlobServiceClient(storage.ConnectionString);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            // Not the string itself: it holds the account key.
            throw new InvalidOperationException(
                $"Refusing to start: {StorageOptions.Section}:ConnectionString is not an Azure Storage connection string " +
                $"(e.g. \"DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…\", or UseDevelopmentStorage=true for a local Azurite): {e.Message}", e);
        }
    }

    /// <summary>
    /// Few, short retries: an unreachable storage must surface within a caller's deadline (the gateway's circuit
    /// breaker then answers UNAVAILABLE at once), not after the Azure SDK's default minute of retrying.
    /// </summary>
    private static T FailFast<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }
}

using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using OzgGrid.Grains;
using OzgGrid.Grains.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;
using OzgGrid.Grains.Catalog;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Silo.Hosting;

/// <summary>The Orleans silo of an OzgGrid host: clustering and the grain storage providers.</summary>
public static class OrleansRegistration
{
    public static WebApplicationBuilder AddOzgGridSilo(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();

        builder.UseOrleans(silo =>
        {
            var primary = cluster.PrimarySiloPort > 0 ? new IPEndPoint(IPAddress.Loopback, cluster.PrimarySiloPort) : null;
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primary, cluster.ServiceId, cluster.ClusterId);
            if (storage.Provider == StorageProvider.Memory)
            {
                silo.AddMemoryGrainStorage(StorageNames.State);
                silo.AddMemoryGrainStorage(StorageNames.History);
                silo.AddMemoryGrainStorage(StorageNames.Aggregates);
            }
            else
            {
                // Orleans' own binary format: compact, and versioned by the [Id]s of the state types
                // (the JSON default cannot read immutable collections back).
                silo.AddAzureTableGrainStorage(StorageNames.State, options => options.Configure<Serializer>((table, serializer) =>
                {
                    table.TableName = storage.TableName;
                    table.TableServiceClient = new TableServiceClient(storage.ConnectionString, FailFast(new TableClientOptions()));
                    table.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
                foreach (var name in new[] { StorageNames.History, StorageNames.Aggregates })
                {
                    silo.AddAzureBlobGrainStorage(name, options => options.Configure<Serializer>((blob, serializer) =>
                    {
                        blob.ContainerName = storage.BlobContainer;
                        blob.BlobServiceClient = new BlobServiceClient(storage.ConnectionString, FailFast(new BlobClientOptions()));
                        blob.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                    }));
                }
            }
        });

        builder.Services.AddOzgGridGrainServices();
        builder.Services.Configure<CatalogOptions>(builder.Configuration.GetSection(CatalogOptions.Section));
        builder.Services.Configure<MonitoringOptions>(builder.Configuration.GetSection(MonitoringOptions.Section));
        return builder;
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

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using OzgGrid.Grains.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;
using OzgGrid.Grains.Catalog;

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
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            if (storage.Provider == StorageProvider.Memory)
            {
                silo.AddMemoryGrainStorage(StorageNames.State);
                silo.AddMemoryGrainStorage(StorageNames.History);
            }
            else
            {
                // Orleans' own binary format: compact, and versioned by the [Id]s of the state types
                // (the JSON default cannot read immutable collections back).
                silo.AddAzureTableGrainStorage(StorageNames.State, options => options.Configure<Serializer>((table, serializer) =>
                {
                    table.TableName = storage.TableName;
                    table.TableServiceClient = new TableServiceClient(storage.ConnectionString);
                    table.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
                silo.AddAzureBlobGrainStorage(StorageNames.History, options => options.Configure<Serializer>((blob, serializer) =>
                {
                    blob.ContainerName = storage.HistoryContainer;
                    blob.BlobServiceClient = new BlobServiceClient(storage.ConnectionString);
                    blob.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
            }
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<CatalogOptions>(builder.Configuration.GetSection(CatalogOptions.Section));
        builder.Services.AddSingleton<CatalogImporter>();
        return builder;
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using OzgGrid.Grains.Abstractions;
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
                silo.AddAzureTableGrainStorage(StorageNames.State, options =>
                {
                    options.TableName = storage.TableName;
                    options.TableServiceClient = new TableServiceClient(storage.ConnectionString);
                });
                silo.AddAzureBlobGrainStorage(StorageNames.History, options =>
                {
                    options.ContainerName = storage.HistoryContainer;
                    options.BlobServiceClient = new BlobServiceClient(storage.ConnectionString);
                });
            }
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<CatalogOptions>(builder.Configuration.GetSection(CatalogOptions.Section));
        builder.Services.AddSingleton<CatalogImporter>();
        return builder;
    }
}

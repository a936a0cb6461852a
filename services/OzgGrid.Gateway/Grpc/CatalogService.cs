using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Catalog;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

public sealed class CatalogService(IGrainFactory grains, CatalogImporter importer) : Protos.V1.CatalogService.CatalogServiceBase
{
    public override async Task<ImportCatalogResponse> ImportCatalog(ImportCatalogRequest request, ServerCallContext context)
    {
        var command = RequestGuard.WriteCommand(request.RequestId, expectedVersion: null, context.GetCallerName());
        var report = await importer.ImportShippedAsync(command, context.CancellationToken);
        return new ImportCatalogResponse { Import = report.MapToProto() };
    }

    public override async Task<GetCatalogImportResponse> GetCatalogImport(GetCatalogImportRequest request, ServerCallContext context)
    {
        var report = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetLastImportAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No catalogue has been imported yet; call ImportCatalog."));
        return new GetCatalogImportResponse { Import = report.MapToProto() };
    }
}

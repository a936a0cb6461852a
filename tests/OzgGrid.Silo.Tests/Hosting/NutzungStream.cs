using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Sends usage rows as one ImportNutzung stream (500 a message, the request id in the first) and returns the answer.</summary>
public static class NutzungStream
{
    public static async Task<ImportNutzungResult> SendAsync(NutzungService.NutzungServiceClient client, string requestId, IReadOnlyList<NutzungRow> rows)
    {
        using var call = client.ImportNutzung();
        try
        {
            var first = true;
            foreach (var chunk in rows.Chunk(500))
            {
                await call.RequestStream.WriteAsync(new ImportNutzungRequest { RequestId = first ? requestId : string.Empty, Rows = { chunk } });
                first = false;
            }

            if (first)
            {
                await call.RequestStream.WriteAsync(new ImportNutzungRequest { RequestId = requestId });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception write) when (write is RpcException or InvalidOperationException)
        {
            // The gateway answered before the last row (a refusal): its answer says why.
        }

        return await call.ResponseAsync;
    }
}

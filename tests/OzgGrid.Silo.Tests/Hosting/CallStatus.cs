using Grpc.Core;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>The status a gRPC call ended with, OK included, for tests that poll until a refusal (or its end) shows.</summary>
public static class CallStatus
{
    public static async Task<StatusCode> OfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException refused)
        {
            return refused.StatusCode;
        }
    }
}

using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OzgGrid.Silo.Telemetry;

/// <summary>
/// Counts the outcomes of UpdateLeistungStatus (accepted, or refused by status code) and the open WatchProgramme
/// streams. Registered outermost, so it sees the status every other interceptor decided, refusals of access and
/// rate limit included.
/// </summary>
public sealed class GatewayMetricsInterceptor(OzgGridMetrics metrics) : Interceptor
{
    public const string UpdateMethod = "/ozg.v1.LeistungService/UpdateLeistungStatus";
    public const string WatchMethod = "/ozg.v1.MonitoringService/WatchProgramme";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        context.Method == UpdateMethod ? CountUpdateAsync(request, context, continuation) : continuation(request, context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        context.Method == WatchMethod ? CountStreamAsync(request, responseStream, context, continuation) : continuation(request, responseStream, context);

    private async Task<TResponse> CountUpdateAsync<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        try
        {
            var response = await continuation(request, context);
            if (context.Status.StatusCode == StatusCode.OK)
            {
                metrics.UpdateAccepted();
            }
            else
            {
                metrics.UpdateRefused(context.Status.StatusCode);
            }

            return response;
        }
        catch (Exception exception) when (Refused(exception, context))
        {
            // Never reached: the filter counts and declines, so the exception goes on unchanged.
            throw;
        }
    }

    private async Task CountStreamAsync<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        metrics.StreamOpened();
        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            metrics.StreamClosed();
        }
    }

    /// <summary>Counts the refusal with the status the caller will get; false, so that the exception is not caught.</summary>
    private bool Refused(Exception exception, ServerCallContext context)
    {
        metrics.UpdateRefused(exception switch
        {
            RpcException rpc => rpc.StatusCode,
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => StatusCode.Cancelled,
            _ => StatusCode.Unknown,
        });
        return false;
    }
}

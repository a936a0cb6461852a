using Grpc.Core;
using Grpc.Core.Interceptors;
using OzgGrid.Gateway.Policies;

namespace OzgGrid.Silo.Telemetry;

/// <summary>
/// Counts what each call's policy names (<see cref="RpcPolicy.Metric"/>): the outcomes of status updates (accepted, or
/// refused by status code) and the open monitoring streams. Registered outermost, so it sees the status every other interceptor decided, refusals of access and
/// rate limit included.
/// </summary>
public sealed class GatewayMetricsInterceptor(OzgGridMetrics metrics) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        MetricOf(context) == RpcMetric.UpdateOutcome ? CountUpdateAsync(request, context, continuation) : continuation(request, context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        MetricOf(context) == RpcMetric.OpenStream ? CountStreamAsync(request, responseStream, context, continuation) : continuation(request, responseStream, context);

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

    private static RpcMetric MetricOf(ServerCallContext context) => RpcPolicies.Find(context.Method)?.Metric ?? RpcMetric.None;

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

using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OzgGrid.Silo.Tests.Demo;

/// <summary>
/// Records, in order, every write a client sends (each request of a unary or client-streaming call that is not a Get or
/// List read) as its method and its JSON, so that two runs can be compared write by write.
/// </summary>
public sealed class RecordingInterceptor : Interceptor
{
    private readonly List<string> _writes = [];

    public IReadOnlyList<string> Writes
    {
        get
        {
            lock (_writes)
            {
                return [.. _writes];
            }
        }
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        Record(context.Method, request);
        return continuation(request, context);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(context);
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            new RecordingStreamWriter<TRequest>(call.RequestStream, request => Record(context.Method, request)),
            call.ResponseAsync, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private void Record<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request)
    {
        if (method.Name.StartsWith("Get", StringComparison.Ordinal) || method.Name.StartsWith("List", StringComparison.Ordinal))
        {
            return;
        }

        var json = request is IMessage message ? JsonFormatter.Default.Format(message) : request?.ToString();
        lock (_writes)
        {
            _writes.Add($"{method.FullName} {json}");
        }
    }
}

using Grpc.Core;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// Binds <see cref="MonitoringService"/> as the generated code does, except that <c>WatchProgramme</c> writes its
/// messages with <see cref="SharedStreamMessages.Marshaller"/>, so that a message shared by many streams is
/// serialized once. The wire format is the same.
/// </summary>
public static class MonitoringServiceBinding
{
    /// <summary>JSON transcoding reads the service's <c>google.api.http</c> routes from here (beside <see cref="BindService"/>).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => Protos.V1.MonitoringService.Descriptor;

    /// <summary>grpc-dotnet calls this without an instance and finds each method's implementation on <see cref="MonitoringService"/> by name.</summary>
    public static void BindService(ServiceBinderBase binder, MonitoringService? service)
    {
        if (service is not null)
        {
            throw new ArgumentException("Only the method definitions are bound here; grpc-dotnet creates the service per call.", nameof(service));
        }

        Protos.V1.MonitoringService.BindService(new SharedMessagesBinder(binder), (Protos.V1.MonitoringService.MonitoringServiceBase?)null);
    }

    private sealed class SharedMessagesBinder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (method.ResponseMarshaller is Marshaller<WatchProgrammeResponse>)
            {
                method = new Method<TRequest, TResponse>(
                    method.Type, method.ServiceName, method.Name, method.RequestMarshaller, (Marshaller<TResponse>)(object)SharedStreamMessages.Marshaller);
            }

            inner.AddMethod(method, handler);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);
    }
}

using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace OzgGrid.Gateway.Decoding;

/// <summary>
/// Adds a service's methods to the endpoint table as grpc-dotnet's own binder does, but each with a request
/// marshaller that answers undecodable bytes with INVALID_ARGUMENT (<see cref="DecodingMarshaller"/>).
/// </summary>
public sealed class DecodingServiceBinder<TService>(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Handler<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
        context.AddUnaryMethod(Guarded(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Handler<ServerStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        context.AddServerStreamingMethod(Guarded(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Handler<ClientStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        context.AddClientStreamingMethod(Guarded(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Handler<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        context.AddDuplexStreamingMethod(Guarded(method), metadata, invoker);
    }

    private static Method<TRequest, TResponse> Guarded<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class =>
        new(method.Type, method.ServiceName, method.Name, DecodingMarshaller.Guard(method.RequestMarshaller), method.ResponseMarshaller);

    /// <summary>The service's override of the method as an open delegate, and its attributes as endpoint metadata.</summary>
    private static (TDelegate Invoker, List<object> Metadata) Handler<TDelegate>(string name, params Type[] parameters)
        where TDelegate : Delegate
    {
        var implementation = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null)
            ?? throw new InvalidOperationException($"{typeof(TService)} has no method {name}.");
        var metadata = new List<object>();
        metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
        metadata.AddRange(implementation.GetCustomAttributes(inherit: true));
        metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
        return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), implementation), metadata);
    }
}

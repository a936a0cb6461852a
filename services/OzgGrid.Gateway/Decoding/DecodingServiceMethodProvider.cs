using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace OzgGrid.Gateway.Decoding;

/// <summary>
/// Takes the place of grpc-dotnet's binder-based method provider: calls the generated BindService of the service's
/// base class with a <see cref="DecodingServiceBinder{TService}"/>, so every method of every service (ours, health,
/// reflection) decodes its request through a guarded marshaller.
/// </summary>
public sealed class DecodingServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true) is not { } binding)
        {
            return;
        }

        var bind = binding.BindType
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(method => method.Name == binding.BindMethodName
                && method.GetParameters() is [var binder, var service]
                && binder.ParameterType == typeof(ServiceBinderBase)
                && service.ParameterType.IsAssignableFrom(typeof(TService)));
        bind.Invoke(null, [new DecodingServiceBinder<TService>(context), null]);
    }
}

using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace OzgGrid.Gateway.InProcess;

/// <summary>
/// The registered interceptors for one call, obtained as grpc-dotnet obtains them: from the container when registered
/// there (the rate limiter's buckets and the breaker's state are shared that way), otherwise created for the call and
/// disposed after it.
/// </summary>
internal sealed class InterceptorLease : IDisposable
{
    private readonly List<IDisposable> _created = [];

    public InterceptorLease(InterceptorCollection registrations, IServiceProvider services)
    {
        var outermostFirst = new List<Interceptor>(registrations.Count);
        foreach (var registration in registrations)
        {
            if (services.GetService(registration.Type) is Interceptor registered)
            {
                outermostFirst.Add(registered);
                continue;
            }

            var created = (Interceptor)ActivatorUtilities.CreateInstance(services, registration.Type, [.. registration.Arguments]);
            if (created is IDisposable disposable)
            {
                _created.Add(disposable);
            }

            outermostFirst.Add(created);
        }

        outermostFirst.Reverse();
        InnermostFirst = outermostFirst;
    }

    /// <summary>Wrapped around the handler in this order, the first registered ends up outermost.</summary>
    public IReadOnlyList<Interceptor> InnermostFirst { get; }

    public void Dispose()
    {
        foreach (var disposable in _created)
        {
            disposable.Dispose();
        }
    }
}

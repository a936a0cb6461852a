using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Demo.Simulation;

/// <summary>
/// The simulator's channels to the gateway: one for the programme management and one per simulated IT-Dienstleister,
/// each call carrying a token of its own caller (signed per call, so that a demo running for days never holds an
/// expired one).
/// </summary>
/// <param name="observer">Sees every call the simulator makes (a test records the writes a seed gives); none in the demo.</param>
public sealed class DemoConnection(Uri endpoint, DemoTokenIssuer tokens, Interceptor? observer = null) : IDisposable
{
    private readonly Dictionary<string, GrpcChannel> _channels = [];

    public CallInvoker Management => Calls(Roles.ProgrammManagement, DemoCast.ManagementSubject, null);

    public CallInvoker Of(DemoAnbieter anbieter) => Calls(Roles.ItDienstleister, $"{anbieter.Id}:simulator", anbieter.Id);

    private CallInvoker Calls(string role, string subject, string? itDienstleister)
    {
        var channel = Channel(role, subject, itDienstleister);
        return observer is null ? channel.CreateCallInvoker() : channel.Intercept(observer);
    }

    private GrpcChannel Channel(string role, string subject, string? itDienstleister)
    {
        lock (_channels)
        {
            if (!_channels.TryGetValue(subject, out var channel))
            {
                var bearer = CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("Authorization", $"Bearer {tokens(role, subject, itDienstleister)}");
                    return Task.CompletedTask;
                });
                var transport = endpoint.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
                channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
                {
                    Credentials = ChannelCredentials.Create(transport, bearer),
                    // Plain http is how the demo reaches its own silo on loopback.
                    UnsafeUseInsecureChannelCallCredentials = true,
                });
                _channels[subject] = channel;
            }

            return channel;
        }
    }

    public void Dispose()
    {
        lock (_channels)
        {
            foreach (var channel in _channels.Values)
            {
                channel.Dispose();
            }

            _channels.Clear();
        }
    }
}

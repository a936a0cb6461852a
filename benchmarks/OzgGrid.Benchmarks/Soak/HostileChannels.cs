using Grpc.Net.Client;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>The callers of the hostile traffic: the programme management, a monitoring reader, an IT-Dienstleister, nobody, and a forger.</summary>
public sealed record HostileChannels(GrpcChannel Management, GrpcChannel Monitoring, GrpcChannel ItDienstleister, GrpcChannel Anonymous, GrpcChannel Forged)
    : IDisposable
{
    public void Dispose()
    {
        Management.Dispose();
        Monitoring.Dispose();
        ItDienstleister.Dispose();
        Anonymous.Dispose();
        Forged.Dispose();
    }
}

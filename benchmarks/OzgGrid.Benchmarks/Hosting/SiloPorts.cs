namespace OzgGrid.Benchmarks.Hosting;

/// <summary>The loopback ports of one silo process: gRPC gateway, HTTP endpoint, silo-to-silo.</summary>
public sealed record SiloPorts(int Grpc, int Http, int Silo)
{
    /// <summary>Ports that were free a moment ago.</summary>
    public static SiloPorts Free() => new(FreePort.Next(), FreePort.Next(), FreePort.Next());
}

namespace OzgGrid.Silo.Hosting;

/// <summary>Endpoint metadata: served on the operations endpoint only; on the gRPC listener such a path is not found.</summary>
public sealed class OperationsListenerOnly
{
    public static readonly OperationsListenerOnly Instance = new();

    private OperationsListenerOnly()
    {
    }
}

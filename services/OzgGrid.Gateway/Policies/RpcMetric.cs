namespace OzgGrid.Gateway.Policies;

/// <summary>Which of OzgGrid's own instruments a call counts towards, beyond what ASP.NET Core and gRPC measure for every call.</summary>
public enum RpcMetric
{
    None,

    /// <summary>Accepted and refused status updates (<c>ozggrid.updates.accepted</c>, <c>ozggrid.updates.refused</c>).</summary>
    UpdateOutcome,

    /// <summary>Open monitoring streams (<c>ozggrid.streams.active</c>).</summary>
    OpenStream,
}

namespace OzgGrid.Grains.Abstractions.Errors;

/// <summary>A request id came back with a different change than the one it was first used for.</summary>
[GenerateSerializer, Alias("ozg.RequestIdReusedException")]
public sealed class RequestIdReusedException(string requestId)
    : Exception($"request_id '{requestId}' was already used for a different change; use a new request_id for a new change.")
{
    [Id(0)]
    public string RequestId { get; } = requestId;
}

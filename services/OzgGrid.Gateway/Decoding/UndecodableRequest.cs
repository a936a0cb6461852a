using Grpc.Core;

namespace OzgGrid.Gateway.Decoding;

/// <summary>The one answer to a request body that is not a message of the method: INVALID_ARGUMENT saying what is wrong.</summary>
public static class UndecodableRequest
{
    public const string Prefix = "The request could not be decoded: ";

    public static RpcException Refuse(string reason) => new(new Status(StatusCode.InvalidArgument, Prefix + reason));
}

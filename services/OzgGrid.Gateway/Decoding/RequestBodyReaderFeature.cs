using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace OzgGrid.Gateway.Decoding;

/// <summary>Hands grpc-dotnet a checked reader of the request body in place of the server's own.</summary>
public sealed class RequestBodyReaderFeature(PipeReader reader) : IRequestBodyPipeFeature
{
    public PipeReader Reader { get; } = reader;
}

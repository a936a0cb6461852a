using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OzgGrid.Gateway.Decoding;

/// <summary>
/// Puts a <see cref="SingleMessageReader"/> in front of the body of every gRPC call that carries one message; a
/// transcoded REST call (whose endpoint names the gRPC method too) carries JSON, which RestBodyCheck reads.
/// </summary>
public static class RequestFraming
{
    public static IApplicationBuilder UseSingleMessageFraming(this IApplicationBuilder app, int maxMessageBytes) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata is { } metadata
                && metadata.GetMetadata<GrpcMethodMetadata>() is { Method.Type: MethodType.Unary or MethodType.ServerStreaming }
                && metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is null)
            {
                var encoding = context.Request.Headers["grpc-encoding"].ToString();
                var encodingNamed = encoding.Length > 0 && encoding != "identity";
                context.Features.Set<IRequestBodyPipeFeature>(
                    new RequestBodyReaderFeature(new SingleMessageReader(context.Request.BodyReader, maxMessageBytes, encodingNamed)));
            }

            return next(context);
        });
}

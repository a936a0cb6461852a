using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Web;

/// <summary>The monitoring stream as an anonymous visitor of the page gets it: each message as <see cref="AnonymousVisitorView"/> shows it.</summary>
internal sealed class AnonymousVisitorStream(IServerStreamWriter<WatchProgrammeResponse> page) : IServerStreamWriter<WatchProgrammeResponse>
{
    public WriteOptions? WriteOptions
    {
        get => page.WriteOptions;
        set => page.WriteOptions = value;
    }

    public Task WriteAsync(WatchProgrammeResponse message) => page.WriteAsync(AnonymousVisitorView.Of(message));

    public Task WriteAsync(WatchProgrammeResponse message, CancellationToken cancellationToken) =>
        page.WriteAsync(AnonymousVisitorView.Of(message), cancellationToken);
}

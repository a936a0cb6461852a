using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using OzgGrid.Protos.V1;

namespace OzgGrid.Web;

/// <summary>
/// Writes the monitoring stream's messages as server-sent events: the event type is the message's kind
/// (<c>snapshot</c>, <c>changeBatch</c>, <c>heartbeat</c>, …), the data its protobuf JSON, and the id its cursor, so a
/// browser that reconnects sends the cursor back (Last-Event-ID) and resumes without a gap.
/// </summary>
internal sealed class ServerSentEventWriter(HttpResponse response) : IServerStreamWriter<WatchProgrammeResponse>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(WatchProgrammeResponse message) => WriteAsync(message, response.HttpContext.RequestAborted);

    public async Task WriteAsync(WatchProgrammeResponse message, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        if (Cursor(message) is { Length: > 0 } cursor)
        {
            text.Append("id: ").Append(cursor).Append('\n');
        }

        text.Append("event: ").Append(EventName(message.EventCase)).Append('\n');
        text.Append("data: ").Append(ProtoJson.Format(message.EventCase switch
        {
            WatchProgrammeResponse.EventOneofCase.Snapshot => message.Snapshot,
            WatchProgrammeResponse.EventOneofCase.Resumed => message.Resumed,
            WatchProgrammeResponse.EventOneofCase.LeistungChanged => message.LeistungChanged,
            WatchProgrammeResponse.EventOneofCase.FiguresChanged => message.FiguresChanged,
            WatchProgrammeResponse.EventOneofCase.ChangeBatch => message.ChangeBatch,
            _ => message.Heartbeat ?? new Heartbeat(),
        })).Append("\n\n");
        await response.WriteAsync(text.ToString(), cancellationToken);

        // A batch of messages is flushed once, after its last one (the stream asks with BufferHint before).
        if (WriteOptions is null || (WriteOptions.Flags & WriteFlags.BufferHint) == 0)
        {
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    private static string EventName(WatchProgrammeResponse.EventOneofCase kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Cursor(WatchProgrammeResponse message) => message.EventCase switch
    {
        WatchProgrammeResponse.EventOneofCase.Snapshot => message.Snapshot.Cursor,
        WatchProgrammeResponse.EventOneofCase.Resumed => message.Resumed.AfterCursor,
        WatchProgrammeResponse.EventOneofCase.LeistungChanged => message.LeistungChanged.Cursor,
        WatchProgrammeResponse.EventOneofCase.FiguresChanged => message.FiguresChanged.Cursor,
        WatchProgrammeResponse.EventOneofCase.ChangeBatch => message.ChangeBatch.Cursor,
        WatchProgrammeResponse.EventOneofCase.Heartbeat => message.Heartbeat.Cursor,
        _ => string.Empty,
    };
}

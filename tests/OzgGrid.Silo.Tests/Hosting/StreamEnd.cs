using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Reading a monitoring stream to its end: what came, and the status it ended with.</summary>
public static class StreamEnd
{
    public static async Task<(List<WatchProgrammeResponse> Received, RpcException Ended)> DrainAsync(
        AsyncServerStreamingCall<WatchProgrammeResponse> call, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var received = new List<WatchProgrammeResponse>();
        try
        {
            while (await call.ResponseStream.MoveNext(deadline.Token))
            {
                received.Add(call.ResponseStream.Current);
            }
        }
        catch (RpcException ended)
        {
            return (received, ended);
        }

        throw new InvalidOperationException($"The stream ended without a status after {received.Count} messages.");
    }

    public static string CursorOf(WatchProgrammeResponse message) => message.EventCase switch
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

using System.Globalization;
using Grpc.Core;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// How a stream ends whose client did not keep up (its buffer of <c>OzgGrid:Monitoring:StreamBufferSize</c> messages
/// filled): RESOURCE_EXHAUSTED, with where the stream had got to, so that the client continues from there.
/// </summary>
public static class FellBehind
{
    /// <summary>Trailer with the cursor of the last message the stream wrote, for <c>resume_cursor</c>.</summary>
    public const string ResumeCursorTrailer = "ozg-resume-cursor";

    /// <summary>Whether a stream's write failed because it was reset for not reading after its buffer overflowed.</summary>
    public static bool IsCutOff(Exception exception, bool overflowed) => overflowed && exception is not RpcException;

    /// <param name="cursor">The cursor of the last message written; null before the first one.</param>
    public static RpcException WatchProgramme(int bufferSize, string? cursor) =>
        new(new Status(StatusCode.ResourceExhausted,
                $"The stream fell more than {bufferSize} messages behind (its client did not read) and was closed; " +
                (cursor is null ? "open it again for a fresh snapshot." : $"reconnect with resume_cursor \"{cursor}\" to continue.")),
            cursor is null ? [] : new Metadata { { ResumeCursorTrailer, cursor } });

    public static RpcException WatchProgrammeManagement(int bufferSize, long lastEvent) =>
        new(new Status(StatusCode.ResourceExhausted,
                $"The stream fell more than {bufferSize} events behind (its client did not read) and was closed after event {lastEvent}; " +
                $"reconnect with resume_cursor \"{lastEvent}\" to continue."),
            new Metadata { { ResumeCursorTrailer, lastEvent.ToString(CultureInfo.InvariantCulture) } });
}

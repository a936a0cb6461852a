using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace OzgGrid.Gateway.Decoding;

/// <summary>
/// The request body of a call that carries exactly one message (unary and server streaming), checked as gRPC frames
/// while grpc-dotnet reads it: a frame that ends early, data after the message, no message at all or an undefined
/// compression flag answer INVALID_ARGUMENT here, where grpc-dotnet would answer INTERNAL or UNKNOWN. A frame over the
/// size limit is left to grpc-dotnet, which answers RESOURCE_EXHAUSTED.
/// </summary>
public sealed class SingleMessageReader(PipeReader body, int maxMessageBytes, bool encodingNamed) : PipeReader
{
    private const int HeaderBytes = 5;

    private SequencePosition? _handedOut;
    private bool _messageTaken;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        Checked(await body.ReadAsync(cancellationToken));

    public override bool TryRead(out ReadResult result)
    {
        if (!body.TryRead(out result))
        {
            return false;
        }

        result = Checked(result);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed)
    {
        NoteConsumed(consumed);
        body.AdvanceTo(consumed);
    }

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        NoteConsumed(consumed);
        body.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => body.CancelPendingRead();

    public override void Complete(Exception? exception = null) => body.Complete(exception);

    /// <summary>grpc-dotnet consumes nothing until a whole frame is there; once it consumed bytes, the message is taken.</summary>
    private void NoteConsumed(SequencePosition consumed)
    {
        if (_handedOut is { } start && !consumed.Equals(start))
        {
            _messageTaken = true;
        }
    }

    private ReadResult Checked(ReadResult result)
    {
        if (result.IsCanceled)
        {
            return result;
        }

        var buffer = result.Buffer;
        _handedOut = buffer.Start;
        if (Problem(buffer, result.IsCompleted) is { } reason)
        {
            // Consumed in full, so that nothing is left half read behind the answer.
            body.AdvanceTo(buffer.End);
            throw UndecodableRequest.Refuse(reason);
        }

        return result;
    }

    private string? Problem(ReadOnlySequence<byte> buffer, bool complete)
    {
        if (_messageTaken)
        {
            return buffer.IsEmpty ? null : "data follows the message; a call of this method carries exactly one message.";
        }

        if (buffer.Length < HeaderBytes)
        {
            return !complete ? null
                : buffer.IsEmpty ? "the request holds no message; send one length-prefixed message."
                : $"the request ends {buffer.Length} bytes into the 5-byte header of the message frame.";
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        buffer.Slice(0, HeaderBytes).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (header[0] > 1)
        {
            return $"the frame's compressed flag is {header[0]}; only 0 and 1 are defined.";
        }

        if (header[0] == 1 && !encodingNamed)
        {
            return "the message is marked compressed but the request names no grpc-encoding.";
        }

        if (length > maxMessageBytes)
        {
            return null;
        }

        var arrived = buffer.Length - HeaderBytes;
        return arrived > length ? "data follows the message; a call of this method carries exactly one message."
            : complete && arrived < length ? $"the frame announces a message of {length} bytes but the request ends after {arrived}."
            : null;
    }
}

using Grpc.Core;
using Microsoft.Extensions.Options;

namespace OzgGrid.Gateway.Streams;

/// <summary>
/// Counts the open streams per caller and in total on this gateway process. <see cref="Open"/> hands out a slot or
/// refuses with RESOURCE_EXHAUSTED saying how many are open and the limit; the slot is given back when disposed.
/// </summary>
public sealed class StreamLimiter(IOptions<StreamLimitOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>Streams of <paramref name="caller"/> open now (a key of <c>CallerIdentity.CallerKey</c>).</summary>
    public int OpenBy(string caller)
    {
        lock (_gate)
        {
            return _open.GetValueOrDefault(caller);
        }
    }

    public int OpenInTotal
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public IDisposable Open(string caller)
    {
        var (perCaller, total) = (options.Value.MaxPerCaller, options.Value.MaxTotal);
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(caller);
            if (perCaller > 0 && open >= perCaller)
            {
                throw Refusal($"{caller} has {open} streams open on this gateway; the limit is {perCaller} per caller. " +
                    "Close one first (a stream that ended resumes with its cursor).");
            }

            if (total > 0 && _total >= total)
            {
                throw Refusal($"This gateway has {_total} streams open; the limit is {total}. Try again later or on another gateway.");
            }

            _open[caller] = open + 1;
            _total++;
        }

        return new Slot(this, caller);
    }

    private static RpcException Refusal(string detail) => new(new Status(StatusCode.ResourceExhausted, detail));

    private void Close(string caller)
    {
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(caller) - 1;
            if (open > 0)
            {
                _open[caller] = open;
            }
            else
            {
                // Callers without a stream are forgotten, so that the table holds only callers with open streams.
                _open.Remove(caller);
            }

            _total--;
        }
    }

    /// <summary>One open stream; disposing it more than once gives its place back once.</summary>
    private sealed class Slot(StreamLimiter limiter, string caller) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                limiter.Close(caller);
            }
        }
    }
}

using System.Runtime.CompilerServices;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// Values that many streams need for the same object (a hub batch, a published change), built by the first stream
/// that asks and shared by the others. Unlike <see cref="ConditionalWeakTable{TKey,TValue}.GetValue"/> alone, which
/// runs the factory in every caller that races it, the value is built once: when a batch arrives, all streams ask at
/// the same moment. Entries go when their key is no longer referenced.
/// </summary>
public sealed class BuiltOnce<TKey, TValue>
    where TKey : class
    where TValue : class
{
    private readonly ConditionalWeakTable<TKey, Lazy<TValue>> _values = new();

    public TValue Get(TKey key, Func<TKey, TValue> build)
    {
        if (_values.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        // Racing callers may each create a Lazy, but only the one added is ever run.
        return _values.GetValue(key, k => new Lazy<TValue>(() => build(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}

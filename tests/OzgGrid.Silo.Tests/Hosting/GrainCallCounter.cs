using System.Collections.Concurrent;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Counts the grain calls a silo receives, by "interface.method", for tests of how often a read asks a record.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod is { DeclaringType: { } type } method)
        {
            _calls.AddOrUpdate($"{type.Name}.{method.Name}", 1, (_, n) => n + 1);
        }

        return context.Invoke();
    }

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    /// <summary>The calls received since <paramref name="before"/> was taken, by "interface.method".</summary>
    public Dictionary<string, int> Since(IReadOnlyDictionary<string, int> before) =>
        Snapshot().Select(c => (c.Key, Count: c.Value - before.GetValueOrDefault(c.Key))).Where(c => c.Count > 0)
            .ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
}

using System.Globalization;
using Grpc.Core;

namespace OzgGrid.Demo.Simulation;

/// <summary>
/// Every write of the simulator goes through here: it gets a request id marked "demo-" (numbered, so that a seed gives
/// the same ids), and its outcome is counted. A refused write is reported and the simulation goes on without it.
/// </summary>
public sealed class DemoCalls(int seed, TextWriter log)
{
    private readonly List<string> _refusals = [];
    private long _next;

    public int Accepted { get; private set; }

    public IReadOnlyList<string> Refusals => _refusals;

    public string NextRequestId() =>
        string.Create(CultureInfo.InvariantCulture, $"{DemoCast.RequestIdPrefix}{seed}-{++_next}");

    /// <summary>The answer, or null when the write was refused (counted and logged).</summary>
    public async Task<T?> WriteAsync<T>(string what, Func<Task<T>> call)
        where T : class
    {
        try
        {
            var answer = await call();
            Accepted++;
            return answer;
        }
        catch (RpcException refused)
        {
            var line = $"{what}: refused {refused.StatusCode}: {refused.Status.Detail}";
            _refusals.Add(line);
            await log.WriteLineAsync($"demo: {line}");
            return null;
        }
    }
}

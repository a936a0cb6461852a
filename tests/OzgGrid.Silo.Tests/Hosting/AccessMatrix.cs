using Grpc.Core;
using Grpc.Net.Client;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Runs calls as different callers and compares each outcome with the status code expected of it.</summary>
public static class AccessMatrix
{
    /// <returns>
    /// Each call's outcome as "caller / call: code detail", and the calls whose code differed (or whose refusal gave no
    /// reason a caller could act on).
    /// </returns>
    public static async Task<(List<string> Outcomes, List<string> Mismatches)> RunAsync(
        IEnumerable<(string Caller, GrpcChannel Channel, string Call, Func<GrpcChannel, Task> Run, StatusCode Expected)> matrix)
    {
        var outcomes = new List<string>();
        var mismatches = new List<string>();
        foreach (var (caller, channel, call, run, expected) in matrix)
        {
            var actual = StatusCode.OK;
            var detail = string.Empty;
            try
            {
                await run(channel);
            }
            catch (RpcException refused)
            {
                (actual, detail) = (refused.StatusCode, refused.Status.Detail);
            }

            outcomes.Add($"{caller} / {call}: {actual} {detail}");
            if (actual != expected || (actual is StatusCode.PermissionDenied or StatusCode.Unauthenticated && detail.Length < 20))
            {
                mismatches.Add($"{caller} / {call}: expected {expected}, got {actual} ({detail})");
            }
        }

        return (outcomes, mismatches);
    }
}

using System.Diagnostics;
using Grpc.Core;
using OzgGrid.Cli.Connection;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Watch;

/// <summary>
/// Follows WatchProgramme across silo restarts: when the stream breaks (UNAVAILABLE, the silo ends it on shutdown,
/// or RESOURCE_EXHAUSTED because this client fell behind) it reopens on the next endpoint with the last cursor, so
/// nothing is missed or, when the server no longer has it, a fresh snapshot follows. While no endpoint gives a
/// message it goes round them every <see cref="OzgGridConnection.RetryPause"/>, as unary calls do, and gives up with
/// UNAVAILABLE once a round ends <see cref="ConnectionSettings.RetryFor"/> after the first failure.
/// </summary>
public static class ProgrammeFollower
{

    /// <param name="onMessage">Called for each message after <paramref name="state"/> took it in; false ends the watch.</param>
    public static async Task FollowAsync(
        OzgGridConnection connection, WatchProgrammeRequest request, ProgrammeWatchState state,
        Func<WatchProgrammeResponse, IReadOnlyList<FeedEntry>, bool> onMessage, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var failingSince = (long?)null;
        while (true)
        {
            var index = connection.CurrentIndex;
            var endpoint = connection.Endpoints[index];
            request.ResumeCursor = state.Cursor;
            try
            {
                using var call = new MonitoringService.MonitoringServiceClient(connection.ChannelFor(index))
                    .WatchProgramme(request, cancellationToken: cancellationToken);
                await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    failures.Clear();
                    failingSince = null;
                    if (!onMessage(message, state.Apply(message)))
                    {
                        return;
                    }
                }

                failures.Add($"{endpoint}: the stream ended");
            }
            catch (RpcException e) when (OzgGridConnection.IsUnreachable(e) || e.StatusCode == StatusCode.ResourceExhausted)
            {
                failures.Add($"{endpoint}: {OzgGridConnection.Reason(e)}");
            }

            failingSince ??= Stopwatch.GetTimestamp();
            connection.MoveOnFrom(index);
            if (failures.Count % connection.Endpoints.Count != 0)
            {
                continue;
            }

            // Every endpoint failed once more.
            var retryFor = connection.Settings.RetryFor;
            if (Stopwatch.GetElapsedTime(failingSince.Value) >= retryFor)
            {
                throw OzgGridConnection.Unreachable(failures.Distinct().ToList(), retryFor);
            }

            await Task.Delay(OzgGridConnection.RetryPause, cancellationToken);
        }
    }
}

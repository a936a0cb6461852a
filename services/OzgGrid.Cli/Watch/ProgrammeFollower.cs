using Grpc.Core;
using OzgGrid.Cli.Connection;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Watch;

/// <summary>
/// Follows WatchProgramme across silo restarts: when the stream breaks (UNAVAILABLE, or the silo ends it on
/// shutdown) it reopens on the next endpoint with the last cursor, so nothing is missed or, when the server no
/// longer has it, a fresh snapshot follows. Gives up with UNAVAILABLE after two rounds over all endpoints without a message.
/// </summary>
public static class ProgrammeFollower
{
    private static readonly TimeSpan PauseBetweenRounds = TimeSpan.FromSeconds(1);

    /// <param name="onMessage">Called for each message after <paramref name="state"/> took it in; false ends the watch.</param>
    public static async Task FollowAsync(
        OzgGridConnection connection, WatchProgrammeRequest request, ProgrammeWatchState state,
        Func<WatchProgrammeResponse, IReadOnlyList<FeedEntry>, bool> onMessage, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
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
                    if (!onMessage(message, state.Apply(message)))
                    {
                        return;
                    }
                }

                failures.Add($"{endpoint}: the stream ended");
            }
            catch (RpcException e) when (OzgGridConnection.IsUnreachable(e))
            {
                failures.Add($"{endpoint}: {OzgGridConnection.Reason(e)}");
            }

            connection.MoveOnFrom(index);
            if (failures.Count >= 2 * connection.Endpoints.Count)
            {
                throw OzgGridConnection.Unreachable(failures);
            }

            if (failures.Count % connection.Endpoints.Count == 0)
            {
                // Every endpoint failed once: give a restarting silo a moment before the next round.
                await Task.Delay(PauseBetweenRounds, cancellationToken);
            }
        }
    }
}

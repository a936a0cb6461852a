using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using OzgGrid.Cli.Connection;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `cluster`: for administrators, the health of every given endpoint (grpc.health.v1, no token needed) and, from the
/// first that answers, the silos and activations (ClusterAdminService, role programm-management). Exit 0 when every
/// endpoint is SERVING, 7 when some are not, 6 when none answers.
/// </summary>
public static class ClusterCommand
{
    private static readonly OutputColumn[] EndpointColumns =
    [
        new("endpoint", "Endpoint"), new("health", "Health"), new("latency_ms", "ms"), new("detail", "Detail"),
    ];

    private static readonly OutputColumn[] SiloColumns =
    [
        new("address", "Silo"), new("name", "Name"), new("status", "Status"), new("started_at", "Gestartet"), new("activations", "Activations"),
        new("grains", "Grains (top)"),
    ];

    private static readonly OutputColumn[] GrainColumns = [new("grain_type", "Grain type"), new("activations", "Activations")];

    public static Command Create(CliConsole console)
    {
        var healthOnly = new Option<bool>("--health-only") { Description = "Only check the endpoints' health (no token needed)" };
        var command = new Command("cluster", "Silos, activations and the health of each endpoint (administrators)") { healthOnly };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var health = await Task.WhenAll(context.Connection.Endpoints.Select((_, i) => CheckAsync(context.Connection, i, cancellationToken)));
            var serving = health.Count(h => h.Serving);
            if (parsed.GetValue(healthOnly) || serving == 0)
            {
                WriteHealth(context, health);
                return serving == 0 ? Unreachable(context, health) : serving < health.Length ? ExitCodes.PartialFailure : ExitCodes.Ok;
            }

            var cluster = await context.Connection.CallAsync(
                (channel, options) => new ClusterAdminService.ClusterAdminServiceClient(channel).GetClusterAsync(new GetClusterRequest(), options).ResponseAsync,
                cancellationToken);
            WriteCluster(context, cluster, health);
            return serving < health.Length ? ExitCodes.PartialFailure : ExitCodes.Ok;
        });
    }

    private static int Unreachable(CliContext context, EndpointHealth[] health)
    {
        context.Note($"ozgctl: unavailable: no endpoint is serving ({string.Join("; ", health.Select(h => $"{h.Endpoint}: {h.Detail}"))})");
        return ExitCodes.Unavailable;
    }

    private static void WriteHealth(CliContext context, IEnumerable<EndpointHealth> health) =>
        context.Results.WriteRows(EndpointColumns, health.Select(h => new object?[] { h.Endpoint.ToString(), h.Status, h.LatencyMs, h.Detail }).ToList(), "Endpoints");

    private static void WriteCluster(CliContext context, GetClusterResponse cluster, EndpointHealth[] health)
    {
        if (context.Results.Format == OutputFormat.Json)
        {
            // One JSON document: the cluster as the server describes it, plus what each endpoint answered.
            var json = new Google.Protobuf.JsonFormatter(Google.Protobuf.JsonFormatter.Settings.Default.WithFormatDefaultValues(true)).Format(cluster);
            var endpoints = string.Join(",", health.Select(h => System.Text.Json.JsonSerializer.Serialize(new
            {
                endpoint = h.Endpoint.ToString(), health = h.Status, latency_ms = h.LatencyMs, detail = h.Detail,
            }, ReadableJson.SerializerOptions)));
            context.Results.WriteRaw($"{{\"endpoints\":[{endpoints}],\"cluster\":{json}}}{Environment.NewLine}");
            return;
        }

        var silos = cluster.Silos.OrderBy(s => s.Address, StringComparer.Ordinal).Select(s => new object?[]
        {
            s.Address, s.Name, s.Status, s.StartedAt?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture),
            s.ActivationsUnknown ? "?" : s.Activations,
            s.ActivationsUnknown
                ? "not answering"
                : string.Join(", ", s.Grains.OrderByDescending(g => g.Activations).Take(3).Select(g => $"{ShortName(g.GrainType)} {g.Activations}")),
        }).ToList();
        if (context.Results.Format == OutputFormat.Csv)
        {
            // CSV holds one table: the silos, which is what a script asks a cluster about.
            context.Results.WriteRows(SiloColumns, silos);
            return;
        }

        WriteHealth(context, health);
        context.Results.WriteRows(SiloColumns, silos, $"Silos (OzgGrid {cluster.Version})");
        context.Results.WriteRows(GrainColumns,
            cluster.Grains.OrderByDescending(g => g.Activations).Select(g => new object?[] { ShortName(g.GrainType), g.Activations }).ToList(), "Activations per grain type");
    }

    private static string ShortName(string grainType) => grainType.Split('.', ',')[^1].Trim() is { Length: > 0 } last ? last : grainType;

    private static async Task<EndpointHealth> CheckAsync(OzgGridConnection connection, int index, CancellationToken cancellationToken)
    {
        var endpoint = connection.Endpoints[index];
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await new Health.HealthClient(connection.ChannelFor(index)).CheckAsync(
                new HealthCheckRequest(), deadline: DateTime.UtcNow + connection.Settings.CallTimeout, cancellationToken: cancellationToken);
            var status = response.Status.ToString().ToUpperInvariant();
            return new EndpointHealth(endpoint, status, response.Status == HealthCheckResponse.Types.ServingStatus.Serving, watch.ElapsedMilliseconds, "");
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointHealth(endpoint, RpcErrors.Name(e.StatusCode).ToUpperInvariant(), false, watch.ElapsedMilliseconds, e.Status.Detail);
        }
    }
}

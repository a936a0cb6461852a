using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Observability;

[Collection(ObservabilityCollection.Name)]
public sealed class TelemetryRegistrationTests(ObservabilityFixture fixture)
{
    private readonly LeistungService.LeistungServiceClient _leistungen = new(fixture.Host.Channel);

    [Fact]
    public async Task Metrics_count_an_accepted_update_and_include_Orleans_and_ASP_NET_Core_metrics()
    {
        await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = 10011, RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 });

        var metrics = await Eventually.ReturnsAsync(fixture.ScrapeAsync, m => m.Sum("ozggrid_updates_accepted_total") >= 1,
            "ozggrid_updates_accepted_total ≥ 1 on /metrics");

        Assert.Contains(metrics.Names(), name => name.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(metrics.Names(), name => name.StartsWith("http_server_request_duration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_time_the_state_write_of_an_accepted_update_by_its_state_name()
    {
        await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = KnownData.ElterngeldOzgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3 });

        await Eventually.ReturnsAsync(fixture.ScrapeAsync, m => m.Sum("ozggrid_record_write_duration_milliseconds_count", "state=\"leistung\"") >= 1,
            "ozggrid_record_write_duration_milliseconds_count{state=\"leistung\"} ≥ 1 on /metrics");
    }

    [Fact]
    public async Task Metrics_count_a_refused_update_by_its_status_code()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => _leistungen.UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = 99999, RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);

        await Eventually.ReturnsAsync(fixture.ScrapeAsync, m => m.Sum("ozggrid_updates_refused_total", "reason=\"NotFound\"") >= 1,
            "ozggrid_updates_refused_total{reason=\"NotFound\"} ≥ 1 on /metrics");
    }

    [Fact]
    public async Task Metrics_count_an_open_watch_stream_as_active_until_it_closes()
    {
        var monitoring = new MonitoringService.MonitoringServiceClient(fixture.Host.Channel);
        var watcher = StreamWatcher.Open(monitoring, new WatchProgrammeRequest { OzgIds = { KnownData.ElterngeldOzgId } });
        await watcher.ReadSnapshotAsync();

        await Eventually.ReturnsAsync(fixture.ScrapeAsync, m => m.Sum("ozggrid_streams_active") >= 1, "ozggrid_streams_active ≥ 1 while a stream is open");
        await watcher.DisposeAsync();
        await Eventually.ReturnsAsync(fixture.ScrapeAsync, m => m.Sum("ozggrid_streams_active") == 0, "ozggrid_streams_active = 0 once the stream closed");
    }

    [Fact]
    public async Task Metrics_record_the_lag_of_an_accepted_change_to_the_monitoring_hub()
    {
        await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = 10013, RequestId = Guid.NewGuid().ToString(), Reifegrad = 2 });

        await Eventually.ReturnsAsync(fixture.ScrapeAsync, m => m.Sum("ozggrid_monitoring_lag_seconds_count") >= 1,
            "ozggrid_monitoring_lag_seconds_count ≥ 1 on /metrics");
    }
}

using Google.Protobuf.WellKnownTypes;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// Readers never hold writers: a monitoring client reading the programme as of a past moment (which reads every
/// Leistung's history) and paging histories while Leistungen are written. Before, a Themenfeld's as-of read waited on
/// its Leistungen while a Leistung's write waited on its Themenfeld, and a write could hang until the call timed out.
/// How much the reads slow the writes is measured by a benchmark (BENCHMARKS.md), not here.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class WritesUnderReadLoadTests(GatewayFixture fixture)
{
    private const int WritesPerLeistung = 30;

    [Fact]
    public async Task Every_write_is_answered_while_a_monitoring_client_reads_as_of_and_pages_histories()
    {
        int[] ozgIds = [fixture.TakeOzgId(), fixture.TakeOzgId(), fixture.TakeOzgId(), fixture.TakeOzgId()];
        using var reader = fixture.Host.ChannelFor(Roles.Monitoring, $"reader-{Guid.NewGuid():N}");
        var monitoring = new MonitoringService.MonitoringServiceClient(reader);
        var histories = new LeistungService.LeistungServiceClient(reader);
        var writer = fixture.Leistungen;
        var before = await Task.WhenAll(ozgIds.Select(async ozgId => (await writer.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung));

        // A moment after the catalogue was loaded and before the writes: every as-of read looks back through them.
        var asOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        using var writing = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            var reads = 0;
            while (!writing.IsCancellationRequested || reads == 0)
            {
                await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { AsOf = asOf });
                await monitoring.GetLeistungAsOfAsync(new GetLeistungAsOfRequest { OzgId = ozgIds[i], AsOf = asOf });
                await histories.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgIds[i], PageSize = 500 });
                reads++;
            }

            return reads;
        })).ToArray();

        // Each write has the gateway's call timeout: one held by a reader fails with DEADLINE_EXCEEDED and fails the test.
        var writers = before.Select(async leistung =>
        {
            // Alternating between two Reifegrade, starting with one the Leistung does not have: every write is a new version.
            var first = leistung.Status.Reifegrad == 1 ? 2 : 1;
            for (var i = 0; i < WritesPerLeistung; i++)
            {
                await writer.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
                {
                    OzgId = leistung.OzgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = i % 2 == 0 ? first : 3 - first,
                });
            }
        });
        try
        {
            await Task.WhenAll(writers);
        }
        finally
        {
            await writing.CancelAsync();
        }

        var reads = await Task.WhenAll(readers);
        var after = await Task.WhenAll(ozgIds.Select(async ozgId => (await writer.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version));
        Assert.All(reads, count => Assert.True(count > 0));
        Assert.Equal(before.Select(leistung => leistung.Version + WritesPerLeistung), after);
    }
}

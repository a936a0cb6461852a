using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Rollout;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using KommuneVerfuegbarkeit = OzgGrid.Protos.V1.KommuneVerfuegbarkeit;
using RolloutReport = OzgGrid.Protos.V1.RolloutReport;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// A Land rollout keeps its entries in partitions by Kreis, each a row of its own in Azure Table storage (Azurite), and
/// answers retries from them: across a restart of the host, and only for the caller that made the report.
/// </summary>
public sealed class RolloutPartitionStorageTests
{
    /// <summary>Saarland, with a register of its own: two Kommunen in Kreis 10041, one in 10042, one in 10043.</summary>
    private const string Land = "SL";

    private static readonly string[] Kommunen = ["10041100", "10041111", "10042113", "10043111"];

    [Fact]
    public async Task A_report_writes_the_rows_of_the_Kreise_it_touches_and_no_other()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew());
        var ozgId = await OnlineLeistungWithRegisterAsync(host);
        var rollout = new RolloutService.RolloutServiceClient(host.Channel);
        await rollout.ReportRolloutsAsync(Batch("first", ozgId, (Kommunen[0], KommuneVerfuegbarkeit.Online), (Kommunen[2], KommuneVerfuegbarkeit.Pilot)));
        var (kreisA, kreisB, kreisC) = (await RowAsync(host, ozgId, 10041), await RowAsync(host, ozgId, 10042), await RowAsync(host, ozgId, 10043));

        await rollout.ReportRolloutsAsync(Batch("second", ozgId, (Kommunen[1], KommuneVerfuegbarkeit.Online)));
        var (laterA, laterB) = (await RowAsync(host, ozgId, 10041), await RowAsync(host, ozgId, 10042));

        Assert.True(kreisA.RecordExists && kreisB.RecordExists);
        Assert.False(kreisC.RecordExists);
        Assert.Equal([10041100], kreisA.State!.Ags);
        Assert.NotEqual(kreisA.ETag, laterA.ETag);
        Assert.Equal([10041100, 10041111], laterA.State!.Ags);
        Assert.Equal(kreisB.ETag, laterB.ETag);
        var counted = await rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = Land });
        Assert.Equal((3, 2, 1), (counted.ReportedEntries, counted.OnlineKommunen, counted.PilotKommunen));
        Assert.Equal([Kommunen[0], Kommunen[1], Kommunen[2]], counted.Entries.Select(e => e.Ags));
    }

    [Fact]
    public async Task A_report_replayed_after_a_restart_of_the_host_gets_its_first_answer_and_changes_nothing()
    {
        var scope = ClusterScope.CreateNew();
        int ozgId;
        ReportRolloutsResponse first;
        var request = Batch("replayed", 0, (Kommunen[0], KommuneVerfuegbarkeit.Online), (Kommunen[2], KommuneVerfuegbarkeit.Pilot));
        await using (var before = await TestHost.StartAsync(scope))
        {
            ozgId = await OnlineLeistungWithRegisterAsync(before);
            foreach (var entry in request.Entries)
            {
                entry.OzgId = ozgId;
            }

            first = await new RolloutService.RolloutServiceClient(before.Channel).ReportRolloutsAsync(request);
        }

        await using var after = await TestHost.StartAsync(scope);
        var rollout = new RolloutService.RolloutServiceClient(after.Channel);
        var replayed = await rollout.ReportRolloutsAsync(request);
        var changed = request.Clone();
        changed.Entries[0].Verfuegbarkeit = KommuneVerfuegbarkeit.Keine;
        var reused = await rollout.ReportRolloutsAsync(changed);

        Assert.Equal(2, first.AcceptedCount);
        Assert.Equal(first, replayed);
        Assert.Equal(RolloutResultCode.InvalidArgument, reused.Results[0].Code);
        Assert.Contains("request_id", reused.Results[0].Reason);
        var counted = await rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = Land });
        Assert.Equal([1L, 1L], counted.Entries.Select(e => e.Version));
        Assert.Equal(first.Results.Select(r => r.Entry), counted.Entries);
    }

    [Fact]
    public async Task A_request_id_another_caller_used_is_a_report_of_its_own_not_a_replay()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew());
        var ozgId = await OnlineLeistungWithRegisterAsync(host);
        var erika = new RolloutService.RolloutServiceClient(host.Channel);
        using var otherChannel = host.ChannelFor(Roles.ProgrammManagement, "another-programme-manager");
        var other = new RolloutService.RolloutServiceClient(otherChannel);

        var first = await erika.ReportRolloutsAsync(Batch("shared-id", ozgId, (Kommunen[3], KommuneVerfuegbarkeit.Online)));
        var byOther = await other.ReportRolloutsAsync(Batch("shared-id", ozgId, (Kommunen[3], KommuneVerfuegbarkeit.Pilot)));
        var retried = await erika.ReportRolloutsAsync(Batch("shared-id", ozgId, (Kommunen[3], KommuneVerfuegbarkeit.Online)));

        Assert.Equal(RolloutResultCode.Accepted, byOther.Results[0].Code);
        Assert.Equal((KommuneVerfuegbarkeit.Pilot, 2L), (byOther.Results[0].Entry.Verfuegbarkeit, byOther.Results[0].Entry.Version));
        Assert.Contains("another-programme-manager", byOther.Results[0].Entry.ChangedBy);
        Assert.Equal((KommuneVerfuegbarkeit.Online, 1L), (retried.Results[0].Entry.Verfuegbarkeit, retried.Results[0].Entry.Version));
        Assert.Equal(first.Results[0].Entry.Version, retried.Results[0].Entry.Version);
        var counted = await erika.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = Land });
        Assert.Equal((0, 1, KommuneVerfuegbarkeit.Pilot), (counted.OnlineKommunen, counted.PilotKommunen, Assert.Single(counted.Entries).Verfuegbarkeit));
    }

    /// <summary>A Leistung of the catalogue at Reifegrad 3, and the Saarland register of <see cref="Kommunen"/>.</summary>
    private static async Task<int> OnlineLeistungWithRegisterAsync(TestHost host)
    {
        const int ozgId = 10100;
        await new LeistungService.LeistungServiceClient(host.Channel).UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3 });
        await new RolloutService.RolloutServiceClient(host.Channel).ImportKommunenAsync(new ImportKommunenRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Land = Land,
            Kommunen = { Kommunen.Select(ags => new Kommune { Ags = ags, Name = $"Gemeinde {ags}", Source = KommuneSource.Imported }) },
        });
        return ozgId;
    }

    /// <summary>The stored row of one Kreis's partition, read straight from the state storage.</summary>
    private static async Task<GrainState<RolloutPartition>> RowAsync(TestHost host, int ozgId, int kreis)
    {
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, Land));
        var row = new GrainState<RolloutPartition>();
        await storage.ReadStateAsync($"rollout-entries-{kreis:D5}", grain.GetGrainId(), row);
        return row;
    }

    private static ReportRolloutsRequest Batch(string requestId, int ozgId, params (string Ags, KommuneVerfuegbarkeit Verfuegbarkeit)[] entries) => new()
    {
        RequestId = requestId,
        Entries = { entries.Select(e => new RolloutReport { OzgId = ozgId, Ags = e.Ags, Verfuegbarkeit = e.Verfuegbarkeit, Reifegrad = e.Verfuegbarkeit == KommuneVerfuegbarkeit.Pilot ? 2 : 3 }) },
    };
}

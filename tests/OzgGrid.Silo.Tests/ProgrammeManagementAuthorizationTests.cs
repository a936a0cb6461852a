using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The programme-management API against every role, over real gRPC: the management writes everything, an
/// IT-Dienstleister only its lab's results, monitoring only reads; a refusal changes nothing.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProgrammeManagementAuthorizationTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Each_caller_may_write_exactly_what_its_role_and_lab_participation_allow()
    {
        var host = fixture.Host;
        var management = new ProgrammeManagementService.ProgrammeManagementServiceClient(host.Channel);
        var ozgId = fixture.TakeOzgId();
        var themenfeldId = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.ThemenfeldId;
        var outsiderId = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = outsiderId, RequestId = NewId(), Name = "Außenstehender IT-Dienstleister", Laender = { "BY" },
        });
        var laborId = $"labor-{Guid.NewGuid():N}"[..30];
        var komponenteId = $"komponente-{Guid.NewGuid():N}"[..30];
        await management.DefineLaborAsync(new DefineLaborRequest { LaborId = laborId, RequestId = NewId(), Name = "Labor", ThemenfeldId = themenfeldId, OzgIds = { ozgId } });
        await management.SetLaborTeilnehmerAsync(new SetLaborTeilnehmerRequest
        {
            LaborId = laborId, RequestId = NewId(),
            Teilnehmer = { new LaborTeilnehmer { Art = TeilnehmerArt.ItDienstleister, Kennung = KnownData.Dataport, Rolle = "IT" } },
        });
        await management.RegisterKomponenteAsync(new RegisterKomponenteRequest
        {
            KomponenteId = komponenteId, RequestId = NewId(), Name = "Connector", Art = KomponenteArt.Datenaustausch, LaborId = laborId,
        });

        var dataport = host.ChannelFor(Roles.ItDienstleister, "dataport:alice", KnownData.Dataport);
        var outsider = host.ChannelFor(Roles.ItDienstleister, "outsider:bob", outsiderId);
        var monitoring = host.ChannelFor(Roles.Monitoring, "dashboard");
        var anonymous = host.AnonymousChannel;
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");

        Func<GrpcChannel, Task> Call(Func<ProgrammeManagementService.ProgrammeManagementServiceClient, Task> call) =>
            channel => call(new ProgrammeManagementService.ProgrammeManagementServiceClient(channel));
        var read = Call(c => c.GetLaborAsync(new GetLaborRequest { LaborId = laborId }).ResponseAsync);
        var report = Call(c => c.GetNachnutzungReportAsync(new GetNachnutzungReportRequest()).ResponseAsync);
        var stage = Call(c => c.SetLaborStufeAsync(new SetLaborStufeRequest { LaborId = laborId, RequestId = NewId(), Stufe = LaborStufe.Zielbild }).ResponseAsync);
        var publish = Call(c => c.PublishBlaupauseAsync(new PublishBlaupauseRequest { LaborId = laborId, RequestId = NewId(), Name = "Blaupause", Link = "https://example.org/b" }).ResponseAsync);
        var link = Call(c => c.SetKomponenteNutzungAsync(new SetKomponenteNutzungRequest { KomponenteId = komponenteId, RequestId = NewId(), OzgId = ozgId, Used = true }).ResponseAsync);
        var define = Call(c => c.DefineLaborAsync(new DefineLaborRequest { LaborId = laborId, RequestId = NewId(), Name = "Umbenannt", ThemenfeldId = themenfeldId }).ResponseAsync);
        var participants = Call(c => c.SetLaborTeilnehmerAsync(new SetLaborTeilnehmerRequest { LaborId = laborId, RequestId = NewId() }).ResponseAsync);
        var efa = Call(c => c.SetUmsetzungslandAsync(new SetUmsetzungslandRequest { OzgId = ozgId, RequestId = NewId(), Land = "SH" }).ResponseAsync);
        var milestone = Call(c => c.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.Pilotierung, PlannedDate = tomorrow }).ResponseAsync);
        var beschluss = Call(c => c.RecordBeschlussAsync(new RecordBeschlussRequest
        {
            Nummer = $"2026/{Random.Shared.Next(1_000_000, 9_999_999)}", RequestId = NewId(), Datum = "2026-01-01", Titel = "t", Text = "t",
        }).ResponseAsync);

        (string Caller, GrpcChannel Channel, string Call, Func<GrpcChannel, Task> Run, StatusCode Expected)[] matrix =
        [
            ("anonymous", anonymous, "read", read, StatusCode.Unauthenticated),
            ("anonymous", anonymous, "stage", stage, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "read", read, StatusCode.OK),
            ("monitoring", monitoring, "report", report, StatusCode.OK),
            ("monitoring", monitoring, "stage", stage, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "define", define, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "efa", efa, StatusCode.PermissionDenied),
            ("outsider", outsider, "read", read, StatusCode.OK),
            ("outsider", outsider, "stage of a lab it is not in", stage, StatusCode.PermissionDenied),
            ("outsider", outsider, "publish in a lab it is not in", publish, StatusCode.PermissionDenied),
            ("outsider", outsider, "link a component of a lab it is not in", link, StatusCode.PermissionDenied),
            ("dataport", dataport, "stage of its lab", stage, StatusCode.OK),
            ("dataport", dataport, "publish in its lab", publish, StatusCode.OK),
            ("dataport", dataport, "link a component of its lab", link, StatusCode.OK),
            ("dataport", dataport, "define", define, StatusCode.PermissionDenied),
            ("dataport", dataport, "participants", participants, StatusCode.PermissionDenied),
            ("dataport", dataport, "efa", efa, StatusCode.PermissionDenied),
            ("dataport", dataport, "milestone", milestone, StatusCode.PermissionDenied),
            ("dataport", dataport, "beschluss", beschluss, StatusCode.PermissionDenied),
            ("management", host.Channel, "efa", efa, StatusCode.OK),
            ("management", host.Channel, "milestone", milestone, StatusCode.OK),
            ("management", host.Channel, "beschluss", beschluss, StatusCode.OK),
        ];

        var (outcomes, mismatches) = await AccessMatrix.RunAsync(matrix);

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.Contains(outcomes, o => o.StartsWith("outsider / stage", StringComparison.Ordinal) && o.Contains("does not take part"));

        // Only the allowed writes counted: define, participants, then dataport's stage and Blaupause.
        var labor = (await management.GetLaborAsync(new GetLaborRequest { LaborId = laborId })).Labor;
        Assert.Equal((4L, LaborStufe.Zielbild, "Labor"), (labor.Version, labor.Stufe, labor.Name));
        var komponente = (await management.GetKomponenteAsync(new GetKomponenteRequest { KomponenteId = komponenteId })).Komponente;
        Assert.Equal(2, komponente.Version);
        Assert.Equal("dataport:alice", komponente.LastChange.ChangedBy);
    }

    private static string NewId() => Guid.NewGuid().ToString();
}

using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>`ozgctl projekt` in-process against the real host over loopback gRPC: define, set a phase, defer, show, list.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlProjektTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task A_project_is_defined_planned_deferred_shown_and_listed_and_the_server_keeps_it()
    {
        var ozgId = fixture.TakeOzgId();
        var projektId = $"ctl-{Guid.NewGuid():N}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var defined = await _ozgctl.InProcessAsync(
            "projekt", "define", projektId, "--name", "Kita-Portal", "--ozg-id", ozgId.ToString(), "--leitung", "land:05", "--efa-typ", "entwicklung-land", "-o", "json");
        var phase = await _ozgctl.InProcessAsync(
            "projekt", "phase", projektId, "umsetzung", "--planned-start", Day(today.AddDays(-30)), "--planned-end", Day(today.AddDays(-2)), "--actual-start", Day(today.AddDays(-29)));
        var overdue = await _ozgctl.InProcessAsync("projekt", "list", "--ueberfaellig", "--phase", "umsetzung", "-o", "csv");
        var deferred = await _ozgctl.InProcessAsync("projekt", "defer", projektId, "umsetzung", "--new-end", Day(today.AddDays(40)), "--grund", "Lieferverzug");
        var shown = await _ozgctl.InProcessAsync("projekt", "show", projektId, "-o", "csv");
        var unknownPhase = await _ozgctl.InProcessAsync("projekt", "phase", projektId, "betrieb");

        Assert.True(defined.ExitCode == ExitCodes.Ok, defined.ToString());
        Assert.True(phase.ExitCode == ExitCodes.Ok, phase.ToString());
        Assert.True(overdue.ExitCode == ExitCodes.Ok, overdue.ToString());
        Assert.Contains(overdue.Out.Split('\n'), line => line.StartsWith(projektId, StringComparison.Ordinal) && line.Contains("land:NW") && line.Contains("umsetzung"));
        Assert.True(deferred.ExitCode == ExitCodes.Ok, deferred.ToString());
        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        Assert.Contains(shown.Out.Split('\n'), line => line.StartsWith("umsetzung,", StringComparison.Ordinal) && line.Contains("Lieferverzug") && line.Contains(Day(today.AddDays(40))));
        Assert.Equal(ExitCodes.Usage, unknownPhase.ExitCode);
        Assert.Contains("rollout-land", unknownPhase.Error);

        var projekt = (await new UmsetzungsprojektService.UmsetzungsprojektServiceClient(fixture.Host.Channel)
            .GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = projektId })).Projekt;
        Assert.Equal((3L, true, ProjektPhase.Umsetzung), (projekt.Version, projekt.Status.ImPlan, projekt.Status.Phase));
        Assert.Equal("ozgctl-test", projekt.LastChange.ChangedBy);
    }

    [Fact]
    public async Task Participants_financing_and_produced_Onlinedienste_are_set_and_the_server_keeps_them()
    {
        var projektId = $"ctl-{Guid.NewGuid():N}";
        var dienst = await new OnlinedienstSeed(fixture.Host.Channel).RegisterAsync(KnownData.Dataport);
        await _ozgctl.InProcessAsync("projekt", "define", projektId, "--name", "Wohngeld", "--ozg-id", fixture.TakeOzgId().ToString(), "--leitung", "land:HE", "--efa-typ", "kein-efa");

        var beteiligte = await _ozgctl.InProcessAsync(
            "projekt", "beteiligte", projektId, "--beteiligt", $"it-dienstleister:{KnownData.Dataport}=mitarbeit-zugesichert,bundesressort:BMI=interessiert", "--expected-version", "1");
        var finanzierung = await _ozgctl.InProcessAsync(
            "projekt", "finanzierung", projektId, "--finanzierung", "bewilligt:2500000.50:Konjunkturpaket", "--finanzierung", "beantragt:0:Landesmittel");
        var onlinedienste = await _ozgctl.InProcessAsync("projekt", "onlinedienste", projektId, "--onlinedienst", dienst, "-o", "csv");
        var badRole = await _ozgctl.InProcessAsync("projekt", "beteiligte", projektId, "--beteiligt", "land:NW=chef");
        var badAmount = await _ozgctl.InProcessAsync("projekt", "finanzierung", projektId, "--finanzierung", "bewilligt:12.345:Programm");
        var stale = await _ozgctl.InProcessAsync("projekt", "onlinedienste", projektId, "--expected-version", "1");

        Assert.All([beteiligte, finanzierung, onlinedienste], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.Equal([ExitCodes.Usage, ExitCodes.Usage, ExitCodes.Conflict], new[] { badRole, badAmount, stale }.Select(r => r.ExitCode));
        Assert.Contains("mitarbeit-zugesichert", badRole.Error);
        var projekt = (await new UmsetzungsprojektService.UmsetzungsprojektServiceClient(fixture.Host.Channel)
            .GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = projektId })).Projekt;
        Assert.Equal(4L, projekt.Version);
        Assert.Equal(
            new[] { (OrganisationArt.ItDienstleister, KnownData.Dataport, BeteiligungRolle.MitarbeitZugesichert), (OrganisationArt.Bundesressort, "BMI", BeteiligungRolle.Interessiert) }.Order(),
            projekt.Beteiligte.Select(b => (b.Organisation.Art, b.Organisation.Kennung, b.Rolle)).Order());
        Assert.Equal(
            new[] { (FinanzierungStatus.Bewilligt, 250_000_050L, "Konjunkturpaket"), (FinanzierungStatus.Beantragt, 0L, "Landesmittel") }.Order(),
            projekt.Finanzierungen.Select(f => (f.Status, f.BetragCent, f.Programm)).Order());
        Assert.Equal([dienst], projekt.OnlinedienstIds);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");
}

using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The reminder-driven reconciliation repairs derived values by itself within its period (2 s here), with nobody
/// asking: each test damages one and polls until it holds again.
/// </summary>
public sealed class PeriodicReconciliationTests(PeriodicReconciliationHost fixture) : IClassFixture<PeriodicReconciliationHost>
{
    /// <summary>A few periods: the run under way when the damage is done may have read before it.</summary>
    private static readonly TimeSpan Deadline = PeriodicReconciliationHost.Period * 10;

    private readonly MonitoringService.MonitoringServiceClient _monitoring = new(fixture.Host.Channel);
    private readonly LeistungService.LeistungServiceClient _leistungen = new(fixture.Host.Channel);
    private readonly DerivedValueDamage _damage = new(fixture.Host);

    [Fact]
    public async Task A_Kommunen_import_that_never_reached_the_rollout_is_published_within_the_period()
    {
        var ozgId = fixture.TakeOzgId();
        await _damage.LoseKommunenImportMessageAsync(ozgId, "SL");

        await Eventually.ReturnsAsync(() => _damage.VerfuegbarkeitAsync(ozgId, "SL"), v => v == Verfuegbarkeit.InMindestensEinerKommune,
            "the Verfügbarkeit derived from the new register written into the Leistung", Deadline);
    }

    [Fact]
    public async Task An_EfA_report_lost_on_its_way_to_the_figures_is_counted_within_the_period()
    {
        var ozgId = fixture.TakeOzgId();
        await _damage.LoseNachnutzungReportAsync(ozgId);

        await Eventually.ReturnsAsync(() => _damage.IsEfaCountedAsync(ozgId), counted => counted, "the EfA-Nachnutzung counted again", Deadline);
    }

    [Fact]
    public async Task A_stored_count_gone_wrong_is_recounted_within_the_period()
    {
        var ozgId = fixture.TakeOzgId();
        await _damage.CountOtherwiseAsync(ozgId);
        var expected = await ProgrammeRecount.CountAsync(_leistungen);

        await Eventually.ReturnsAsync(
            async () => ProgrammeRecount.From((await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures),
            figures => figures == expected, "the programme figures equal to a recount of the Leistungen", Deadline);
    }
}

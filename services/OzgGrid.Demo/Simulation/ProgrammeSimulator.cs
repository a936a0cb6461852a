using System.Diagnostics;
using System.Globalization;

namespace OzgGrid.Demo.Simulation;

/// <summary>
/// A living programme for the demo: simulated IT-Dienstleister and the programme management write through the public
/// gRPC API what real ones would, one simulated month per step. The same seed gives the same writes in the same order.
/// </summary>
public sealed partial class ProgrammeSimulator
{
    /// <summary>Hand-reported Leistungen per IT-Dienstleister.</summary>
    private const int HandLeistungen = 4;

    /// <summary>Leistungen with an Onlinedienst per IT-Dienstleister.</summary>
    private const int OnlinedienstLeistungen = 2;

    /// <summary>Kommunen per Onlinedienst going through the Anschluss checklist.</summary>
    private const int KommunenProOnlinedienst = 8;

    private readonly DemoConnection _connection;
    private readonly Random _random;
    private readonly int _seed;
    private readonly TextWriter _log;
    private readonly TimeProvider _time;
    private readonly List<SimulatedLeistung> _leistungen = [];
    private DateOnly _firstMonth;

    public ProgrammeSimulator(DemoConnection connection, int seed, TextWriter log, TimeProvider? time = null)
    {
        _connection = connection;
        _seed = seed;
        _random = new Random(seed);
        _log = log;
        _time = time ?? TimeProvider.System;
        Calls = new DemoCalls(seed, log);
    }

    public DemoCalls Calls { get; }

    /// <summary>The simulated months run so far.</summary>
    public int Month { get; private set; }

    public IReadOnlyList<SimulatedLeistung> Leistungen => _leistungen;

    public string LaborId => string.Create(CultureInfo.InvariantCulture, $"demo-labor-{_seed}");

    public string BeschlussNummer => string.Create(CultureInfo.InvariantCulture, $"{Today.Year}/9{_seed % 100:00}");

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Sets the programme up, then runs a month every <paramref name="perMonth"/> (or back to back when a month takes
    /// longer), <paramref name="months"/> of them or until cancelled (OperationCanceledException).
    /// </summary>
    public async Task RunAsync(TimeSpan perMonth, int? months, CancellationToken cancellation)
    {
        await SetUpAsync(cancellation);
        while (months is null || Month < months)
        {
            var started = Stopwatch.GetTimestamp();
            await RunMonthAsync(cancellation);
            var rest = perMonth - Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero && (months is null || Month < months))
            {
                // Pacing, not synchronisation: the next month starts after the configured wall-clock time.
                await Task.Delay(rest, _time, cancellation);
            }
        }
    }

    /// <summary>One simulated month: each part of the programme moves on.</summary>
    public async Task RunMonthAsync(CancellationToken cancellation)
    {
        Month++;
        foreach (var leistung in _leistungen)
        {
            cancellation.ThrowIfCancellationRequested();
            await (leistung.OnlinedienstId is null ? ReportByHandAsync(leistung) : DevelopOnlinedienstAsync(leistung));
        }

        foreach (var leistung in _leistungen.Where(l => l.OnlinedienstId is not null))
        {
            cancellation.ThrowIfCancellationRequested();
            await AdvanceAnschlussAsync(leistung);
        }

        await ImportNutzungAsync();
        await ManageAsync();
        var online = _leistungen.Sum(l => l.Kommunen.Count(k => k.Online));
        await _log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"demo: month {Month} ({NutzungsMonat}): {Calls.Accepted} writes accepted, {Calls.Refusals.Count} refused, {online} Kommunen online"));
    }

    /// <summary>The calendar month a simulated month's usage is reported for: from two years back, never past today.</summary>
    private string NutzungsMonat
    {
        get
        {
            var monat = _firstMonth.AddMonths(Month);
            var current = new DateOnly(Today.Year, Today.Month, 1);
            return (monat > current ? current : monat).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;
}

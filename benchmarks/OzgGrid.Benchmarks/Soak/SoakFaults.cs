using System.Globalization;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// Injects one fault at a time, about every <see cref="SoakOptions.FaultInterval"/> (±30 %), chosen by the seeded
/// random: the three kinds come in rounds, each round in a random order, so a run of three faults has one of each;
/// the silo and the outage length are random too.
/// </summary>
public sealed class SoakFaults(SoakCluster cluster, SoakLedger ledger, SoakOptions options, Random random, TextWriter output)
{
    public List<InjectedFault> Injected { get; } = [];

    /// <summary>Injects faults until the next one would start after <see cref="SoakOptions.Duration"/> (or <see cref="SoakOptions.MaxFaults"/> are done).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var round = new Queue<FaultKind>();
        var next = Jittered();
        while (next < options.Duration && (options.MaxFaults == 0 || Injected.Count < options.MaxFaults))
        {
            if (next > ledger.Now)
            {
                await Task.Delay(next - ledger.Now, cancellationToken);
            }

            if (round.Count == 0)
            {
                foreach (var kind in Enum.GetValues<FaultKind>().OrderBy(_ => random.Next()))
                {
                    round.Enqueue(kind);
                }
            }

            var fault = await InjectAsync(round.Dequeue(), cancellationToken);
            Injected.Add(fault);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {fault.At.TotalSeconds,6:F1} s  {fault.Kind} {fault.Target}, over after {(fault.Over - fault.At).TotalSeconds:F1} s"));
            next += Jittered();
        }
    }

    /// <summary>Per fault: how long after <see cref="InjectedFault.RecoveryFrom"/> every writer had a write acknowledged again.</summary>
    public IReadOnlyList<(InjectedFault Fault, TimeSpan? Recovery)> Recoveries(IReadOnlyCollection<int> writers)
    {
        var acknowledgements = ledger.Acknowledgements.ToArray();
        return
        [
            .. Injected.Select(fault =>
            {
                var firsts = writers.Select(writer => acknowledgements.Where(a => a.Writer == writer && a.At >= fault.RecoveryFrom)
                    .Select(a => (TimeSpan?)a.At).Min()).ToList();
                return (fault, firsts.Any(at => at is null) ? null : firsts.Max() - fault.RecoveryFrom);
            }),
        ];
    }

    private TimeSpan Jittered() => options.FaultInterval * (0.7 + (0.6 * random.NextDouble()));

    private async Task<InjectedFault> InjectAsync(FaultKind kind, CancellationToken cancellationToken)
    {
        var at = ledger.Now;
        switch (kind)
        {
            case FaultKind.StorageOutage:
                var outage = TimeSpan.FromSeconds(5 + (10 * random.NextDouble()));
                await cluster.Azurite.StopAsync();
                await Task.Delay(outage, cancellationToken);
                await cluster.Azurite.StartAgainAsync(cancellationToken);
                return new(kind, string.Create(CultureInfo.InvariantCulture, $"Azurite for {outage.TotalSeconds:F1} s"), at, ledger.Now);
            default:
                var silo = random.Next(SoakCluster.SiloCount);
                await cluster.RestartSiloAsync(silo, kill: kind == FaultKind.SiloKilled, cancellationToken);
                return new(kind, $"silo {silo}", at, ledger.Now);
        }
    }
}

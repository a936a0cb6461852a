using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Orleans.Metadata;
using OzgGrid.Grains.Abstractions.Cluster;

namespace OzgGrid.Grains.Cluster;

/// <summary>
/// This silo's activations per grain class, read when asked from Orleans' own gauge of them: the figures Orleans'
/// management grain reports, without a call that needs the grain directory.
/// </summary>
public sealed class LocalActivationCounts : IDisposable
{
    private const string OrleansMeter = "Microsoft.Orleans";
    private const string ActivationsGauge = "orleans-catalog-activations";
    private const string GrainTypeTag = "grain_type";

    private readonly MeterListener _listener = new();
    private readonly GrainClassMap _classes;
    private readonly Lock _gate = new();
    private Dictionary<string, int>? _reading;

    public LocalActivationCounts(IMeterFactory meters, GrainClassMap classes)
    {
        _classes = classes;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // This silo's meter only: a test process may host several silos, each with its own.
            if (instrument.Meter.Name == OrleansMeter && instrument.Name == ActivationsGauge && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>(OnMeasurement);
        _listener.Start();
    }

    public ImmutableArray<GrainTypeActivations> Read()
    {
        lock (_gate)
        {
            // The gauge reports through OnMeasurement on this thread, before RecordObservableInstruments returns.
            _reading = [];
            _listener.RecordObservableInstruments();
            var counts = _reading.Where(c => c.Value > 0).Select(c => new GrainTypeActivations(c.Key, c.Value)).ToImmutableArray();
            _reading = null;
            return counts;
        }
    }

    private void OnMeasurement(Instrument instrument, int value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key != GrainTypeTag || tag.Value is not string name || _reading is not { } reading)
            {
                continue;
            }

            // The silo's system targets (directory, membership, …) are counted too; they are no grains to an operator.
            var grainType = GrainType.Create(name);
            if (!GrainTypePrefix.IsSystemTarget(grainType))
            {
                var className = ClassName(grainType);
                reading[className] = reading.GetValueOrDefault(className) + value;
            }
        }
    }

    /// <summary>"leistung" reads as "LeistungGrain", the class an operator knows; a type without a class keeps its name.</summary>
    private string ClassName(GrainType grainType) =>
        _classes.TryGetGrainClass(grainType, out var type) ? type.Name : grainType.ToString();

    public void Dispose() => _listener.Dispose();
}

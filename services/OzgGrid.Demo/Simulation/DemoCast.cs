namespace OzgGrid.Demo.Simulation;

/// <summary>
/// Who the demo simulates: IT-Dienstleister modelled on real ones (with the Länder those serve), named so that nobody
/// takes them for the real ones.
/// </summary>
public static class DemoCast
{
    /// <summary>Written into every name and description the simulator creates.</summary>
    public const string Marker = "(synthetisch)";

    /// <summary>The prefix of every request id the simulator sends.</summary>
    public const string RequestIdPrefix = "demo-";

    public const string ManagementSubject = "demo-programm-management";

    public static readonly IReadOnlyList<DemoAnbieter> Anbieter =
    [
        new("demo-dataport", $"Demo-Dataport {Marker}", ["SH", "HH", "HB", "ST"]),
        new("demo-akdb", $"Demo-AKDB {Marker}", ["BY"]),
        new("demo-komm-one", $"Demo-Komm.ONE {Marker}", ["BW"]),
        new("demo-it-nrw", $"Demo-IT.NRW {Marker}", ["NW"]),
        new("demo-ekom21", $"Demo-ekom21 {Marker}", ["HE"]),
    ];
}

using System.Diagnostics;

namespace OzgGrid.Silo.Telemetry;

/// <summary>OzgGrid's own activity source, exported with ASP.NET Core's and Orleans' traces when OTLP is configured.</summary>
public static class OzgGridTracing
{
    public const string SourceName = "OzgGrid";

    public static readonly ActivitySource Source = new(SourceName);
}

using OpenTelemetry.Exporter;

namespace OzgGrid.Silo.Hosting;

/// <summary>Where metrics, traces and logs go besides the Prometheus endpoint (section OzgGrid:Telemetry).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OzgGrid:Telemetry";

    /// <summary>An OpenTelemetry collector, e.g. http://otel-collector:4317; empty (default) exports nothing over OTLP and records no traces.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><see cref="OtlpExportProtocol.Grpc"/> (default, port 4317) or <see cref="OtlpExportProtocol.HttpProtobuf"/> (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;
}

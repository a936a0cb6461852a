using System.Globalization;

namespace OzgGrid.Silo.Tls;

/// <summary>
/// `OzgGrid.Silo self-signed-certificate [--out DIR] [--host NAME,…] [--days N]`: writes a self-signed certificate and
/// its key (`./ozg cert`) and prints the settings that serve it.
/// </summary>
public static class SelfSignedCertificateCommand
{
    public const string Name = "self-signed-certificate";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var directory = "tls";
        var hosts = SelfSignedCertificate.DefaultHosts;
        var days = 90;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when value is not null:
                    directory = value;
                    break;
                case "--host" when value is not null:
                    hosts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--days" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0:
                    days = d;
                    break;
                default:
                    error.WriteLine($"Usage: {Name} [--out DIR] [--host NAME,NAME,…] [--days N] (default: --out tls --host {string.Join(',', SelfSignedCertificate.DefaultHosts)} --days 90)");
                    return 2;
            }
        }

        if (hosts.Count == 0)
        {
            error.WriteLine("--host needs at least one name or address.");
            return 2;
        }

        var (certificate, key) = SelfSignedCertificate.Write(directory, hosts, TimeSpan.FromDays(days));
        output.WriteLine($"Wrote {certificate} and {key} (self-signed, for {string.Join(", ", hosts)}, valid {days} days). Serve it with:");
        output.WriteLine($"  --{TlsOptions.Section}:CertificatePath={certificate} --{TlsOptions.Section}:KeyPath={key}");
        output.WriteLine("  --Kestrel:Endpoints:Grpc:Url=https://127.0.0.1:5080 --Kestrel:Endpoints:Http:Url=https://127.0.0.1:8080");
        output.WriteLine($"Trust it: ozgctl --ca-file {certificate} (or OZGCTL_CA_FILE), grpcurl -cacert {certificate}, curl --cacert {certificate}");
        return 0;
    }
}

using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OzgGrid.Silo.Telemetry;

namespace OzgGrid.Silo.Tls;

/// <summary>
/// The certificate the https:// endpoints serve now (Kestrel asks for it at each TLS handshake): the one of the start,
/// followed when its files change, so that a renewed certificate reaches new connections without a restart. Files
/// that cannot be served (half written, a key that does not fit) are logged with the path and the reason, counted,
/// and ignored; the certificate before them stays.
/// </summary>
public sealed class ReloadingServerCertificate : IDisposable
{
    public const string ReloadsInstrument = "ozggrid.tls.certificate.reloads";
    public const string ExpiryInstrument = "ozggrid.tls.certificate.expiry";

    private readonly TlsOptions _tls;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReloadingServerCertificate> _logger;
    private readonly Counter<long> _reloads;
    private readonly Lock _gate = new();
    private readonly CertificateFilesWatch _watch;
    private volatile X509Certificate2 _current;
    private string? _lastFingerprint;
    private string? _lastUnreadable;
    private bool _disposed;

    /// <param name="atStartup">The certificate the host was started with, already checked to be usable.</param>
    public ReloadingServerCertificate(
        TlsOptions tls, X509Certificate2 atStartup, IMeterFactory meters, TimeProvider clock, ILogger<ReloadingServerCertificate> logger)
    {
        _tls = tls;
        _clock = clock;
        _logger = logger;
        _current = atStartup;
        var meter = meters.Create(OzgGridMetrics.MeterName);
        _reloads = meter.CreateCounter<long>(
            ReloadsInstrument, "{reload}", "Changed TLS certificate files, by outcome (tag outcome: served, refused: the previous certificate stays).");
        meter.CreateObservableGauge(
            ExpiryInstrument, () => (_current.NotAfter.ToUniversalTime() - _clock.GetUtcNow().UtcDateTime).TotalSeconds, "s",
            "Seconds until the served TLS certificate expires: falls when renewals do not arrive or are refused.");
        _watch = new CertificateFilesWatch(tls, Check, (directory, reason) => _logger.LogWarning(
            "Cannot watch {Directory} for a renewed TLS certificate ({Reason}); it is read again every {Interval}",
            directory, reason, tls.ReloadCheckInterval));

        // The files may have changed between the start and now.
        Check();
    }

    public X509Certificate2 Current => _current;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _watch.Dispose();
    }

    /// <summary>Whether <paramref name="e"/> says that the certificate files cannot be served (rather than a bug).</summary>
    public static bool IsUnusableFiles(Exception e) =>
        e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or InvalidOperationException;

    /// <summary>Reads the files; serves what they hold if it is a usable certificate other than the current one.</summary>
    public void Check()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            CertificateFiles files;
            try
            {
                files = CertificateFiles.Read(_tls);
            }
            catch (Exception e) when (IsUnusableFiles(e))
            {
                // Said once while the same reason lasts (a missing file stays missing at every check).
                _lastFingerprint = null;
                if (e.Message != _lastUnreadable)
                {
                    _lastUnreadable = e.Message;
                    Refused(e.Message);
                }

                return;
            }

            _lastUnreadable = null;
            if (files.Fingerprint == _lastFingerprint)
            {
                return;
            }

            _lastFingerprint = files.Fingerprint;
            X509Certificate2 renewed;
            try
            {
                renewed = files.Load();
            }
            catch (Exception e) when (IsUnusableFiles(e))
            {
                Refused(e.Message);
                return;
            }

            if (renewed.Thumbprint == _current.Thumbprint)
            {
                renewed.Dispose();
                return;
            }

            // The previous certificate is not disposed: a handshake may be using it right now.
            var previous = _current;
            _current = renewed;
            _reloads.Add(1, new KeyValuePair<string, object?>("outcome", "served"));
            _logger.LogInformation(
                "The TLS certificate {Path} was renewed: new connections get {Subject} (thumbprint {Thumbprint}, valid until {NotAfter:u}) instead of thumbprint {Previous}",
                files.CertificatePath, renewed.Subject, renewed.Thumbprint, renewed.NotAfter.ToUniversalTime(), previous.Thumbprint);
        }
    }

    private void Refused(string reason)
    {
        _reloads.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
        _logger.LogWarning(
            "The TLS certificate {Path} ({Section}:CertificatePath) changed but cannot be served, the endpoints keep serving thumbprint {Thumbprint} (valid until {NotAfter:u}): {Reason}",
            Path.GetFullPath(_tls.CertificatePath), TlsOptions.Section, _current.Thumbprint, _current.NotAfter.ToUniversalTime(), reason);
    }
}

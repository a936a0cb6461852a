namespace OzgGrid.Silo.Tls;

/// <summary>
/// Calls back when the certificate's directories change, shortly after the last change (a renewal writes several
/// files), and every <see cref="TlsOptions.ReloadCheckInterval"/> in any case: a watch can miss changes (network file
/// systems, an overflowing event queue) or be refused (the host's limit of inotify instances).
/// </summary>
public sealed class CertificateFilesWatch : IDisposable
{
    /// <summary>Long enough for the certificate and the key of one renewal to land, short enough not to be noticed.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(1);

    private readonly Timer _debounce;
    private readonly Timer _periodic;
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <param name="unwatchable">Told of each directory that cannot be watched and why; the periodic check still covers it.</param>
    public CertificateFilesWatch(TlsOptions tls, Action changed, Action<string, string> unwatchable)
    {
        _debounce = new Timer(_ => changed());
        var interval = tls.ReloadCheckInterval < ShortestInterval ? ShortestInterval : tls.ReloadCheckInterval;
        _periodic = new Timer(_ => changed(), null, interval, interval);
        foreach (var directory in CertificateFiles.Directories(tls))
        {
            try
            {
                // The whole directory, not the files: Kubernetes renews a Secret volume by swapping its "..data" symlink.
                var watcher = new FileSystemWatcher(directory)
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                        | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                watcher.Changed += (_, _) => Soon();
                watcher.Created += (_, _) => Soon();
                watcher.Deleted += (_, _) => Soon();
                watcher.Renamed += (_, _) => Soon();
                watcher.Error += (_, _) => Soon();
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                unwatchable(directory, e.Message);
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _periodic.Dispose();
        _debounce.Dispose();
    }

    // Each event moves the call back, so a burst of events ends in one check.
    private void Soon()
    {
        try
        {
            _debounce.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // An event that was on its way while the host stopped.
        }
    }
}

using System.Diagnostics;
using OzgGrid.Silo.Tls;

namespace OzgGrid.Silo.Tests.Tls;

/// <summary>
/// A directory laid out as the kubelet mounts a Secret of type kubernetes.io/tls: tls.crt and tls.key are symlinks
/// into "..data", itself a symlink to a timestamped directory; an update writes a new directory and renames a new
/// "..data" over the old one (one atomic rename), then removes the old directory.
/// </summary>
public sealed class KubernetesSecretVolume(string directory)
{
    private const string Data = "..data";

    public string CertificatePath => Path.Combine(directory, "tls.crt");

    public string KeyPath => Path.Combine(directory, "tls.key");

    /// <summary>Publishes the certificate and key <see cref="SelfSignedCertificate.Write"/> wrote into <paramref name="source"/>.</summary>
    public void Publish(string source)
    {
        Directory.CreateDirectory(directory);
        var version = $"..{DateTime.UtcNow:yyyy_MM_dd_HH_mm_ss.fffffff}";
        var versionPath = Path.Combine(directory, version);
        Directory.CreateDirectory(versionPath);
        File.Copy(Path.Combine(source, SelfSignedCertificate.CertificateFile), Path.Combine(versionPath, "tls.crt"));
        File.Copy(Path.Combine(source, SelfSignedCertificate.KeyFile), Path.Combine(versionPath, "tls.key"));

        var dataPath = Path.Combine(directory, Data);
        var previous = File.Exists(dataPath) || Directory.Exists(dataPath) ? new FileInfo(dataPath).LinkTarget : null;
        var staged = Path.Combine(directory, "..data_tmp");
        File.CreateSymbolicLink(staged, version);
        RenameOver(staged, dataPath);
        if (previous is null)
        {
            File.CreateSymbolicLink(CertificatePath, Path.Combine(Data, "tls.crt"));
            File.CreateSymbolicLink(KeyPath, Path.Combine(Data, "tls.key"));
        }
        else
        {
            Directory.Delete(Path.Combine(directory, previous), recursive: true);
        }
    }

    // rename(2) as the kubelet does: File.Move refuses a destination that resolves to a directory.
    private static void RenameOver(string source, string destination)
    {
        using var mv = Process.Start(new ProcessStartInfo("mv", ["-T", "-f", source, destination]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("mv did not start.");
        var error = mv.StandardError.ReadToEnd();
        mv.WaitForExit();
        if (mv.ExitCode != 0)
        {
            throw new IOException($"mv -T {source} {destination} failed: {error}");
        }
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OzgGrid.Grains.Changes;

/// <summary>
/// A write's description reduced to 64 bits that stay the same across processes and releases (unlike
/// <see cref="string.GetHashCode()"/>), for telling a retry from a different write under the same request id.
/// </summary>
internal static class Fingerprints
{
    public static long Of(string description)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(description), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }
}

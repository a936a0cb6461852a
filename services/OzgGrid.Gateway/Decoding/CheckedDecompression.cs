using System.IO.Compression;
using Grpc.Net.Compression;

namespace OzgGrid.Gateway.Decoding;

/// <summary>
/// A grpc-encoding (gzip, deflate) as grpc-dotnet provides it, but a compressed message that is not data of its encoding
/// answers INVALID_ARGUMENT, where grpc-dotnet answers UNKNOWN. The message is decompressed here at once, at most one
/// byte beyond the size limit, so that grpc-dotnet still refuses a larger one with RESOURCE_EXHAUSTED and a small
/// message that expands without end is not expanded further.
/// </summary>
public sealed class CheckedDecompression(ICompressionProvider inner, int maxMessageBytes) : ICompressionProvider
{
    private const int ChunkBytes = 16 * 1024;

    public string EncodingName => inner.EncodingName;

    /// <summary>The providers grpc-dotnet uses by default, each checked.</summary>
    public static IList<ICompressionProvider> Defaults(int maxMessageBytes) =>
    [
        new CheckedDecompression(new GzipCompressionProvider(CompressionLevel.Fastest), maxMessageBytes),
        new CheckedDecompression(new DeflateCompressionProvider(CompressionLevel.Fastest), maxMessageBytes),
    ];

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) => inner.CreateCompressionStream(stream, compressionLevel);

    public Stream CreateDecompressionStream(Stream stream)
    {
        var decompressed = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        try
        {
            using var decompressing = inner.CreateDecompressionStream(stream);
            int read;
            while (decompressed.Length <= maxMessageBytes
                && (read = decompressing.Read(chunk, 0, (int)Math.Min(ChunkBytes, maxMessageBytes + 1 - decompressed.Length))) > 0)
            {
                decompressed.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException invalid)
        {
            throw UndecodableRequest.Refuse(
                $"the message is marked compressed but is not {EncodingName} data ({invalid.Message}); compress it as grpc-encoding names, or send it uncompressed.");
        }

        decompressed.Position = 0;
        return decompressed;
    }
}

using Orleans.Serialization;
using Orleans.Storage;

namespace OzgGrid.Grains.Storage;

/// <summary>
/// Grain state in Orleans' binary format, byte for byte what <see cref="OrleansGrainStorageSerializer"/> writes, but
/// written into pooled buffers and copied out once at its final size. Orleans' own serializer grows a fresh buffer
/// from 256 bytes by doubling on every write, which on a Leistung's state of a few kilobytes is several discarded
/// arrays per change — garbage the collector then has to clear under load.
/// </summary>
public sealed class PooledGrainStorageSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    public T Deserialize<T>(BinaryData input) => serializer.Deserialize<T>(input.ToMemory())!;
}

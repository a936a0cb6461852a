using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OzgGrid.Gateway.Decoding;

/// <summary>
/// Finds a field of the message sent with another wire type than its type has. The protobuf parser keeps such a field
/// as an unknown one and leaves the field itself unset, so a write would go ahead without the value its caller sent.
/// Unknown field numbers stay allowed: a newer client may send fields this release does not know.
/// </summary>
public static class WireTypeCheck
{
    private const int MaxDepth = 32;

    /// <summary>What is wrong, or null if every known field came with the wire type of its type.</summary>
    public static string? Mismatch(MessageDescriptor descriptor, byte[] payload) =>
        Mismatch(descriptor, new CodedInputStream(payload), string.Empty, 0);

    private static string? Mismatch(MessageDescriptor descriptor, CodedInputStream input, string path, int depth)
    {
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var wireType = WireFormat.GetTagWireType(tag);
            var field = descriptor.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field is not null && !Accepts(field, wireType))
            {
                return $"the field {path}{field.Name} arrived with wire type {wireType}; its type {field.FieldType} is sent as {Expected(field.FieldType)}.";
            }

            if (field is { FieldType: FieldType.Message } && depth < MaxDepth)
            {
                var nested = Mismatch(field.MessageType, new CodedInputStream(input.ReadBytes().ToByteArray()), $"{path}{field.Name}.", depth + 1);
                if (nested is not null)
                {
                    return nested;
                }
            }
            else
            {
                input.SkipLastField();
            }
        }

        return null;
    }

    /// <summary>A repeated number may also come packed, as one length-delimited run.</summary>
    private static bool Accepts(FieldDescriptor field, WireFormat.WireType wireType)
    {
        var expected = Expected(field.FieldType);
        return wireType == expected
            || (field.IsRepeated && wireType == WireFormat.WireType.LengthDelimited && expected != WireFormat.WireType.StartGroup);
    }

    private static WireFormat.WireType Expected(FieldType type) => type switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireFormat.WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireFormat.WireType.Fixed32,
        FieldType.String or FieldType.Bytes or FieldType.Message => WireFormat.WireType.LengthDelimited,
        FieldType.Group => WireFormat.WireType.StartGroup,
        _ => WireFormat.WireType.Varint,
    };
}

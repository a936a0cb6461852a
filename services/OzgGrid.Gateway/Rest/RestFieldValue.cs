using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using OzgGrid.Gateway.Validation;

namespace OzgGrid.Gateway.Rest;

/// <summary>
/// Whether a path variable's or query parameter's text is a value of its field, as transcoding converts it: numbers
/// in the invariant culture, enums by name or number, timestamps in RFC 3339, wrappers as their value.
/// </summary>
public static class RestFieldValue
{
    /// <summary>What is wrong with <paramref name="text"/> as a value of <paramref name="field"/>, or null if nothing.</summary>
    public static string? Refusal(FieldDescriptor field, string text)
    {
        var quoted = RequestGuard.Quote(text);
        return field.FieldType switch
        {
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? null : $"Must be a whole number from {int.MinValue} to {int.MaxValue}, not {quoted}.",
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? null : $"Must be a whole number from {long.MinValue} to {long.MaxValue}, not {quoted}.",
            FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? null : $"Must be a whole number from 0 to {uint.MaxValue}, not {quoted}.",
            FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? null : $"Must be a whole number from 0 to {ulong.MaxValue}, not {quoted}.",
            FieldType.Double or FieldType.Float => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _)
                ? null : $"Must be a number, not {quoted}.",
            FieldType.Bool => bool.TryParse(text.Trim(), out _) ? null : $"Must be true or false, not {quoted}.",
            FieldType.Enum => IsEnumValue(field.EnumType, text) ? null : $"Must be a value of {field.EnumType.FullName}, by name or number, not {quoted}.",
            FieldType.Bytes => Convert.TryFromBase64String(text, new byte[text.Length], out _) ? null : $"Must be base64, not {quoted}.",
            FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName => IsTimestamp(text)
                ? null : $"Must be an RFC 3339 timestamp such as 2024-05-01T00:00:00Z, not {quoted}.",
            FieldType.Message when field.MessageType.File.Name == "google/protobuf/wrappers.proto" => Refusal(field.MessageType.FindFieldByName("value"), text),
            FieldType.Message => $"Not a single value; give its fields ({field.Name}.…).",
            _ => null,
        };
    }

    private static bool IsEnumValue(EnumDescriptor type, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? type.FindValueByNumber(number) is not null
            : type.FindValueByName(text) is not null;

    private static bool IsTimestamp(string text)
    {
        try
        {
            JsonParser.Default.Parse<Timestamp>(JsonSerializer.Serialize(text));
            return true;
        }
        catch (Exception invalid) when (invalid is InvalidProtocolBufferException or FormatException)
        {
            return false;
        }
    }
}

using Google.Protobuf;

namespace OzgGrid.Web;

/// <summary>The protobuf JSON the page reads: field names in lowerCamelCase, enums by name, zero values written out.</summary>
internal static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static string Format(IMessage message) => Formatter.Format(message);
}

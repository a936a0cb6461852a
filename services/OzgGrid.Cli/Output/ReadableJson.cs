using System.Text.Encodings.Web;

namespace OzgGrid.Cli.Output;

/// <summary>
/// JSON for people and scripts alike: "Schleswig-Holstein → flächendeckend", "+00:00" as they are, not \u-escaped.
/// The output is never embedded in HTML, which is what the default escaping guards against.
/// </summary>
public static class ReadableJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly System.Text.Json.JsonSerializerOptions SerializerOptions = new() { Encoder = Encoder };
}

namespace OzgGrid.Cli.Bulk;

/// <summary>One data row of a bulk CSV file: its line number in the file and its fields by (lower-case) column name.</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string Get(string column) => Fields.TryGetValue(column, out var value) ? value.Trim() : "";

    public int RequireInt(string column)
    {
        var text = Get(column);
        return text.Length == 0
            ? throw new CliException($"{column} is missing")
            : int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new CliException($"{column} '{text}' is not a whole number");
    }

    public int? OptionalInt(string column) => Get(column).Length == 0 ? null : RequireInt(column);

    public long? OptionalLong(string column)
    {
        var text = Get(column);
        if (text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliException($"{column} '{text}' is not a whole number");
    }
}

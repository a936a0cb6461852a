using System.Globalization;
using CsvHelper;

namespace OzgGrid.Grains.Catalog;

/// <summary>One data row of a catalogue file, read by column name; a missing or empty column reads as null.</summary>
internal sealed class CsvRow(CsvReader csv)
{
    public int Line { get; } = csv.Parser.RawRow;

    public string? Text(string column) =>
        csv.TryGetField<string>(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public int? Int(string column) =>
        int.TryParse(Text(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

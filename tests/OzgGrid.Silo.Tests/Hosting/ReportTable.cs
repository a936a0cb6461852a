using System.Globalization;
using CsvHelper;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>A report's CSV read back: the header, and each row as column → cell.</summary>
public static class ReportTable
{
    public static (string[] Header, List<Dictionary<string, string>> Rows) Read(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        Assert.True(reader.Read(), "the report has no header row");
        reader.ReadHeader();
        var header = reader.HeaderRecord ?? [];
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((column, i) => (column, reader.GetField(i) ?? string.Empty)).ToDictionary(c => c.column, c => c.Item2));
        }

        return (header, rows);
    }
}

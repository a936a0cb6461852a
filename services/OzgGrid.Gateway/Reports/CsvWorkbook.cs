using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace OzgGrid.Gateway.Reports;

/// <summary>A CSV table (header row first) as an XLSX workbook of one sheet, figures as numbers.</summary>
public static class CsvWorkbook
{
    /// <summary>Excel refuses longer sheet names.</summary>
    private const int MaxSheetName = 31;

    /// <summary>Longer digit strings are keys (a LeiKa key has 14 digits) that Excel would show as 9.9E+13.</summary>
    private const int MaxNumberLength = 12;

    public static byte[] From(string csv, string sheetName)
    {
        var (header, records) = Read(csv);
        var numeric = Enumerable.Range(0, header.Length).Select(column => records.All(record => IsFigure(record[column]))).ToArray();
        IEnumerable<IDictionary<string, object?>> rows = records.Count == 0
            ? [header.ToDictionary(column => column, _ => (object?)null)]
            : records.Select(record => (IDictionary<string, object?>)Enumerable.Range(0, header.Length).ToDictionary(
                column => header[column],
                column => record[column].Length == 0 ? null : numeric[column] ? decimal.Parse(record[column], CultureInfo.InvariantCulture) : (object)record[column]));

        using var workbook = new MemoryStream();
        workbook.SaveAs(rows, sheetName: sheetName.Length > MaxSheetName ? sheetName[..MaxSheetName] : sheetName, excelType: ExcelType.XLSX);
        return workbook.ToArray();
    }

    private static (string[] Header, List<string[]> Records) Read(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        if (!reader.Read())
        {
            return ([], []);
        }

        reader.ReadHeader();
        var header = reader.HeaderRecord ?? [];
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, header.Length).Select(i => reader.GetField(i) ?? string.Empty)]);
        }

        return (header, records);
    }

    /// <summary>
    /// A figure reads back as written: a column holding a key with a leading zero (an AGS such as "05111000") keeps
    /// every value as text, so that the column does not mix numbers and text.
    /// </summary>
    private static bool IsFigure(string text) =>
        text.Length == 0
        || (text.Length <= MaxNumberLength
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number.ToString(CultureInfo.InvariantCulture) == text);
}

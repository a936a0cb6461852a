using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OzgGrid.Gateway.Reports;

/// <summary>
/// The CSV writer of every report. Reports hold texts that IT-Dienstleister wrote (names, Hersteller, Anschluss
/// values) and are opened in spreadsheets, which run a cell starting with =, +, -, @, a tab or a line break as a
/// formula: such a text cell is written with a leading apostrophe, so that a spreadsheet shows it as text. Numbers,
/// negative ones among them, are written as they are.
/// </summary>
public sealed class ReportCsvWriter(TextWriter text) : CsvWriter(text, EscapingFormulas)
{
    private static readonly CsvConfiguration EscapingFormulas = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    protected override string? SanitizeForInjection(string? field) =>
        field is null || decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? field
            : base.SanitizeForInjection(field);
}

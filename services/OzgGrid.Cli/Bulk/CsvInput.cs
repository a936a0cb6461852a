using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OzgGrid.Cli.Bulk;

/// <summary>
/// Reads a bulk CSV file with a header row. Comma or semicolon (as spreadsheets in Germany save it) are both fine;
/// column names are matched without regard to case. A file that cannot be read, lacks a required column, or has a
/// column twice or one ozgctl does not know (a misspelled expected_version would silently drop the check) stops the
/// run before anything is sent.
/// </summary>
public static class CsvInput
{
    public static IReadOnlyList<CsvRow> Read(string path, IReadOnlyCollection<string> requiredColumns, IReadOnlyCollection<string> knownColumns)
    {
        try
        {
            using var reader = new StreamReader(path);
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = true,
                DetectDelimiterValues = [",", ";", "\t"],
                PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
                BadDataFound = null,
                MissingFieldFound = null,
            };
            using var csv = new CsvReader(reader, configuration);
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw new CliException($"{path} is empty: expected a header row with {string.Join(", ", requiredColumns)}");
            }

            var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var missing = requiredColumns.Where(column => !header.Contains(column)).ToList();
            if (missing.Count > 0)
            {
                throw new CliException(
                    $"{path}: the header lacks {string.Join(", ", missing)} (columns: {string.Join(", ", knownColumns)}; found: {string.Join(", ", header)})");
            }

            var unknown = header.Where(column => !knownColumns.Contains(column)).ToList();
            if (unknown.Count > 0)
            {
                throw new CliException(
                    $"{path}: unknown column{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)} (columns: {string.Join(", ", knownColumns)})");
            }

            if (header.GroupBy(column => column).FirstOrDefault(group => group.Count() > 1) is { } twice)
            {
                throw new CliException($"{path}: the column {twice.Key} appears more than once");
            }

            var rows = new List<CsvRow>();
            var lastLine = csv.Parser.RawRow;
            while (csv.Read())
            {
                var firstLine = lastLine + 1;
                lastLine = csv.Parser.RawRow;
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    fields[header[i]] = csv.TryGetField<string>(i, out var value) ? value ?? "" : "";
                    if (fields[header[i]].AsSpan().ContainsAny('\n', '\r'))
                    {
                        // No column of a bulk file holds several lines: a quote left open has swallowed the rows after it.
                        throw new CliException(
                            $"{path}: the {header[i]} of line {firstLine} runs on over the lines after it; is a quote left open?");
                    }
                }

                rows.Add(new CsvRow(csv.Parser.RawRow, fields));
            }

            return rows;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
        catch (CsvHelperException e)
        {
            throw new CliException($"{path} is not a CSV file ozgctl can read: {e.Message.Split('\n')[0]}");
        }
    }
}

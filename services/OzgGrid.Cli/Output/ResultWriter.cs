using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Google.Protobuf;
using OzgGrid.Protos.V1;
using Spectre.Console;

namespace OzgGrid.Cli.Output;

/// <summary>Writes a result in the format of --output: rows as a table, a JSON array of objects or CSV with a header row.</summary>
public sealed class ResultWriter(IAnsiConsole console, OutputFormat format)
{
    private static readonly JsonFormatter ProtoJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public OutputFormat Format => format;

    public void WriteRows(IReadOnlyList<OutputColumn> columns, IEnumerable<object?[]> rows, string? title = null)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(columns, rows);
                break;
            case OutputFormat.Csv:
                WriteRaw(ToCsv(columns, rows));
                break;
            default:
                var table = new Table().Border(TableBorder.Rounded);
                if (title is not null)
                {
                    table.Title(Markup.Escape(title));
                }

                foreach (var column in columns)
                {
                    table.AddColumn(Markup.Escape(column.Header));
                }

                foreach (var row in rows)
                {
                    table.AddRow(row.Select(cell => Markup.Escape(ForTable(cell))).ToArray());
                }

                console.Write(table);
                break;
        }
    }

    /// <summary>A single entity: a key/value table, its proto JSON (every field, for scripts) or one CSV row.</summary>
    public void WriteRecord(IMessage message, IReadOnlyList<OutputColumn> columns, object?[] values, string title)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteRaw(ProtoJson.Format(message) + Environment.NewLine);
                break;
            case OutputFormat.Csv:
                WriteRaw(ToCsv(columns, [values]));
                break;
            default:
                var grid = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title)).HideHeaders()
                    .AddColumn("field").AddColumn("value");
                for (var i = 0; i < columns.Count; i++)
                {
                    grid.AddRow(Markup.Escape(columns[i].Header), Markup.Escape(ForTable(values[i])));
                }

                console.Write(grid);
                break;
        }
    }

    /// <summary>Text that must reach stdout unchanged (CSV, JSON): no markup, no wrapping at the terminal width.</summary>
    public void WriteRaw(string text)
    {
        console.Profile.Out.Writer.Write(text);
        console.Profile.Out.Writer.Flush();
    }

    public static string ToCsv(IReadOnlyList<OutputColumn> columns, IEnumerable<object?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Key);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(ForCsv(cell));
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    private void WriteJson(IReadOnlyList<OutputColumn> columns, IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ReadableJson.Encoder }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < columns.Count; i++)
                {
                    json.WritePropertyName(columns[i].Key);
                    WriteJsonValue(json, row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        WriteRaw(System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine);
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case LaenderCell laender:
                json.WriteStartObject();
                foreach (var (land, verfuegbarkeit) in laender.Verfuegbarkeit)
                {
                    json.WriteString(land, Labels.Key(verfuegbarkeit));
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string ForTable(object? value) => value switch
    {
        null => "-",
        LaenderCell laender => laender.ForTable(),
        bool flag => flag ? "ja" : "nein",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string ForCsv(object? value) => value switch
    {
        null => "",
        LaenderCell laender => laender.ForCsv(),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The Reifegrad cell: a number in JSON and CSV, "3 Online-Leistung" in a table.</summary>
    public object ReifegradCell(int reifegrad) => format == OutputFormat.Table ? Labels.Reifegrad(reifegrad) : reifegrad;

    /// <summary>The Phase cell: "Roll-out" in a table, "roll-out" in JSON and CSV.</summary>
    public string PhaseCell(Umsetzungsphase phase) => format == OutputFormat.Table ? Labels.Of(phase) : Labels.Key(phase);
}

using System.CommandLine;
using System.Globalization;
using OzgGrid.Cli.Bulk;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `kommunen list|kreise|show|import`: a Land's register of Kommunen (Gemeinden) and Kreise, and the import of a newer
/// Gebietsstand (the columns of data/catalog/gemeinden_de.csv, plus merged_into for a Kommune that disappears).
/// </summary>
public static class KommunenCommands
{
    public static readonly string[] RequiredColumns = ["ags", "name"];
    public static readonly string[] Columns = ["ags", "name", "land", "kreis_ags", "kreis_name", "ars", "einwohner", "merged_into"];

    private static readonly OutputColumn[] KommuneColumns =
    [
        new("ags", "AGS"), new("name", "Name"), new("kreis_ags", "Kreis"), new("kreis_name", "Kreisname"), new("ars", "ARS"),
        new("einwohner", "Einwohner"), new("merged_into", "Aufgegangen in"),
    ];

    private static readonly OutputColumn[] KreisColumns =
    [
        new("kreis_ags", "Kreis"), new("name", "Name"), new("kommunen", "Kommunen"), new("einwohner", "Einwohner"),
    ];

    private static readonly OutputColumn[] ImportColumns =
    [
        new("land", "Land"), new("count", "Kommunen"), new("added", "Hinzugefügt"), new("removed", "Entfernt"), new("changed", "Geändert"),
        new("merged", "Zusammengelegt"), new("version", "Version"),
    ];

    public static Command Create(CliConsole console) => new("kommunen", "The Kommunen register of the Länder: Kommunen, Kreise, a newer Gebietsstand")
    {
        List(console), Kreise(console), Show(console), Import(console),
    };

    private static Command List(CliConsole console)
    {
        var land = new Argument<string>("land") { Description = "Land kürzel or code" };
        var kreis = new Option<string?>("--kreis") { Description = "Only the Kommunen of this Kreis (5 digits)" };
        var retired = new Option<bool>("--retired") { Description = "The Kommunen retired by a merger instead of the current ones" };
        var command = new Command("list", "A Land's Kommunen, by AGS") { land, kreis, retired };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var (rows, token, attribution) = (new List<object?[]>(), string.Empty, string.Empty);
            do
            {
                var request = new ListKommunenRequest
                {
                    Land = parsed.GetValue(land) ?? "", KreisAgs = parsed.GetValue(kreis) ?? "", Retired = parsed.GetValue(retired), PageSize = 500, PageToken = token,
                };
                var page = await context.Connection.CallAsync((channel, options) => Client(channel).ListKommunenAsync(request, options).ResponseAsync, cancellationToken);
                rows.AddRange(page.Kommunen.Select(k => new object?[] { k.Ags, k.Name, k.KreisAgs, k.KreisName, k.Ars, k.Einwohner, k.MergedInto }));
                (token, attribution) = (page.NextPageToken, page.Attribution);
            }
            while (token.Length > 0);

            context.Results.WriteRows(KommuneColumns, rows, Titled($"Kommunen of {parsed.GetValue(land)}", attribution));
            return ExitCodes.Ok;
        });
    }

    private static Command Kreise(CliConsole console)
    {
        var land = new Argument<string>("land") { Description = "Land kürzel or code" };
        var command = new Command("kreise", "A Land's Kreise with their Kommunen count and population") { land };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ListKreiseRequest { Land = parsed.GetValue(land) ?? "" };
            var response = await context.Connection.CallAsync((channel, options) => Client(channel).ListKreiseAsync(request, options).ResponseAsync, cancellationToken);
            context.Results.WriteRows(KreisColumns, response.Kreise.Select(k => new object?[] { k.KreisAgs, k.Name, k.Kommunen, k.Einwohner }),
                Titled($"Kreise of {response.Land}", response.Attribution));
            return ExitCodes.Ok;
        });
    }

    private static Command Show(CliConsole console)
    {
        var ags = new Argument<string>("ags") { Description = "8 digits" };
        var command = new Command("show", "One Kommune by AGS, current or retired (then with the Kommune it merged into)") { ags };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetKommuneRequest { Ags = parsed.GetValue(ags) ?? "" };
            var response = await context.Connection.CallAsync((channel, options) => Client(channel).GetKommuneAsync(request, options).ResponseAsync, cancellationToken);
            var k = response.Kommune;
            context.Results.WriteRecord(response, KommuneColumns, [k.Ags, k.Name, k.KreisAgs, k.KreisName, k.Ars, k.Einwohner, k.MergedInto],
                Titled(response.Retired ? $"Kommune {k.Ags} (retired; now {response.SuccessorAgs})" : $"Kommune {k.Ags}", response.Attribution));
            return ExitCodes.Ok;
        });
    }

    private static Command Import(CliConsole console)
    {
        var land = new Argument<string>("land") { Description = "Land kürzel or code" };
        var file = new Option<FileInfo>("--gebietsstand") { Description = $"CSV with {string.Join(", ", Columns)} (merged_into optional)", Required = true };
        var attribution = new Option<string?>("--attribution") { Description = "The attribution the data's licence asks for; default: keep the register's" };
        var requestId = WriteOptions.RequestId();
        var command = new Command("import", "Replaces a Land's register with a newer Gebietsstand (role programm-management)") { land, file, attribution, requestId };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var rows = CsvInput.Read(parsed.GetValue(file)!.FullName, RequiredColumns, Columns);
            var request = new ImportKommunenRequest
            {
                RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), Land = parsed.GetValue(land) ?? "",
                Attribution = parsed.GetValue(attribution) ?? "", Kommunen = { rows.Select(ToKommune) },
            };
            var r = await context.Connection.CallAsync((channel, options) => Client(channel).ImportKommunenAsync(request, options).ResponseAsync, cancellationToken);
            context.Results.WriteRecord(r, ImportColumns, [r.Land, r.Count, r.Added, r.Removed, r.Changed, r.Merged, r.Version], $"Kommunen register of {r.Land}");
            return ExitCodes.Ok;
        });
    }

    private static Kommune ToKommune(CsvRow row)
    {
        string Field(string column) => row.Fields.TryGetValue(column, out var value) ? value.Trim() : string.Empty;
        var einwohner = Field("einwohner");
        return new Kommune
        {
            Ags = Field("ags"), Name = Field("name"), KreisAgs = Field("kreis_ags"), KreisName = Field("kreis_name"), Ars = Field("ars"),
            MergedInto = Field("merged_into"),
            Einwohner = einwohner.Length == 0 ? 0
                : int.TryParse(einwohner, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
                : throw new CliException($"line {row.Line}: einwohner '{einwohner}' is not a whole number"),
        };
    }

    private static string Titled(string title, string attribution) => attribution.Length > 0 ? $"{title} — {attribution}" : title;

    private static RolloutService.RolloutServiceClient Client(Grpc.Core.ChannelBase channel) => new(channel);
}

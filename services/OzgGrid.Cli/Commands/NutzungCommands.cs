using System.CommandLine;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Cli.Bulk;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `nutzung import FILE.csv`: monthly transactions per Onlinedienst and Kommune, streamed to OzgGrid in one import; the
/// reads and the report are in <c>NutzungCommands.Reads.cs</c>.
/// </summary>
public static partial class NutzungCommands
{
    private static readonly string[] Columns = ["onlinedienst_id", "ags", "monat", "transaktionen"];

    private static readonly OutputColumn[] ResultColumns = [new("rows", "Zeilen"), new("records", "Nutzungsdatensätze")];

    /// <summary>Rows per stream message: small messages, few of them.</summary>
    private const int RowsPerMessage = 500;

    /// <summary>An import of a large file takes longer than an ordinary call.</summary>
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(30);

    public static Command Create(CliConsole console) => new("nutzung", "Usage figures (Nutzungszahlen) of the Onlinedienste")
    {
        Import(console), Show(console), Befunde(console), Report(console),
    };

    private static Command Import(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "CSV with the columns onlinedienst_id, ags, monat (YYYY-MM), transaktionen" };
        var requestId = WriteOptions.RequestId();
        var command = new Command("import", "Imports the file as one import; a re-imported month replaces its value") { file, requestId };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var rows = CsvInput.Read(path, Columns, Columns);
            if (rows.Count == 0)
            {
                throw new CliException($"{path} has a header but no rows: nothing to import");
            }

            var messages = Messages(path, rows);
            var id = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString();
            ImportNutzungResult result;
            try
            {
                // A retry after a lost connection sends the same rows under the same id: OzgGrid applies them once.
                result = await context.Connection.CallAsync(
                    (channel, options) => StreamAsync(channel, options.WithDeadline(DateTime.UtcNow + ImportTimeout), id, messages), cancellationToken);
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.InvalidArgument && RowNumber().Match(refused.Status.Detail) is { Success: true } row)
            {
                var line = rows[int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1].Line;
                throw new CliException($"{path} line {line}: {refused.Status.Detail}; nothing was imported");
            }

            context.Results.WriteRows(ResultColumns, [[result.Rows, result.Records]], $"{path}: imported under request id {id}");
            return ExitCodes.Ok;
        });
    }

    /// <summary>The rows as stream messages, the request id to be set on the first; a value that is no number stops the run with its line.</summary>
    private static List<List<NutzungRow>> Messages(string path, IReadOnlyList<CsvRow> rows)
    {
        var messages = new List<List<NutzungRow>>();
        foreach (var chunk in rows.Chunk(RowsPerMessage))
        {
            messages.Add([.. chunk.Select(row =>
            {
                try
                {
                    return new NutzungRow
                    {
                        OnlinedienstId = row.Get("onlinedienst_id"), Ags = row.Get("ags"), Monat = row.Get("monat"),
                        Transaktionen = row.OptionalLong("transaktionen") ?? throw new CliException("transaktionen is missing"),
                    };
                }
                catch (CliException bad)
                {
                    throw new CliException($"{path} line {row.Line}: {bad.Message}; nothing was imported");
                }
            })]);
        }

        return messages;
    }

    private static async Task<ImportNutzungResult> StreamAsync(GrpcChannel channel, CallOptions options, string requestId, List<List<NutzungRow>> messages)
    {
        using var call = new NutzungService.NutzungServiceClient(channel).ImportNutzung(options);
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                await call.RequestStream.WriteAsync(new ImportNutzungRequest { RequestId = i == 0 ? requestId : string.Empty, Rows = { messages[i] } });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (InvalidOperationException)
        {
            // OzgGrid answered before the last row (a refusal): its answer says why.
        }

        return await call.ResponseAsync;
    }

    [GeneratedRegex(@"^row (\d+)\b")]
    private static partial Regex RowNumber();
}

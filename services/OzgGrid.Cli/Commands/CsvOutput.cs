namespace OzgGrid.Cli.Commands;

/// <summary>Where a report's CSV goes: to the file of <c>--out</c> (and a note on stderr), else to stdout.</summary>
public static class CsvOutput
{
    public static async Task WriteAsync(CliContext context, string fileName, string csv, FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            context.Results.WriteRaw(csv);
            return;
        }

        try
        {
            await File.WriteAllTextAsync(file.FullName, csv, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {file.FullName}: {e.Message}");
        }

        context.Note($"{fileName}: {csv.Count(c => c == '\n')} lines written to {file.FullName}");
    }
}

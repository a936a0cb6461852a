namespace OzgGrid.Cli.Output;

/// <summary>--output: a table for people, JSON or CSV for scripts and spreadsheets.</summary>
public enum OutputFormat
{
    Table,
    Json,
    Csv,
}

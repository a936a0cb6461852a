namespace OzgGrid.Cli.Output;

/// <summary>A column of a result: <see cref="Key"/> names it in JSON and CSV, <see cref="Header"/> in a table.</summary>
public sealed record OutputColumn(string Key, string Header);

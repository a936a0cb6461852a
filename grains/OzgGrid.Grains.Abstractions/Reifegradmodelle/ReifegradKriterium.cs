namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>One criterion of a model: its key (what ratings are stored under, e.g. "K03"), name and what the data says of its source.</summary>
public sealed record ReifegradKriterium(string Key, string Bezeichnung, string Hinweis);

namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>
/// A responsible Kommune where the Leistung is not online yet: what blocks it (the first open item of the Onlinedienst
/// furthest along there; null when all are set and the report is on its way, or no Onlinedienst is in use there),
/// that Onlinedienst (empty: none), its planned Go-Live and whether that has passed.
/// </summary>
public sealed record FehlendeKommune(string Ags, AnschlussSchritt? Blocker, string OnlinedienstId, DateOnly? GoLiveGeplant, bool Ueberfaellig);

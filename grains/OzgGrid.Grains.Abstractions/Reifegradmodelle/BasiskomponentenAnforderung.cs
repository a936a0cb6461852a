namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>A Basiskomponente that reaching <see cref="Stufe"/> needs: for one criterion, or (null) for the level as a whole.</summary>
public sealed record BasiskomponentenAnforderung(int Stufe, string? Kriterium, Basiskomponente Komponente);

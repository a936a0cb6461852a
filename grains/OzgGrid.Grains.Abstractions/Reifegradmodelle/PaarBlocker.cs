namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>What holds one pair (Onlinedienst, LeiKa-Leistung) below a level; <see cref="Zaehlt"/>: published and in use.</summary>
public sealed record PaarBlocker(string OnlinedienstId, string LeikaKey, int OzgId, bool Zaehlt, ReifegradBlocker Blocker);

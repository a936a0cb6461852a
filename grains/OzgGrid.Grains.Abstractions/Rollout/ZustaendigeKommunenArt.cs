namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>Which of a Land's Kommunen carry out a Leistung there.</summary>
public enum ZustaendigeKommunenArt
{
    /// <summary>Every Kommune of the Land's register (the default).</summary>
    Alle = 1,

    /// <summary>None: the Land (or the Bund) carries it out itself.</summary>
    Keine = 2,

    /// <summary>The Kommunen listed by AGS.</summary>
    Liste = 3,
}

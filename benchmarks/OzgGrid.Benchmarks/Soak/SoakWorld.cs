namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// What the soak set up before the load: its IT-Dienstleister (serving <see cref="Land"/>), the Leistungen of each
/// status writer (assigned to it), those of the Zuständigkeit writer, those reported on per Kommune (at Reifegrad 3,
/// assigned to it), the Kommunen of the Land's register, Leistungen nobody of the soak writes (for hostile calls), and a
/// status update whose request id the hostile traffic reuses.
/// </summary>
public sealed record SoakWorld(
    string ItDienstleister,
    string Land,
    int[][] StatusLeistungen,
    int[] ZustaendigkeitLeistungen,
    int[] RolloutLeistungen,
    string[] Kommunen,
    int[] ForeignLeistungen,
    (int OzgId, string RequestId) UsedRequest)
{
    /// <summary>Every Leistung the soak's writers and reporters change.</summary>
    public int[] Written => [.. StatusLeistungen.SelectMany(l => l), .. ZustaendigkeitLeistungen, .. RolloutLeistungen];
}

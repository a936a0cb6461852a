namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>The two models, loaded once from the shipped data.</summary>
public sealed class ReifegradModelle(ReifegradModell v11, ReifegradModell v20)
{
    public ReifegradModell V11 => v11;

    public ReifegradModell V20 => v20;

    public ReifegradModell this[ReifegradModellVersion version] => version switch
    {
        ReifegradModellVersion.Modell11 => v11,
        ReifegradModellVersion.Modell20 => v20,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown Reifegradmodell."),
    };
}

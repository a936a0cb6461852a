namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>The kinds of user account an Onlinedienst accepts.</summary>
public enum NutzerkontoArt
{
    BundId = 1,
    MeinUnternehmenskonto = 2,

    /// <summary>A Land's own account (the Land is named with it).</summary>
    Landeskonto = 3,
}

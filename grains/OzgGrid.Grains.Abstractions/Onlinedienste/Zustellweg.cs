namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>How an Onlinedienst delivers applications to the authority.</summary>
public enum Zustellweg
{
    FitConnect = 1,
    XtaOsci = 2,
}

namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>
/// The checklist of an Onlinedienst's going live in a Kommune, in the order the work is usually done; the first one
/// not set is what blocks the Kommune.
/// </summary>
public enum AnschlussSchritt
{
    /// <summary>Nachnutzungsvereinbarung / AVV signed: the date of signing.</summary>
    Nachnutzungsvereinbarung = 1,

    /// <summary>Zustellweg set up: "fit-connect:{destination id}" or "xta:{DVDV entry}".</summary>
    Zustellweg = 2,

    /// <summary>PVOG entry with the service's link: the link.</summary>
    PvogEintrag = 3,

    /// <summary>Fachverfahren connected: its name.</summary>
    Fachverfahren = 4,

    /// <summary>Bezahldienst set up: its name (or "nicht erforderlich").</summary>
    Bezahldienst = 5,

    /// <summary>Go-Live planned: the date.</summary>
    GoLiveGeplant = 6,

    /// <summary>Go-Live done: the date (not in the future).</summary>
    GoLiveErfolgt = 7,

    /// <summary>Confirmed by the Kommune: who there confirmed, entered on its behalf by the Anbieter or the programme management.</summary>
    BestaetigtDurchKommune = 8,
}

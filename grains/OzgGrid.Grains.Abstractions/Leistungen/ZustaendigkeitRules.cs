using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>What a valid ownership looks like.</summary>
public static class ZustaendigkeitRules
{
    public const int MaxNameLength = 200;

    /// <exception cref="InvalidFieldException">The first field that is not valid.</exception>
    public static void Validate(Zustaendigkeit zustaendigkeit)
    {
        var stelle = zustaendigkeit.UmsetzendeStelle;
        switch (stelle.Art)
        {
            case UmsetzendeStelleArt.Land when !LaenderRegister.IsKuerzel(stelle.Name):
                throw new InvalidFieldException("zustaendigkeit.land", $"Unknown Land '{stelle.Name}'.");
            case UmsetzendeStelleArt.Bundesressort when string.IsNullOrWhiteSpace(stelle.Name) || stelle.Name.Length > MaxNameLength:
                throw new InvalidFieldException("zustaendigkeit.bundesressort", $"A Bundesressort needs a name of 1–{MaxNameLength} characters.");
            case UmsetzendeStelleArt.Land or UmsetzendeStelleArt.Bundesressort:
                break;
            default:
                throw new InvalidFieldException("zustaendigkeit.umsetzende_stelle", "Set either land or bundesressort.");
        }

        if (zustaendigkeit.ItDienstleister.Length > MaxNameLength)
        {
            throw new InvalidFieldException("zustaendigkeit.it_dienstleister", $"At most {MaxNameLength} characters.");
        }

        foreach (var land in zustaendigkeit.NachnutzerLaender)
        {
            if (!LaenderRegister.IsKuerzel(land))
            {
                throw new InvalidFieldException("zustaendigkeit.nachnutzer_laender", $"Unknown Land '{land}'.");
            }
        }

        if (!zustaendigkeit.Efa && !zustaendigkeit.NachnutzerLaender.IsEmpty)
        {
            throw new InvalidFieldException(
                "zustaendigkeit.nachnutzer_laender", "Only an EfA Leistung (efa = true) has Nachnutzer-Länder.");
        }

        if (stelle.Art == UmsetzendeStelleArt.Land && zustaendigkeit.NachnutzerLaender.Contains(stelle.Name))
        {
            throw new InvalidFieldException(
                "zustaendigkeit.nachnutzer_laender", $"{stelle.Name} builds the Leistung and cannot also reuse it.");
        }
    }
}

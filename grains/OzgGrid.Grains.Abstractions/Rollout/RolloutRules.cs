using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>How a Land's Verfügbarkeit follows from its Kommunen, and what a single report may not say.</summary>
public static class RolloutRules
{
    /// <summary>
    /// Flächendeckend when every registered Kommune has the Leistung online; in mindestens einer Kommune when at least one
    /// has; Pilot when none has it online but at least one pilots it; otherwise keine.
    /// </summary>
    public static Verfuegbarkeit Derive(int registered, int online, int pilot) =>
        registered > 0 && online >= registered ? Verfuegbarkeit.Flaechendeckend
        : online > 0 ? Verfuegbarkeit.InMindestensEinerKommune
        : pilot > 0 ? Verfuegbarkeit.Pilot
        : Verfuegbarkeit.Keine;

    /// <summary>
    /// With no responsible Kommune in the Land there is nothing to count: the Land (or the Bund) offers the Leistung
    /// itself, for everyone at once, so it is flächendeckend from its go-live, the Reifegrad from which the OZG counts a
    /// Leistung as online (2); as the Reifegradmodell says of the Bund's Leistungen ("bei Go-live flächendeckend").
    /// </summary>
    public static Verfuegbarkeit DeriveCentral(int reifegrad) =>
        reifegrad >= Reifegrad.FormularAssistent ? Verfuegbarkeit.Flaechendeckend : Verfuegbarkeit.Keine;

    /// <exception cref="InvalidFieldException">A value out of range.</exception>
    /// <exception cref="RuleViolationException">Available in the Kommune while offline there.</exception>
    public static void Validate(RolloutReport report)
    {
        if (!Enum.IsDefined(report.Verfuegbarkeit))
        {
            throw new InvalidFieldException("verfuegbarkeit", $"Unknown Kommune Verfügbarkeit {(int)report.Verfuegbarkeit}.");
        }

        if (!Reifegrad.IsValid(report.Reifegrad))
        {
            throw new InvalidFieldException("reifegrad", $"reifegrad must be 0–4, not {report.Reifegrad}.");
        }

        // The same rule as for a Land: what is offline (Reifegrad 0) cannot be available.
        if (report.Reifegrad == Reifegrad.Offline && report.Verfuegbarkeit != KommuneVerfuegbarkeit.Keine)
        {
            throw new RuleViolationException(
                $"Kommune {report.Ags}: a Leistung with Reifegrad 0 (Offline) cannot be {report.Verfuegbarkeit} there; report its Reifegrad too.");
        }
    }
}

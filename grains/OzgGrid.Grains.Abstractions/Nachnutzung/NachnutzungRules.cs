using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Grains.Abstractions.Nachnutzung;

/// <summary>Which Nachnutzung transitions a Land may make without an override of the programme management.</summary>
public static class NachnutzungRules
{
    /// <summary>
    /// One step forward at a time, or back to <see cref="NachnutzungZustand.KeinInteresse"/> (a Land withdraws);
    /// anything else only with <paramref name="overrideByManagement"/>.
    /// </summary>
    /// <exception cref="RuleViolationException">The transition skips states and is not overridden.</exception>
    public static void EnsureAllowed(string land, NachnutzungZustand from, NachnutzungZustand to, bool overrideByManagement)
    {
        if (!IsStep(from, to) && !overrideByManagement)
        {
            throw new RuleViolationException(
                $"Nachnutzung in {land} cannot go from {from} to {to}: it moves one state at a time " +
                $"(next: {from + 1}); the programme management may override, which is recorded as such.");
        }
    }

    /// <summary>Staying, one state forward, or withdrawing: the transitions that need no override.</summary>
    public static bool IsStep(NachnutzungZustand from, NachnutzungZustand to) =>
        to == from || to == from + 1 || to == NachnutzungZustand.KeinInteresse;
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>How a status report changes a Leistung's status, and what it may not do.</summary>
public static class LeistungStatusRules
{
    /// <summary>
    /// Applies <paramref name="update"/> to <paramref name="current"/> and lists the fields that changed
    /// (none when the report repeats the current status).
    /// </summary>
    /// <exception cref="InvalidFieldException">A value out of range or an unknown Land.</exception>
    /// <exception cref="RuleViolationException">The resulting status is contradictory.</exception>
    public static (LeistungStatus Next, ImmutableArray<FieldChange> Changes) Apply(LeistungStatus current, LeistungStatusUpdate update)
    {
        if (update.IsEmpty)
        {
            throw new InvalidFieldException("reifegrad", "Nothing to change: set reifegrad, phase and/or verfuegbarkeit.");
        }

        var changes = ImmutableArray.CreateBuilder<FieldChange>();
        var next = current;

        if (update.Reifegrad is { } reifegrad)
        {
            if (!Reifegrad.IsValid(reifegrad))
            {
                throw new InvalidFieldException("reifegrad", $"reifegrad must be 0–4, not {reifegrad}.");
            }

            if (reifegrad != current.Reifegrad)
            {
                changes.Add(new("reifegrad", current.Reifegrad.ToString(), reifegrad.ToString()));
                next = next with { Reifegrad = reifegrad };
            }
        }

        if (update.Phase is { } phase)
        {
            if (!Enum.IsDefined(phase))
            {
                throw new InvalidFieldException("phase", $"Unknown Umsetzungsphase {(int)phase}.");
            }

            if (phase != current.Phase)
            {
                changes.Add(new("phase", current.Phase.ToString(), phase.ToString()));
                next = next with { Phase = phase };
            }
        }

        if (update.Verfuegbarkeit is { } landVerfuegbarkeit)
        {
            var (land, verfuegbarkeit) = (landVerfuegbarkeit.Land, landVerfuegbarkeit.Verfuegbarkeit);
            if (!LaenderRegister.IsKuerzel(land))
            {
                throw new InvalidFieldException("verfuegbarkeit.land", $"Unknown Land '{land}'.");
            }

            if (!Enum.IsDefined(verfuegbarkeit))
            {
                throw new InvalidFieldException("verfuegbarkeit.verfuegbarkeit", $"Unknown Verfügbarkeit {(int)verfuegbarkeit}.");
            }

            var before = current.VerfuegbarkeitIn(land);
            if (verfuegbarkeit != before)
            {
                changes.Add(new($"verfuegbarkeit.{land}", before.ToString(), verfuegbarkeit.ToString()));
                // Keine is the default, so it is not stored: the map lists only where a Leistung is available.
                next = next with
                {
                    Verfuegbarkeit = verfuegbarkeit == Verfuegbarkeit.Keine
                        ? next.Verfuegbarkeit.Remove(land)
                        : next.Verfuegbarkeit.SetItem(land, verfuegbarkeit),
                };
            }
        }

        EnsureConsistent(next);
        return (next, changes.ToImmutable());
    }

    private static void EnsureConsistent(LeistungStatus status)
    {
        // An offline Leistung (Reifegrad 0) has nothing online that a Land could offer.
        if (status.Reifegrad == Reifegrad.Offline && !status.Verfuegbarkeit.IsEmpty)
        {
            var laender = string.Join(", ", status.Verfuegbarkeit.Keys);
            throw new RuleViolationException(
                $"A Leistung with Reifegrad 0 (Offline) cannot be available in a Land, but it is in {laender}: " +
                "raise the Reifegrad first, or set those Länder to VERFUEGBARKEIT_KEINE.");
        }
    }
}

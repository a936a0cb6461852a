using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>How a project's dates fit together and what status they give on a day.</summary>
public static class UmsetzungsprojektRules
{
    public static readonly ImmutableArray<ProjektPhase> AllePhasen = [.. Enum.GetValues<ProjektPhase>()];

    public static ImmutableArray<PhasenTermine> LeerePhasen() => [.. AllePhasen.Select(PhasenTermine.Leer)];

    /// <summary>
    /// The phase the project is in on <paramref name="today"/>: the latest that began, in fact or by plan (the first
    /// while none has); and every phase whose planned end lies before today without an actual end.
    /// </summary>
    public static ProjektStatus StatusAt(ImmutableArray<PhasenTermine> phasen, DateOnly today)
    {
        var begun = phasen.Where(p => p.Beginn is not null || p.GeplanterBeginn <= today).Select(p => p.Phase).DefaultIfEmpty(ProjektPhase.Vorbereitung).Max();
        return new ProjektStatus(begun, [.. phasen.Where(p => IsOverdue(p, today)).Select(p => p.Phase)]);
    }

    public static bool IsOverdue(PhasenTermine phase, DateOnly today) => phase.Ende is null && phase.GeplantesEnde < today;

    /// <summary>
    /// The next moment after <paramref name="now"/> at which a planned date changes the status: the start of a planned
    /// begin day not yet begun, the day after a planned end not yet reached. Null when no date lies ahead.
    /// </summary>
    public static DateTimeOffset? NextChange(ImmutableArray<PhasenTermine> phasen, DateTimeOffset now)
    {
        var moments = phasen.SelectMany(p => new[]
        {
            p.Beginn is null ? Midnight(p.GeplanterBeginn) : null,
            p.Ende is null ? Midnight(p.GeplantesEnde?.AddDays(1)) : null,
        });
        return moments.Where(m => m > now).Min();
    }

    /// <summary>Checks one phase's dates: no end before its start, no actual date after <paramref name="today"/>.</summary>
    /// <exception cref="InvalidFieldException">Dates that cannot be.</exception>
    public static void EnsureConsistent(PhasenTermine termine, DateOnly today)
    {
        if (termine.GeplantesEnde < termine.GeplanterBeginn)
        {
            throw new InvalidFieldException("planned_end", $"The planned end {termine.GeplantesEnde:yyyy-MM-dd} lies before the planned start {termine.GeplanterBeginn:yyyy-MM-dd}.");
        }

        if (termine.Ende is not null && termine.Beginn is null)
        {
            throw new InvalidFieldException("actual_end", "A phase that ended must have begun: set actual_start too.");
        }

        if (termine.Ende < termine.Beginn)
        {
            throw new InvalidFieldException("actual_end", $"The actual end {termine.Ende:yyyy-MM-dd} lies before the actual start {termine.Beginn:yyyy-MM-dd}.");
        }

        if (termine.Beginn > today || termine.Ende > today)
        {
            throw new InvalidFieldException(termine.Ende > today ? "actual_end" : "actual_start", $"An actual date cannot lie after today ({today:yyyy-MM-dd}).");
        }
    }

    private static DateTimeOffset? Midnight(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Termine;

/// <summary>When a milestone counts as reached, and when it is overdue.</summary>
public static class MeilensteinRules
{
    /// <summary>
    /// The Leistung's phase is at least the milestone's. For one Land, from Pilotierung on the Land's Verfügbarkeit
    /// has to show it too: Pilotierung needs a Pilot there, Roll-out at least one Kommune, Regelbetrieb flächendeckend.
    /// </summary>
    public static bool IsReached(Meilenstein meilenstein, LeistungStatus status)
    {
        if (status.Phase < meilenstein.Phase)
        {
            return false;
        }

        if (meilenstein.Land.Length == 0)
        {
            return true;
        }

        var needed = meilenstein.Phase switch
        {
            Umsetzungsphase.Pilotierung => Verfuegbarkeit.Pilot,
            Umsetzungsphase.RollOut => Verfuegbarkeit.InMindestensEinerKommune,
            Umsetzungsphase.Regelbetrieb => Verfuegbarkeit.Flaechendeckend,
            _ => Verfuegbarkeit.Keine,
        };
        return status.VerfuegbarkeitIn(meilenstein.Land) >= needed;
    }

    /// <summary>
    /// True when a milestone reached under <paramref name="before"/> may not be reached under <paramref name="after"/>:
    /// the phase went down, or the Verfügbarkeit in some Land did.
    /// </summary>
    public static bool MayUnreach(LeistungStatus before, LeistungStatus after) =>
        after.Phase < before.Phase || before.Verfuegbarkeit.Any(land => after.VerfuegbarkeitIn(land.Key) < land.Value);

    /// <summary>Overdue once its planned day is over (UTC) and it is not reached.</summary>
    public static bool IsOverdue(Meilenstein meilenstein, LeistungStatus status, DateTimeOffset now) =>
        DateOnly.FromDateTime(now.UtcDateTime) > meilenstein.Geplant && !IsReached(meilenstein, status);

    /// <summary>The moment a milestone becomes overdue if not reached: the start of the day after its planned day (UTC).</summary>
    public static DateTimeOffset DueAt(Meilenstein meilenstein) =>
        new(meilenstein.Geplant.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

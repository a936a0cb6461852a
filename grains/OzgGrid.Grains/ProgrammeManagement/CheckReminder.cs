namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>
/// The reminder of a record whose status moves with the programme clock (an Umsetzungsprojekt's phases, an Anschluss
/// record's Go-Lives): due at the next moment that moves it, at the latest after the check period, and removed when no
/// such moment lies ahead.
/// </summary>
internal static class CheckReminder
{
    private static readonly TimeSpan ShortestDueTime = TimeSpan.FromMinutes(1);

    public static async Task ScheduleAsync(Grain grain, string name, DateTimeOffset? next, DateTimeOffset now, TimeSpan period)
    {
        if (next is not { } moment)
        {
            if (await grain.GetReminder(name) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }

            return;
        }

        var shortest = ShortestDueTime < period ? ShortestDueTime : period;
        var dueTime = TimeSpan.FromTicks(Math.Clamp((moment - now).Ticks, shortest.Ticks, period.Ticks));
        await grain.RegisterOrUpdateReminder(name, dueTime, period);
    }
}

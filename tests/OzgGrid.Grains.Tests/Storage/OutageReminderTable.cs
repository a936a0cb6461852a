namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// The silo's reminder table, whose registrations fail while <see cref="Down"/> is set, as they do while the storage
/// account that also holds the reminders is unreachable.
/// </summary>
public sealed class OutageReminderTable(IReminderTable inner) : IReminderTable
{
    private volatile bool _down;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    public Task<string?> UpsertRow(ReminderEntry entry) =>
        _down ? throw new OrleansException($"Reminder table unavailable for {entry.GrainId} (a test outage).") : inner.UpsertRow(entry);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => inner.RemoveRow(grainId, reminderName, eTag);

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();
}

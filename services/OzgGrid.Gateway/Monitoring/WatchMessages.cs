using Google.Protobuf.WellKnownTypes;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Protos.V1;
using Domain = OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// The monitoring streams' messages for published changes, batched or one by one, filtered per stream. A change is
/// mapped once per silo, and an unfiltered batch built and serialized once, for every stream of this silo.
/// </summary>
internal sealed class WatchMessages
{
    /// <summary>Bounds a batched message (a long replay is sent in several), well under clients' 4 MB message limit.</summary>
    private const int MaxChangesPerBatch = 1_000;

    // Keyed by the hub's objects, which every stream of this silo shares; entries go when the hub lets go of them.
    private readonly BuiltOnce<PublishedChange, MappedChange> _mapped = new();
    private readonly BuiltOnce<HubMessage.Changes, List<WatchProgrammeResponse>> _unfilteredBatches = new();

    /// <summary>The messages every unfiltered batched stream sends for a hub batch, shared by them.</summary>
    public List<WatchProgrammeResponse> UnfilteredBatches(HubMessage.Changes changes) =>
        _unfilteredBatches.Get(changes, batch => [.. Batches(WatchFilter.All, batch.Published, batch.Epoch).Select(SharedStreamMessages.Share)]);

    public List<WatchProgrammeResponse> Compose(WatchFilter filter, bool batched, IReadOnlyList<PublishedChange> changes, long epoch) =>
        batched ? [.. Batches(filter, changes, epoch)] : OneByOne(filter, changes, epoch);

    /// <summary>
    /// A <c>change_batch</c> per at most <see cref="MaxChangesPerBatch"/> changes: the matching changes, and every
    /// figure the changes moved once, with its value after the last of them.
    /// </summary>
    private IEnumerable<WatchProgrammeResponse> Batches(WatchFilter filter, IReadOnlyList<PublishedChange> changes, long epoch)
    {
        foreach (var chunk in changes.Chunk(MaxChangesPerBatch))
        {
            var batch = new Protos.V1.ChangeBatch { Cursor = new MonitoringCursor(epoch, chunk[^1].Sequence).ToString() };
            var figures = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var change in chunk)
            {
                if (filter.Matches(change))
                {
                    batch.Changes.Add(Mapped(change, epoch).InBatch);
                }

                foreach (var figure in change.ChangedFigures)
                {
                    figures[figure.Key] = figure.Value;
                }
            }

            batch.ChangedFigures.Add(figures.Select(f => new Domain.Figure(f.Key, f.Value)).MapToProto());
            yield return new WatchProgrammeResponse { ChangeBatch = batch };
        }
    }

    /// <summary>A <c>leistung_changed</c> per matching change, then the figures moved by the others (newest value each).</summary>
    private List<WatchProgrammeResponse> OneByOne(WatchFilter filter, IReadOnlyList<PublishedChange> changes, long epoch)
    {
        var messages = new List<WatchProgrammeResponse>();
        var otherFigures = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (!filter.Matches(change))
            {
                foreach (var figure in change.ChangedFigures)
                {
                    otherFigures[figure.Key] = figure.Value;
                }

                continue;
            }

            foreach (var figure in change.ChangedFigures)
            {
                otherFigures.Remove(figure.Key);
            }

            messages.Add(new WatchProgrammeResponse { LeistungChanged = Mapped(change, epoch).Alone });
        }

        if (otherFigures.Count > 0)
        {
            messages.Add(new WatchProgrammeResponse
            {
                FiguresChanged = new FiguresChanged
                {
                    Cursor = new MonitoringCursor(epoch, changes[^1].Sequence).ToString(),
                    ChangedFigures = { otherFigures.Select(f => new Domain.Figure(f.Key, f.Value)).MapToProto() },
                },
            });
        }

        return messages;
    }

    /// <summary>A change's messages, mapped once per silo and shared by every stream (messages are only read once built).</summary>
    public MappedChange Mapped(PublishedChange change, long epoch) => _mapped.Get(change, published =>
    {
        var stamp = published.Change.Stamp;
        var inBatch = new Protos.V1.LeistungChanged
        {
            Cursor = new MonitoringCursor(epoch, published.Sequence).ToString(),
            Leistung = published.Change.Leistung.MapToProto(),
            Kind = published.Change.Kind.MapToProto(),
            ChangedBy = stamp.ChangedBy,
            ChangedAt = Timestamp.FromDateTimeOffset(stamp.ChangedAt),
            Fields = { published.Change.Fields.MapToProto() },
            ProgrammeManagement = published.ProgrammeEvent?.MapToLeistungChange(),
        };
        var alone = inBatch.Clone();
        alone.ChangedFigures.Add(published.ChangedFigures.MapToProto());
        return new MappedChange(alone, inBatch);
    });
}

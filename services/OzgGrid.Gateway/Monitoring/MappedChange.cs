namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// A change as stream messages: <see cref="Alone"/> with the figures it moved (one message per change),
/// <see cref="InBatch"/> without them (a change_batch carries the figures of all its changes once).
/// </summary>
internal sealed record MappedChange(Protos.V1.LeistungChanged Alone, Protos.V1.LeistungChanged InBatch);

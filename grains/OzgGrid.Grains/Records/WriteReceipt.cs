namespace OzgGrid.Grains.Records;

/// <summary>
/// An answered write as a record remembers it for retries: the request key (<see cref="RequestKeys"/>), the fingerprint
/// of what was asked (<see cref="CanonicalEncoding"/>) and the version it answered with. The answer itself is rebuilt from
/// the history entry of that version, so a receipt stays 24 bytes whatever the record holds.
/// </summary>
public readonly record struct WriteReceipt(long RequestKey, long Fingerprint, long Version);

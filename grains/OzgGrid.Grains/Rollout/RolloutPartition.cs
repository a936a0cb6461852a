using System.Globalization;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// The entries of a Land rollout in one Kreis (the AGS's first five digits), stored as a row of their own, so that a
/// report writes only the Kreise it touched. Held as parallel arrays in AGS order (AGS as a number, no string per
/// entry), the same in memory and in storage; never changed once made — a report builds the next one
/// (<see cref="RolloutPartitionBuilder"/>). The receipts answer retries per entry, by the caller-scoped key of
/// "{request id}/{ags}" (<see cref="RequestKeys"/>).
/// </summary>
[GenerateSerializer, Alias("ozg.RolloutPartition")]
public sealed class RolloutPartition
{
    /// <summary>Answered entry reports a partition remembers: the last few reports of every Kommune of even a large Kreis.</summary>
    public const int ReceiptCapacity = 1000;

    public static readonly RolloutPartition Empty = new();

    [Id(0)]
    public long Version { get; init; }

    [Id(1)]
    public int[] Ags { get; init; } = [];

    [Id(2)]
    public byte[] Verfuegbarkeit { get; init; } = [];

    [Id(3)]
    public byte[] Reifegrad { get; init; } = [];

    [Id(4)]
    public int[] Versions { get; init; } = [];

    /// <summary>Each entry's last change; entries changed by the same report share one stamp.</summary>
    [Id(5)]
    public RolloutStamp?[] Stamps { get; init; } = [];

    [Id(6)]
    public WriteReceipts Receipts { get; init; } = WriteReceipts.Empty;

    public int Count => Ags.Length;

    /// <summary>The partition of an AGS: its Kreis.</summary>
    public static int KreisOf(int ags) => ags / 1000;

    public static string AgsText(int ags) => ags.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>An AGS as the number partitions hold it; false for anything but 8 digits.</summary>
    public static bool TryParseAgs(string ags, out int number)
    {
        number = 0;
        return Abstractions.Kommunen.Ags.IsWellFormed(ags) && int.TryParse(ags, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    public RolloutEntryValue ValueAt(int index) =>
        new((KommuneVerfuegbarkeit)Verfuegbarkeit[index], Reifegrad[index], Versions[index], Stamps[index]);

    public RolloutEntryValue Find(int ags) => Array.BinarySearch(Ags, ags) is var index and >= 0 ? ValueAt(index) : default;

    public RolloutEntry EntryAt(int ozgId, int index) => ToEntry(ozgId, Ags[index], ValueAt(index));

    /// <summary>The entry as callers see it; its last change names the entry's own request id, "{request id}/{ags}".</summary>
    public static RolloutEntry ToEntry(int ozgId, int ags, RolloutEntryValue value)
    {
        var text = AgsText(ags);
        var stamp = value.Stamp is { } s ? new ChangeStamp(s.ChangedBy, s.At, $"{s.RequestId}/{text}") : null;
        return new RolloutEntry(ozgId, text, value.Verfuegbarkeit, value.Reifegrad, value.Version, stamp);
    }
}

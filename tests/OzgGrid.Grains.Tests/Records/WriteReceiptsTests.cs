using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Tests.Records;

/// <summary>
/// A record's receipts: at least the latest <see cref="WriteReceipts.Capacity"/> answered writes are found, and
/// remembering one copies only the few most recent, not all of them.
/// </summary>
public sealed class WriteReceiptsTests
{
    [Fact]
    public void The_latest_hundred_writes_are_always_found_and_far_older_ones_forgotten()
    {
        var receipts = WriteReceipts.Empty;
        for (var version = 1; version <= 400; version++)
        {
            receipts = receipts.Remember(Receipt(version));

            Assert.InRange(receipts.Count, Math.Min(version, WriteReceipts.Capacity), WriteReceipts.Capacity + WriteReceipts.RecentCapacity);
            for (var remembered = Math.Max(1, version - WriteReceipts.Capacity + 1); remembered <= version; remembered++)
            {
                Assert.Equal(Receipt(remembered), receipts.Find(Key(remembered)));
            }

            Assert.Null(receipts.Find(Key(version - WriteReceipts.Capacity - WriteReceipts.RecentCapacity)));
            Assert.Equal(receipts.All.OrderBy(receipt => receipt.Version), receipts.All.ToArray());
        }
    }

    [Fact]
    public void Remembering_a_write_does_not_copy_all_receipts()
    {
        var receipts = WriteReceipts.Empty;
        for (var version = 1; version <= 200; version++)
        {
            receipts = receipts.Remember(Receipt(version));
        }

        const int Writes = 160;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var version = 201; version <= 200 + Writes; version++)
        {
            receipts = receipts.Remember(Receipt(version));
        }

        var perWrite = (GC.GetAllocatedBytesForCurrentThread() - before) / Writes;

        // All of them are 100 × 24 = 2,400 bytes; the recent part averages 8 receipts, the fold every 16th write 2,400 / 16.
        Assert.InRange(perWrite, 0, 800);
        Assert.Equal(Receipt(200 + Writes), receipts.Find(Key(200 + Writes)));
    }

    [Fact]
    public void Receipts_remembered_many_at_once_keep_the_newest_up_to_the_capacity_given()
    {
        var receipts = WriteReceipts.Empty;
        for (var version = 1; version <= 20; version++)
        {
            receipts = receipts.Remember(Receipt(version));
        }

        var all = receipts.RememberAll([.. Enumerable.Range(21, 10).Select(Receipt)], capacity: 25);

        Assert.Equal(Enumerable.Range(6, 25).Select(Receipt), all.All.ToArray());
        Assert.True(all.SameAs(new WriteReceipts([.. Enumerable.Range(6, 25).Select(Receipt)])));
        Assert.False(all.SameAs(receipts));
    }

    private static long Key(int version) => version * 104_729L;

    private static WriteReceipt Receipt(int version) => new(Key(version), version * 7919L, version);
}

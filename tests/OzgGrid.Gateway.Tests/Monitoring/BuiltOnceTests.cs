using OzgGrid.Gateway.Monitoring;

namespace OzgGrid.Gateway.Tests.Monitoring;

public sealed class BuiltOnceTests
{
    [Fact]
    public void Streams_asking_for_the_same_batch_at_the_same_moment_build_it_once_and_share_it()
    {
        const int streams = 16;
        var cache = new BuiltOnce<object, List<string>>();
        var batch = new object();
        var arrived = 0;
        var builds = 0;

        // The first build is held until every stream has asked, so that all of them race for the value.
        List<string> Build(object _)
        {
            Interlocked.Increment(ref builds);
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref arrived) == streams, TimeSpan.FromSeconds(10)), "Not every stream asked.");
            return ["built"];
        }

        var results = new List<string>[streams];
        var threads = Enumerable.Range(0, streams).Select(i => new Thread(() =>
        {
            Interlocked.Increment(ref arrived);
            results[i] = cache.Get(batch, Build);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(1, builds);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void Another_batch_gets_its_own_value()
    {
        var cache = new BuiltOnce<object, List<string>>();
        var first = cache.Get(new object(), _ => ["first"]);
        var second = cache.Get(new object(), _ => ["second"]);

        Assert.Equal(["first"], first);
        Assert.Equal(["second"], second);
    }
}

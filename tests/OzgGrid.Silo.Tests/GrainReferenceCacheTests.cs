using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Grpc;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The gateway keeps Leistung references, bounded, and a kept reference reaches the same grain as a new one.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GrainReferenceCacheTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_kept_reference_is_the_same_for_a_key_and_reaches_the_grain()
    {
        var cache = fixture.Host.Services.GetRequiredService<GrainReferenceCache<ILeistungGrain>>();
        var ozgId = KnownData.ElterngeldOzgId;

        var first = cache.Get(ozgId);

        Assert.Same(first, cache.Get(ozgId));
        Assert.NotSame(first, cache.Get(ozgId + 1));
        var direct = await fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync();
        var kept = await first.GetSummaryAsync();
        Assert.NotNull(kept);
        Assert.NotNull(direct);
        Assert.Equal((direct.OzgId, direct.ThemenfeldId), (kept.OzgId, kept.ThemenfeldId));
    }

    [Fact]
    public void Beyond_its_bound_the_cache_still_answers_but_keeps_no_more()
    {
        var cache = new GrainReferenceCache<ILeistungGrain>(fixture.Host.Services.GetRequiredService<IGrainFactory>());
        for (var key = 1; key <= 10_000; key++)
        {
            cache.Get(key);
        }

        var beyond = cache.Get(20_000);

        Assert.Equal(20_000, beyond.GetPrimaryKeyLong());
        Assert.NotSame(beyond, cache.Get(20_000));
        Assert.Same(cache.Get(9_999), cache.Get(9_999));
    }
}

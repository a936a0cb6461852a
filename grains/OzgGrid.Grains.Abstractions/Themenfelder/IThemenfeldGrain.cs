using System.Collections.Immutable;
using Orleans.Concurrency;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Themenfelder;

/// <summary>
/// One Themenfeld (key 1–14): its catalogue data and Federführung, and the index of its Leistungen
/// that lists are served from without activating every Leistung.
/// </summary>
public interface IThemenfeldGrain : IGrainWithIntegerKey
{
    /// <exception cref="NotFoundException">The key is not a Themenfeld of the catalogue.</exception>
    Task<ThemenfeldDetails> GetAsync();

    Task<ThemenfeldDetails> SetFederfuehrungAsync(WriteCommand command, Federfuehrung federfuehrung);

    /// <summary>
    /// Takes the catalogue's data; <paramref name="knownFederfuehrung"/> is applied only while none is set,
    /// so a Federführung set through the API survives a new import.
    /// </summary>
    Task ImportAsync(ThemenfeldCatalogEntry entry, Federfuehrung? knownFederfuehrung, ChangeStamp stamp);

    /// <summary>The matching Leistungen with an OZG-ID above <paramref name="afterOzgId"/>, at most <paramref name="limit"/>.</summary>
    Task<LeistungPage> QueryLeistungenAsync(LeistungFilter filter, int afterOzgId, int limit);

    /// <summary>Reads every Leistung of the Themenfeld anew, corrects the index with it and returns it.</summary>
    Task<ImmutableArray<LeistungSummary>> RefreshIndexAsync();

    /// <summary>The Leistungen of the Themenfeld as they were at <paramref name="moment"/>; interleaves, as it only reads.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<LeistungSummary>> GetLeistungenAsOfAsync(DateTimeOffset moment);

    /// <summary>
    /// Keeps the index current; a Leistung sends it after each accepted change. One-way: a Leistung never waits on its
    /// Themenfeld, which may be waiting on the Leistung's reads.
    /// </summary>
    [OneWay]
    Task OnLeistungChangedAsync(LeistungSummary summary);

    /// <summary>
    /// The same changes again, batched by each silo's change batcher and awaited before it passes them to the
    /// monitoring: a one-way notice lost with a stopping silo is made up here, so that the index is never behind what
    /// the monitoring counted (a watcher's snapshot reads the figures, then the index). Interleaves: it only takes newer
    /// versions into memory.
    /// </summary>
    [AlwaysInterleave]
    Task OnLeistungenChangedAsync(ImmutableArray<LeistungSummary> summaries);
}

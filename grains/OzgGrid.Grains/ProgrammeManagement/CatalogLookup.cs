using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>Checks that the Leistungen and Themenfelder a programme-management write names are in the catalogue.</summary>
internal static class CatalogLookup
{
    /// <exception cref="NotFoundException">The OZG-ID is not in the catalogue.</exception>
    public static async Task<LeistungSummary> LeistungAsync(IGrainFactory grains, int ozgId) =>
        await grains.GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync()
        ?? throw new NotFoundException($"There is no OZG-Leistung with OZG-ID {ozgId} in the catalogue.");

    public static async Task EnsureLeistungenAsync(IGrainFactory grains, IEnumerable<int> ozgIds)
    {
        foreach (var ozgId in ozgIds)
        {
            await LeistungAsync(grains, ozgId);
        }
    }

    /// <exception cref="NotFoundException">The key is not a Themenfeld of the catalogue.</exception>
    public static Task<ThemenfeldDetails> ThemenfeldAsync(IGrainFactory grains, int themenfeldId) =>
        grains.GetGrain<IThemenfeldGrain>(themenfeldId).GetAsync();
}

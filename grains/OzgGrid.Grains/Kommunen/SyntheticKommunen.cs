using System.Collections.Immutable;
using System.Globalization;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Kommunen;

/// <summary>
/// Made-up Kommunen for tests and benchmarks, never for real registers: named "Synthetische Kommune {kürzel}-{n}",
/// AGS = the Land's code + 9 + five digits (apart from the generated NRW keys), marked <see cref="KommuneSource.Synthetic"/>.
/// </summary>
public static class SyntheticKommunen
{
    /// <summary>About how many Gemeinden each Land has (Destatis, 2024): 10,989 together, for realistic benchmark sizes.</summary>
    public static readonly ImmutableDictionary<string, int> RealisticCounts = new Dictionary<string, int>
    {
        ["SH"] = 1104, ["HH"] = 1, ["NI"] = 941, ["HB"] = 2, ["NW"] = 396, ["HE"] = 421, ["RP"] = 2301, ["BW"] = 1101,
        ["BY"] = 2056, ["SL"] = 52, ["BE"] = 1, ["BB"] = 411, ["MV"] = 726, ["SN"] = 418, ["ST"] = 218, ["TH"] = 605,
    }.ToImmutableDictionary();

    public static ImmutableArray<Kommune> For(Land land, int count) =>
    [
        .. Enumerable.Range(1, count).Select(n => new Kommune(
            land.Code + "9" + n.ToString("D5", CultureInfo.InvariantCulture),
            $"Synthetische Kommune {land.Kuerzel}-{n}",
            KommuneSource.Synthetic)),
    ];
}

using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// The headline programme figures as keyed counts ("reifegrad/3", "land/HB/flaechendeckend", …): counted here from
/// every Leistung's status, or taken from the figures the monitoring reports; a key absent is 0.
/// </summary>
public static class FiguresRecount
{
    public static async Task<Dictionary<string, long>> CountAsync(LeistungService.LeistungServiceClient client)
    {
        var all = new List<LeistungSummary>();
        var token = string.Empty;
        do
        {
            var page = await SoakCalls.RetryAsync(() => client.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500, PageToken = token }, deadline: SoakCalls.Deadline()).ResponseAsync);
            all.AddRange(page.Leistungen);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        static bool InAKommune(Verfuegbarkeit v) => v is Verfuegbarkeit.InMindestensEinerKommune or Verfuegbarkeit.Flaechendeckend;
        var counts = new Dictionary<string, long>
        {
            ["leistungen"] = all.Count,
            ["ozg-konform"] = all.Count(l => l.Status.Reifegrad >= 3),
            ["online"] = all.Count(l => l.Status.Reifegrad >= 2 && l.Status.Verfuegbarkeit.Values.Any(InAKommune)),
        };
        foreach (var leistung in all)
        {
            Add(counts, $"reifegrad/{leistung.Status.Reifegrad}");
            if (leistung.Status.Phase != Umsetzungsphase.Unspecified)
            {
                Add(counts, $"phase/{leistung.Status.Phase}");
            }

            foreach (var (land, verfuegbarkeit) in leistung.Status.Verfuegbarkeit)
            {
                if (verfuegbarkeit == Verfuegbarkeit.Flaechendeckend)
                {
                    Add(counts, $"land/{land}/flaechendeckend");
                }

                if (InAKommune(verfuegbarkeit))
                {
                    Add(counts, $"land/{land}/in-mindestens-einer-kommune");
                }
            }
        }

        return counts;
    }

    public static Dictionary<string, long> From(ProgrammeFigures figures)
    {
        var counts = new Dictionary<string, long>
        {
            ["leistungen"] = figures.Leistungen,
            ["ozg-konform"] = figures.OzgKonform,
            ["online"] = figures.Online,
        };
        foreach (var reifegrad in figures.ByReifegrad)
        {
            counts[$"reifegrad/{reifegrad.Reifegrad}"] = reifegrad.Leistungen;
        }

        foreach (var phase in figures.ByPhase.Where(p => p.Phase != Umsetzungsphase.Unspecified))
        {
            counts[$"phase/{phase.Phase}"] = phase.Leistungen;
        }

        foreach (var land in figures.Laender)
        {
            counts[$"land/{land.Land}/flaechendeckend"] = land.Flaechendeckend;
            counts[$"land/{land.Land}/in-mindestens-einer-kommune"] = land.InMindestensEinerKommune;
        }

        return counts;
    }

    /// <summary>The keys whose values differ ("key: reported ≠ counted"), a missing key counting as 0.</summary>
    public static List<string> Differences(Dictionary<string, long> reported, Dictionary<string, long> counted) =>
    [
        .. reported.Keys.Union(counted.Keys).Order(StringComparer.Ordinal)
            .Where(key => reported.GetValueOrDefault(key) != counted.GetValueOrDefault(key))
            .Select(key => $"{key}: reported {reported.GetValueOrDefault(key)} ≠ counted {counted.GetValueOrDefault(key)}"),
    ];

    private static void Add(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

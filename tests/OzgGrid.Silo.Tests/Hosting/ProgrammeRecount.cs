using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// The headline figures counted in the test from every Leistung's current status, independently of the
/// aggregation under test: what the live figures must equal once every change has arrived.
/// </summary>
public sealed record ProgrammeRecount(long Leistungen, long OzgKonform, long Online, string ByReifegrad, string ByPhase, string Laender)
{
    private static readonly string[] LaenderInOrder = ["SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN", "ST", "TH"];

    public static async Task<ProgrammeRecount> CountAsync(LeistungService.LeistungServiceClient client)
    {
        var all = new List<LeistungSummary>();
        var token = string.Empty;
        do
        {
            var page = await client.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500, PageToken = token });
            all.AddRange(page.Leistungen);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        static bool InAKommune(Verfuegbarkeit v) => v is Verfuegbarkeit.InMindestensEinerKommune or Verfuegbarkeit.Flaechendeckend;
        var laender = LaenderInOrder.Select(land => $"{land}:{all.Count(l => l.Status.Verfuegbarkeit.GetValueOrDefault(land) == Verfuegbarkeit.Flaechendeckend)}" +
                            $"/{all.Count(l => InAKommune(l.Status.Verfuegbarkeit.GetValueOrDefault(land)))}");
        return new ProgrammeRecount(
            all.Count,
            all.Count(l => l.Status.Reifegrad >= 3),
            all.Count(l => l.Status.Reifegrad >= 2 && l.Status.Verfuegbarkeit.Values.Any(InAKommune)),
            string.Join(",", Enumerable.Range(0, 5).Select(r => all.Count(l => l.Status.Reifegrad == r))),
            string.Join(",", Enum.GetValues<Umsetzungsphase>().Skip(1).Select(p => all.Count(l => l.Status.Phase == p))),
            string.Join(",", laender));
    }

    /// <summary>The same figures as the monitoring reports them.</summary>
    public static ProgrammeRecount From(ProgrammeFigures figures) => new(
        figures.Leistungen,
        figures.OzgKonform,
        figures.Online,
        string.Join(",", figures.ByReifegrad.OrderBy(r => r.Reifegrad).Select(r => r.Leistungen)),
        string.Join(",", figures.ByPhase.OrderBy(p => p.Phase).Select(p => p.Leistungen)),
        string.Join(",", figures.Laender.Select(l => $"{l.Land}:{l.Flaechendeckend}/{l.InMindestensEinerKommune}")));
}

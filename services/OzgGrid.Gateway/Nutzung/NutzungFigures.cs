using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Nutzung;

/// <summary>Sums usage records into a monthly series over a range, with totals per Kreis and per Onlinedienst.</summary>
public static class NutzungFigures
{
    /// <param name="kreis">Empty: every Kommune; else only those whose AGS starts with it.</param>
    public static GetNutzungResponse Sum(IReadOnlyList<NutzungJahr> records, string kreis, Monat from, Monat to)
    {
        var response = new GetNutzungResponse();
        for (var monat = from; monat <= to; monat += 1)
        {
            var figures = records
                .Where(r => r.Jahr == monat.Jahr)
                .SelectMany(r => r.Kommunen.Where(k => k.Key.StartsWith(kreis, StringComparison.Ordinal))
                    .Select(k => (r.OnlinedienstId, Ags: k.Key, Wert: k.Value[monat.ImJahr - 1])))
                .Where(f => f.Wert != NutzungJahr.NichtGemeldet)
                .ToList();
            var sum = figures.Sum(f => f.Wert);
            response.Monate.Add(new NutzungMonat { Monat = monat.ToString(), Transaktionen = sum, Kommunen = figures.Select(f => f.Ags).Distinct().Count() });
            response.Transaktionen += sum;
            foreach (var (onlinedienstId, ags, wert) in figures)
            {
                response.PerKreis[ags[..5]] = response.PerKreis.GetValueOrDefault(ags[..5]) + wert;
                response.PerOnlinedienst[onlinedienstId] = response.PerOnlinedienst.GetValueOrDefault(onlinedienstId) + wert;
            }
        }

        return response;
    }
}

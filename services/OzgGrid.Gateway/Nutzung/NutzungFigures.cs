using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Nutzung;

/// <summary>
/// Sums usage records into a monthly series over a range, with totals per Kreis and per Onlinedienst; the figures of a
/// Kommune retired by a merger count as its successor's.
/// </summary>
public static class NutzungFigures
{
    /// <param name="kreis">Empty: every Kommune; else only those whose AGS (a retired one's successor's) starts with it.</param>
    /// <param name="successors">Retired AGS → its successor (<see cref="Grains.Abstractions.Kommunen.KommunenRegister.Successors"/>).</param>
    public static GetNutzungResponse Sum(
        IReadOnlyList<NutzungJahr> records, string kreis, Monat from, Monat to, IReadOnlyDictionary<string, string> successors)
    {
        var response = new GetNutzungResponse();
        for (var monat = from; monat <= to; monat += 1)
        {
            var figures = records
                .Where(r => r.Jahr == monat.Jahr)
                .SelectMany(r => r.Kommunen.Select(k => (r.OnlinedienstId, Ags: successors.GetValueOrDefault(k.Key, k.Key), Wert: k.Value[monat.ImJahr - 1])))
                .Where(f => f.Wert != NutzungJahr.NichtGemeldet && f.Ags.StartsWith(kreis, StringComparison.Ordinal))
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

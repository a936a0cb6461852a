using System.Globalization;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Demo.Simulation;

/// <summary>Kommunen of the real register through the Anschluss checklist to Go-Live, and their usage month by month.</summary>
public sealed partial class ProgrammeSimulator
{
    /// <summary>Each started Kommune sets one or two checklist items a month, in checklist order.</summary>
    private async Task AdvanceAnschlussAsync(SimulatedLeistung leistung)
    {
        // After the first Kommunen, one more a month: the demo keeps moving towards flächendeckend.
        if (Month > KommunenProOnlinedienst && leistung.Warteschlange.TryDequeue(out var naechste))
        {
            leistung.Kommunen.Add(new SimulatedKommune(naechste, Month, 50 + _random.Next(400)));
        }

        var request = new SetAnschlussRequest { OnlinedienstId = leistung.OnlinedienstId!, RequestId = Calls.NextRequestId() };
        foreach (var kommune in leistung.Kommunen.Where(k => k.StartMonth <= Month && !k.Online))
        {
            var schritte = Chance(0.5) ? 2 : 1;
            for (var i = 0; i < schritte && !kommune.Online; i++)
            {
                kommune.Erledigt++;
                request.Aenderungen.Add(new AnschlussAenderung { Ags = kommune.Ags, Schritt = kommune.Erledigt, Wert = WertFor(kommune.Erledigt, leistung.OnlinedienstId!) });
            }
        }

        if (request.Aenderungen.Count == 0)
        {
            return;
        }

        var anschluss = new AnschlussService.AnschlussServiceClient(_connection.Of(leistung.Anbieter));
        await Calls.WriteAsync($"Anschluss of {leistung.OnlinedienstId}", async () => await anschluss.SetAnschlussAsync(request));
    }

    /// <summary>What an IT-Dienstleister enters for a checklist item; dates are today's, as a Go-Live done is never in the future.</summary>
    private string WertFor(AnschlussSchritt schritt, string onlinedienstId)
    {
        var today = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return schritt switch
        {
            AnschlussSchritt.Nachnutzungsvereinbarung or AnschlussSchritt.GoLiveGeplant or AnschlussSchritt.GoLiveErfolgt => today,
            AnschlussSchritt.Zustellweg => $"fit-connect:{DeterministicGuid()}",
            AnschlussSchritt.PvogEintrag => $"https://demo.ozggrid.invalid/{onlinedienstId}",
            AnschlussSchritt.Fachverfahren => $"Demo-Fachverfahren {DemoCast.Marker}",
            AnschlussSchritt.Bezahldienst => "nicht erforderlich",
            _ => $"Demo-Sachbearbeitung {DemoCast.Marker}",
        };
    }

    private Guid DeterministicGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Each IT-Dienstleister streams the month's usage of its Kommunen online (ImportNutzung, one stream a month).</summary>
    private async Task ImportNutzungAsync()
    {
        foreach (var anbieter in DemoCast.Anbieter)
        {
            var request = new ImportNutzungRequest { RequestId = Calls.NextRequestId() };
            foreach (var leistung in _leistungen.Where(l => l.Anbieter == anbieter && l.OnlinedienstId is not null))
            {
                foreach (var kommune in leistung.Kommunen.Where(k => k.Online))
                {
                    kommune.MonateOnline++;
                    var transaktionen = kommune.TransaktionenBasis * (10 + kommune.MonateOnline) / 10 + _random.Next(40);
                    request.Rows.Add(new NutzungRow { OnlinedienstId = leistung.OnlinedienstId!, Ags = kommune.Ags, Monat = NutzungsMonat, Transaktionen = transaktionen });
                }
            }

            if (request.Rows.Count == 0)
            {
                continue;
            }

            var nutzung = new NutzungService.NutzungServiceClient(_connection.Of(anbieter));
            await Calls.WriteAsync($"usage of {anbieter.Id}", async () =>
            {
                using var stream = nutzung.ImportNutzung();
                await stream.RequestStream.WriteAsync(request);
                await stream.RequestStream.CompleteAsync();
                return await stream.ResponseAsync;
            });
        }
    }
}

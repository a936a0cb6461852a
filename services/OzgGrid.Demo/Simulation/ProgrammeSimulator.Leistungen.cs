using OzgGrid.Protos.V1;

namespace OzgGrid.Demo.Simulation;

/// <summary>What the IT-Dienstleister report of their Leistungen: status by hand, or Onlinedienste and their ratings.</summary>
public sealed partial class ProgrammeSimulator
{
    private const int KriterienModell11 = 10;
    private const int KriterienModell20 = 13;

    private async Task RegisterOnlinedienstAsync(SimulatedLeistung leistung, string leistungName)
    {
        var dienste = new OnlinedienstService.OnlinedienstServiceClient(_connection.Of(leistung.Anbieter));
        var id = leistung.OnlinedienstId!;
        var name = leistungName.Length > 80 ? leistungName[..80] : leistungName;
        await Calls.WriteAsync($"register {id}", async () => await dienste.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
        {
            OnlinedienstId = id, RequestId = Calls.NextRequestId(), Name = $"{name} – Demo-Onlinedienst {DemoCast.Marker}",
            Url = $"https://demo.ozggrid.invalid/{id}", AnbieterId = leistung.Anbieter.Id,
        }));
        var details = new OnlinedienstDetails
        {
            Hersteller = $"Demo-Hersteller {DemoCast.Marker}", MindestVertrauensniveau = Vertrauensniveau.Substantiell,
            Nutzerkonten = { new Nutzerkonto { Art = NutzerkontoArt.BundId } }, Zustellwege = { Zustellweg.FitConnect }, Efa = true,
        };
        await Calls.WriteAsync($"details of {id}", async () => await dienste.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest
        {
            OnlinedienstId = id, RequestId = Calls.NextRequestId(), Details = details,
        }));
        var einsatzgebiet = new SetOnlinedienstEinsatzgebietRequest { OnlinedienstId = id, RequestId = Calls.NextRequestId() };
        einsatzgebiet.Einsatzgebiet.Add(leistung.Anbieter.Laender.Select(land => new EinsatzImLand { Land = land }));
        await Calls.WriteAsync($"Einsatzgebiet of {id}", async () => await dienste.SetOnlinedienstEinsatzgebietAsync(einsatzgebiet));
    }

    /// <summary>A hand-reported Leistung: now and then a phase further, with the Reifegrad and Verfügbarkeit it brings.</summary>
    private async Task ReportByHandAsync(SimulatedLeistung leistung)
    {
        if (leistung.Phase == Umsetzungsphase.Regelbetrieb || !Chance(0.6))
        {
            return;
        }

        leistung.Phase++;
        var update = new UpdateLeistungStatusRequest
        {
            OzgId = leistung.OzgId, RequestId = Calls.NextRequestId(), Phase = leistung.Phase, Reifegrad = ReifegradIn(leistung.Phase),
        };
        if (VerfuegbarkeitIn(leistung.Phase) is { } verfuegbarkeit)
        {
            update.Verfuegbarkeit = new LandVerfuegbarkeit { Land = leistung.Anbieter.AnschlussLand, Verfuegbarkeit = verfuegbarkeit };
        }

        var client = new LeistungService.LeistungServiceClient(_connection.Of(leistung.Anbieter));
        await Calls.WriteAsync($"status of {leistung.OzgId}", async () => await client.UpdateLeistungStatusAsync(update));
    }

    /// <summary>
    /// A Leistung with an Onlinedienst: rated in month 1, published in month 2, its criteria improving now and then up to
    /// Reifegrad 4, its phase moving on (its Reifegrad follows from the ratings, its Verfügbarkeit from the Anschluss).
    /// </summary>
    private async Task DevelopOnlinedienstAsync(SimulatedLeistung leistung)
    {
        var dienste = new OnlinedienstService.OnlinedienstServiceClient(_connection.Of(leistung.Anbieter));
        var id = leistung.OnlinedienstId!;
        if (leistung.Stufe == 0 || (leistung.Veroeffentlicht && leistung.Stufe < 4 && Chance(0.5)))
        {
            leistung.Stufe++;
            await RateAsync(dienste, leistung, ReifegradModell.V11, KriterienModell11, leistung.Stufe);
            await RateAsync(dienste, leistung, ReifegradModell.V20, KriterienModell20, Math.Min(3, leistung.Stufe));
        }
        else if (!leistung.Veroeffentlicht)
        {
            leistung.Veroeffentlicht = true;
            await Calls.WriteAsync($"publish {id}", async () => await dienste.PublishOnlinedienstAsync(new PublishOnlinedienstRequest
            {
                OnlinedienstId = id, RequestId = Calls.NextRequestId(), Veroeffentlicht = true,
            }));
        }

        if (leistung.Phase < Umsetzungsphase.Regelbetrieb && Chance(0.5))
        {
            leistung.Phase++;
            var client = new LeistungService.LeistungServiceClient(_connection.Of(leistung.Anbieter));
            await Calls.WriteAsync($"phase of {leistung.OzgId}", async () => await client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
            {
                OzgId = leistung.OzgId, RequestId = Calls.NextRequestId(), Phase = leistung.Phase,
            }));
        }
    }

    private Task<RateOnlinedienstLeistungResponse?> RateAsync(
        OnlinedienstService.OnlinedienstServiceClient dienste, SimulatedLeistung leistung, ReifegradModell modell, int kriterien, int stufe)
    {
        var request = new RateOnlinedienstLeistungRequest
        {
            OnlinedienstId = leistung.OnlinedienstId!, RequestId = Calls.NextRequestId(), LeikaKey = leistung.LeikaKey!, Modell = modell,
        };
        request.Kriterien.Add(Enumerable.Range(1, kriterien).Select(k => new KriteriumBewertung { Kriterium = $"K{k:00}", Stufe = stufe }));
        return Calls.WriteAsync($"rate {leistung.OnlinedienstId} ({modell})", async () => await dienste.RateOnlinedienstLeistungAsync(request));
    }

    /// <summary>The Reifegrad a Leistung reported by hand has reached by a phase (0 Offline … 4 Online-Transaktion).</summary>
    private static int ReifegradIn(Umsetzungsphase phase) => phase switch
    {
        Umsetzungsphase.Vorbereitung => 0,
        Umsetzungsphase.Konzeption => 1,
        Umsetzungsphase.Umsetzung or Umsetzungsphase.Pilotierung => 2,
        Umsetzungsphase.RollOut => 3,
        _ => 4,
    };

    private static Verfuegbarkeit? VerfuegbarkeitIn(Umsetzungsphase phase) => phase switch
    {
        Umsetzungsphase.Pilotierung => Verfuegbarkeit.Pilot,
        Umsetzungsphase.RollOut => Verfuegbarkeit.InMindestensEinerKommune,
        Umsetzungsphase.Regelbetrieb => Verfuegbarkeit.Flaechendeckend,
        _ => null,
    };
}

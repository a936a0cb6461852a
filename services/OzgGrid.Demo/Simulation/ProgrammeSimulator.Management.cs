using System.Globalization;
using OzgGrid.Protos.V1;

namespace OzgGrid.Demo.Simulation;

/// <summary>The programme management's part: a Digitalisierungslabor publishing Blaupausen, a Beschluss with milestones.</summary>
public sealed partial class ProgrammeSimulator
{
    private async Task ManageAsync()
    {
        var programm = new ProgrammeManagementService.ProgrammeManagementServiceClient(_connection.Management);
        switch (Month)
        {
            case 1:
                await DefineLaborAsync(programm);
                break;
            case 2 or 4 or 6 or 8:
                await Calls.WriteAsync($"stage of {LaborId}", async () => await programm.SetLaborStufeAsync(new SetLaborStufeRequest
                {
                    LaborId = LaborId, RequestId = Calls.NextRequestId(), Stufe = (LaborStufe)(1 + (Month / 2)),
                }));
                if (Month is 4 or 8)
                {
                    await PublishBlaupauseAsync(programm);
                }

                break;
            case 3:
                await RecordBeschlussAsync(programm);
                break;
            case 5:
                var leistung = _leistungen.First(l => l.OnlinedienstId is not null);
                await Calls.WriteAsync($"milestone of {leistung.OzgId}", async () => await programm.SetMeilensteinAsync(new SetMeilensteinRequest
                {
                    OzgId = leistung.OzgId, RequestId = Calls.NextRequestId(), Phase = Umsetzungsphase.RollOut, Land = leistung.Anbieter.AnschlussLand,
                    PlannedDate = Datum(Today.AddMonths(6)), Beschluss = BeschlussNummer,
                }));
                break;
        }
    }

    /// <summary>A lab on the Themenfeld of the first simulated Leistung, working on it.</summary>
    private async Task DefineLaborAsync(ProgrammeManagementService.ProgrammeManagementServiceClient programm)
    {
        var leistungen = new LeistungService.LeistungServiceClient(_connection.Management);
        var ozgId = _leistungen[0].OzgId;
        var themenfeld = (await leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.ThemenfeldId;
        await Calls.WriteAsync($"define {LaborId}", async () => await programm.DefineLaborAsync(new DefineLaborRequest
        {
            LaborId = LaborId, RequestId = Calls.NextRequestId(), Name = $"Demo-Digitalisierungslabor {DemoCast.Marker}",
            ThemenfeldId = themenfeld, OzgIds = { ozgId },
        }));
    }

    private Task<PublishBlaupauseResponse?> PublishBlaupauseAsync(ProgrammeManagementService.ProgrammeManagementServiceClient programm) =>
        Calls.WriteAsync($"Blaupause of {LaborId}", async () => await programm.PublishBlaupauseAsync(new PublishBlaupauseRequest
        {
            LaborId = LaborId, RequestId = Calls.NextRequestId(), Name = $"Demo-Blaupause {DemoCast.Marker}",
            Link = $"https://demo.ozggrid.invalid/{LaborId}/blaupause",
            Beschreibung = string.Create(CultureInfo.InvariantCulture, $"Referenzdesign aus dem Demo-Labor, Stand Monat {Month} {DemoCast.Marker}"),
        }));

    /// <summary>A Beschluss that the hand-reported Leistungen reach Regelbetrieb within a year.</summary>
    private async Task RecordBeschlussAsync(ProgrammeManagementService.ProgrammeManagementServiceClient programm)
    {
        var vorgabe = new MeilensteinVorgabe { Phase = Umsetzungsphase.Regelbetrieb, PlannedDate = Datum(Today.AddYears(1)) };
        vorgabe.OzgIds.Add(_leistungen.Where(l => l.OnlinedienstId is null).Select(l => l.OzgId));
        await Calls.WriteAsync($"Beschluss {BeschlussNummer}", async () => await programm.RecordBeschlussAsync(new RecordBeschlussRequest
        {
            Nummer = BeschlussNummer, RequestId = Calls.NextRequestId(), Datum = Datum(Today),
            Titel = $"Demo-Beschluss: Regelbetrieb der Demo-Leistungen {DemoCast.Marker}",
            Text = $"Ein vom Demo-Simulator erzeugter Beschluss {DemoCast.Marker}; er gibt den Demo-Leistungen Meilensteine.",
            Meilensteine = { vorgabe },
        }));
    }

    private static string Datum(DateOnly datum) => datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

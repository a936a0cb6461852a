using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>Hostile requests to the Umsetzungsprojekt API: every method, each wrong in one field or sent by the wrong caller.</summary>
public sealed partial class HostileRequestGenerator
{
    private UmsetzungsprojektService.UmsetzungsprojektServiceClient Projekte(Grpc.Net.Client.GrpcChannel? channel = null) => new(channel ?? management);

    private DefineUmsetzungsprojektRequest ValidDefinition() => new()
    {
        ProjektId = "fuzz-projekt", RequestId = NewRequestId(), Name = "Fuzz", OzgIds = { AnyOzgId() },
        Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "NW" }, EfaTyp = EfaTyp.KeinEfa,
    };

    private HostileRequest BadUmsetzungsprojekt()
    {
        var define = ValidDefinition();
        var client = Projekte();
        switch (random.Next(14))
        {
            case 0:
                define.ProjektId = Odd() + "UPPER";
                return new("invalid projekt_id", Invalid, () => client.DefineUmsetzungsprojektAsync(define).ResponseAsync);
            case 1:
                define.OzgIds.Clear();
                return new("project without Leistungen", Invalid, () => client.DefineUmsetzungsprojektAsync(define).ResponseAsync);
            case 2:
                define.EfaTyp = (EfaTyp)OutOfRange(1, 6);
                return new("unknown EfaTyp", Invalid, () => client.DefineUmsetzungsprojektAsync(define).ResponseAsync);
            case 3:
                define.Projektleitung = random.Next(2) == 0
                    ? new Organisation { Art = OrganisationArt.ItDienstleister, Kennung = "fuzz-unregistered" }
                    : new Organisation { Art = (OrganisationArt)OutOfRange(1, 3), Kennung = Odd() };
                return new("invalid Projektleitung", Invalid, () => client.DefineUmsetzungsprojektAsync(define).ResponseAsync);
            case 4:
                define.LeikaKeys.Add(Odd() + "1");
                return new("invalid LeiKa key", Invalid, () => client.DefineUmsetzungsprojektAsync(define).ResponseAsync);
            case 5:
                return new("negative or huge amount", Invalid, () => client.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest
                {
                    ProjektId = "fuzz-projekt", RequestId = NewRequestId(),
                    Finanzierungen = { new Finanzierung { Programm = "P", BetragCent = random.Next(2) == 0 ? -1 - random.Next() : long.MaxValue, Status = FinanzierungStatus.Beantragt } },
                }).ResponseAsync);
            case 6:
                return new("unknown ProjektPhase", Invalid, () => client.SetProjektPhaseAsync(new SetProjektPhaseRequest
                {
                    ProjektId = "fuzz-projekt", RequestId = NewRequestId(), Phase = (ProjektPhase)OutOfRange(1, 6),
                }).ResponseAsync);
            case 7:
                return new("bad phase date", Invalid, () => client.SetProjektPhaseAsync(new SetProjektPhaseRequest
                {
                    ProjektId = "fuzz-projekt", RequestId = NewRequestId(), Phase = ProjektPhase.Umsetzung, PlannedEnd = Odd() + "-99",
                }).ResponseAsync);
            case 8:
                return new("deferral without a reason", Invalid, () => client.DeferProjektPhaseAsync(new DeferProjektPhaseRequest
                {
                    ProjektId = "fuzz-projekt", RequestId = NewRequestId(), Phase = ProjektPhase.Umsetzung, NewPlannedEnd = "2030-01-01", Grund = random.Next(2) == 0 ? " " : new string('g', 2_001),
                }).ResponseAsync);
            case 9:
                return new("invalid Onlinedienst id", Invalid, () => client.SetProjektOnlinediensteAsync(new SetProjektOnlinediensteRequest
                {
                    ProjektId = "fuzz-projekt", RequestId = NewRequestId(), OnlinedienstIds = { Odd() + "X" },
                }).ResponseAsync);
            case 10:
                return new("unknown BeteiligungRolle", Invalid, () => client.SetProjektBeteiligteAsync(new SetProjektBeteiligteRequest
                {
                    ProjektId = "fuzz-projekt", RequestId = NewRequestId(),
                    Beteiligte = { new Beteiligung { Organisation = new Organisation { Art = OrganisationArt.Land, Kennung = "BY" }, Rolle = (BeteiligungRolle)OutOfRange(1, 2) } },
                }).ResponseAsync);
            case 11:
                return new("monitoring defines a project", Refused, () => Projekte(monitoring).DefineUmsetzungsprojektAsync(define).ResponseAsync);
            case 12:
                return new("bad project list filter", Invalid, () => client.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest
                {
                    Phase = (ProjektPhase)OutOfRange(0, 6), PageToken = random.Next(2) == 0 ? string.Empty : Odd() + "p",
                }).ResponseAsync);
            default:
                return new("unknown or invalid project read", InvalidOrMissing, () => random.Next(2) == 0
                    ? client.GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = Odd() + "-fehlt" }).ResponseAsync
                    : client.ListLeistungUmsetzungsprojekteAsync(new ListLeistungUmsetzungsprojekteRequest { OzgId = OutOfRange(1, 99_999) }).ResponseAsync);
        }
    }
}

using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>Hostile requests of the Kommunen register: odd Länder, AGS and Kreise, mergers into nowhere, wrong callers.</summary>
public sealed partial class HostileRequestGenerator
{
    private RolloutService.RolloutServiceClient Register(GrpcChannel? channel = null) => new(channel ?? management);

    private HostileRequest BadKommunenRegister() => random.Next(8) switch
    {
        0 => new("Kreise of an unknown Land", Invalid, () => Register(monitoring).ListKreiseAsync(new ListKreiseRequest { Land = Odd() + "X" }).ResponseAsync),
        1 => new("Kommune by a malformed AGS", Invalid, () => Register(monitoring).GetKommuneAsync(new GetKommuneRequest { Ags = Odd() + "0" }).ResponseAsync),
        2 => new("Kommune by an AGS in no register", InvalidOrMissing, () => Register(monitoring).GetKommuneAsync(new GetKommuneRequest { Ags = "05999999" }).ResponseAsync),
        3 => new("Kommunen of a Kreis of another Land", Invalid, () => Register(monitoring).ListKommunenAsync(
            new ListKommunenRequest { Land = "NW", KreisAgs = random.Next(2) == 0 ? "09162" : Odd() + "1" }).ResponseAsync),
        4 => Gebietsstand("merger into a Kommune the import does not list", Invalid,
            new Kommune { Ags = "05111000", Name = "Düsseldorf" }, new Kommune { Ags = "05112000", Name = "Duisburg", MergedInto = "05999999" }),
        5 => Gebietsstand("Kreis that is not the AGS's first five digits", Invalid,
            new Kommune { Ags = "05111000", Name = "Düsseldorf", KreisAgs = random.Next(2) == 0 ? "05112" : Odd() + "x" }),
        6 => Gebietsstand("ARS not of its AGS", Invalid, new Kommune { Ags = "05111000", Name = "Düsseldorf", Ars = random.Next(2) == 0 ? "091620000000" : Odd() + "9" }),
        _ => new("Gebietsstand imported by monitoring", Refused, () => Register(monitoring).ImportKommunenAsync(new ImportKommunenRequest
        {
            RequestId = NewRequestId(), Land = "NW", Kommunen = { new Kommune { Ags = "05111000", Name = "Düsseldorf" } },
        }).ResponseAsync),
    };

    private HostileRequest Gebietsstand(string kind, StatusCode[] acceptable, params Kommune[] rows) =>
        new(kind, acceptable, () => Register().ImportKommunenAsync(new ImportKommunenRequest { RequestId = NewRequestId(), Land = "NW", Kommunen = { rows } }).ResponseAsync);
}

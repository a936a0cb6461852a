using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>The writes the soak's writers send: an IT-Dienstleister's status updates, the programme management's Zuständigkeit changes.</summary>
public static class SoakWrites
{
    /// <summary>Nachnutzer-Länder of the Zuständigkeit writes, one set per visit in turn: each differs from the one before.</summary>
    private static readonly string[][] NachnutzerSets = [["HE"], ["HE", "NI"], ["NI"], ["NI", "SL", "HE"]];

    /// <summary>The Reifegrad cycles 1, 2, 3, 4, so that every visit after the first is a change with a new version.</summary>
    public static WriteAttempt Status(LeistungService.LeistungServiceClient client) => async (ozgId, requestId, expected, visit, cancellationToken) =>
    {
        var request = new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = requestId, ExpectedVersion = expected, Reifegrad = 1 + (visit % 4) };
        var answer = await client.UpdateLeistungStatusAsync(request, deadline: SoakCalls.Deadline(), cancellationToken: cancellationToken);
        return (answer.Version, answer.LastChange?.RequestId == requestId);
    };

    /// <summary>An EfA Leistung built by BY whose Nachnutzer-Länder change with every visit.</summary>
    public static WriteAttempt Zustaendigkeit(LeistungService.LeistungServiceClient client) => async (ozgId, requestId, expected, visit, cancellationToken) =>
    {
        var request = new SetZustaendigkeitRequest
        {
            OzgId = ozgId, RequestId = requestId, ExpectedVersion = expected,
            Zustaendigkeit = new Zustaendigkeit { Land = "BY", Efa = true, NachnutzerLaender = { NachnutzerSets[visit % NachnutzerSets.Length] } },
        };
        var answer = await client.SetZustaendigkeitAsync(request, deadline: SoakCalls.Deadline(), cancellationToken: cancellationToken);
        return (answer.Version, answer.LastChange?.RequestId == requestId);
    };
}

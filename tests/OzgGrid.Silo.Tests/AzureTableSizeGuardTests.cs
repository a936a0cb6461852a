using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// A write whose record Azure Table storage refuses as too large (more than 1 MB), over real gRPC on Azurite: here an
/// Anbieter's checklist items of a few hundred Kommunen with long texts, written twice.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AzureTableSizeGuardTests(GatewayFixture fixture)
{
    private const int Kommunen = 333;

    [Fact]
    public async Task A_write_that_would_make_a_record_too_large_for_Azure_Table_is_resource_exhausted_changes_nothing_and_leaves_the_record_writable()
    {
        var anbieter = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = anbieter, RequestId = NewId(), Name = "Anbieter", Laender = { "NW" }, Contact = "ozg@anbieter.example",
        });
        var channel = fixture.Host.ChannelFor(Roles.ItDienstleister, $"{anbieter}:anna", anbieter);
        var onlinedienst = $"od-{Guid.NewGuid():N}"[..24];
        await new OnlinedienstService.OnlinedienstServiceClient(channel).RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
        {
            OnlinedienstId = onlinedienst, RequestId = NewId(), Name = "Großes Verfahren", Url = "https://gross.example.org", AnbieterId = anbieter,
        });
        var nw = (await new RolloutService.RolloutServiceClient(channel).ListKommunenAsync(new ListKommunenRequest { Land = "NW", PageSize = Kommunen }))
            .Kommunen.Select(k => k.Ags).ToList();
        var client = new AnschlussService.AnschlussServiceClient(channel);

        var first = await client.SetAnschlussAsync(LongTexts(onlinedienst, nw, 'a'));
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.SetAnschlussAsync(LongTexts(onlinedienst, nw, 'b')).ResponseAsync);
        var small = await client.SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = onlinedienst, RequestId = NewId(),
            Aenderungen = { new AnschlussAenderung { Ags = nw[0], Schritt = AnschlussSchritt.Zustellweg, Wert = $"fit-connect:{Guid.NewGuid()}" } },
        });

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("1 MB", refused.Status.Detail);
        Assert.Contains("nothing was changed", refused.Status.Detail);
        Assert.Equal((1L, 2L), (first.Version, small.Version));
        var read = await client.GetAnschlussAsync(new GetAnschlussRequest { OnlinedienstId = onlinedienst, Ags = nw[^1] });
        Assert.Equal(new string('a', 200), read.Kommune.Eintraege.Single(e => e.Schritt == AnschlussSchritt.Fachverfahren).Wert);
    }

    /// <summary>Three items of each Kommune set to 200 characters: about 200 KB of values and as much again in the change.</summary>
    private static SetAnschlussRequest LongTexts(string onlinedienst, List<string> kommunen, char letter)
    {
        var text = new string(letter, 200);
        var request = new SetAnschlussRequest { OnlinedienstId = onlinedienst, RequestId = NewId() };
        foreach (var ags in kommunen)
        {
            request.Aenderungen.Add(new AnschlussAenderung { Ags = ags, Schritt = AnschlussSchritt.Fachverfahren, Wert = text });
            request.Aenderungen.Add(new AnschlussAenderung { Ags = ags, Schritt = AnschlussSchritt.Bezahldienst, Wert = text });
            request.Aenderungen.Add(new AnschlussAenderung { Ags = ags, Schritt = AnschlussSchritt.BestaetigtDurchKommune, Wert = text });
        }

        return request;
    }

    private static string NewId() => Guid.NewGuid().ToString();
}

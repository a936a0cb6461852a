using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>LeiKa-Leistungen of Leistungen no other test uses, for tests of Onlinedienste.</summary>
public static class LeikaLeistungen
{
    /// <summary>A LeiKa-Leistung with a key, of a Leistung taken from the fixture, with its OZG-ID.</summary>
    public static async Task<(int OzgId, string LeikaKey)> TakeLeikaLeistungAsync(this GatewayFixture fixture)
    {
        while (true)
        {
            var ozgId = fixture.TakeOzgId();
            var leistung = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
            if (leistung.LeikaLeistungen.FirstOrDefault(l => l.LeikaKey.Length == 14) is { } leika)
            {
                return (ozgId, leika.LeikaKey);
            }
        }
    }
}

using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>`ozgctl onlinedienst …` in-process against the real host: register, rate, show, list, blockers, where in use, publication and details.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlOnlinedienstTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task An_onlinedienst_is_registered_rated_shown_listed_and_its_blockers_named()
    {
        var id = $"od-cli-{Guid.NewGuid():N}"[..24];
        var (_, leikaKey) = await fixture.TakeLeikaLeistungAsync();

        var registered = await _ozgctl.InProcessAsync(
            "onlinedienst", "register", id, "--name", "Kita-Portal", "--url", "https://kita.example.org", "--anbieter", KnownData.Dataport, "-o", "csv");
        var rated = await _ozgctl.InProcessAsync(
            "onlinedienst", "rate", id, leikaKey, "--modell", "1.1", "--kriterium", "K01=4,K02=4,K03=3", "--kriterium", "K04=4", "-o", "csv");
        var wrongModel = await _ozgctl.InProcessAsync("onlinedienst", "rate", id, leikaKey, "--modell", "3.0");
        var unknownCriterion = await _ozgctl.InProcessAsync("onlinedienst", "rate", id, leikaKey, "--modell", "2.0", "--kriterium", "K14=1");
        var shown = await _ozgctl.InProcessAsync("onlinedienst", "show", id, "-o", "csv");
        var listed = await _ozgctl.InProcessAsync("onlinedienst", "list", "--anbieter", KnownData.Dataport, "-o", "csv");
        var blockers = await _ozgctl.InProcessAsync("onlinedienst", "blockers", id, leikaKey, "--modell", "1.1", "--zielstufe", "4", "-o", "csv");

        Assert.True(registered.ExitCode == ExitCodes.Ok, registered.ToString());
        Assert.True(rated.ExitCode == ExitCodes.Ok, rated.ToString());
        var pair = rated.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("onlinedienst_id,leika_key,ozg_id,reifegrad_1_1,reifegrad_2_0", pair[0].TrimEnd('\r'));

        // K05–K10 are not rated: they count as 0, so the pair is at level 0 by model 1.1 whatever K01–K04 say.
        Assert.EndsWith(",0,0", pair[1].TrimEnd('\r'));
        Assert.Equal(ExitCodes.Usage, wrongModel.ExitCode);
        Assert.Contains("--modell must be 1.1 or 2.0", wrongModel.Error);
        Assert.NotEqual(ExitCodes.Ok, unknownCriterion.ExitCode);
        Assert.Contains("kriterien[0].kriterium", unknownCriterion.Error);
        Assert.Contains($"{id},{leikaKey},", shown.Out);
        Assert.Contains(listed.Out.Split('\n'), line => line.StartsWith($"{id},Kita-Portal,{KnownData.Dataport},", StringComparison.Ordinal));
        Assert.True(blockers.ExitCode == ExitCodes.Ok, blockers.ToString());
        Assert.Contains("K03=3, K05=0, K06=0, K07=0, K08=0, K09=0, K10=0", blockers.Out);
    }

    [Fact]
    public async Task Where_it_is_in_use_and_its_publication_are_set_and_the_server_keeps_them()
    {
        var id = $"od-cli-{Guid.NewGuid():N}"[..24];
        var kommunen = ShippedRegister.Of("SH").Take(2).Select(k => k.Ags).ToArray();
        await _ozgctl.InProcessAsync("onlinedienst", "register", id, "--name", "Wohngeld", "--url", "https://wohngeld.example.org", "--anbieter", KnownData.Dataport);

        var einsatz = await _ozgctl.InProcessAsync("onlinedienst", "einsatzgebiet", id, "--land", "HH", "--kommune", string.Join(',', kommunen), "-o", "csv");
        var published = await _ozgctl.InProcessAsync("onlinedienst", "publish", id, "--expected-version", "2", "-o", "csv");
        var stale = await _ozgctl.InProcessAsync("onlinedienst", "publish", id, "--zurueckziehen", "--expected-version", "2");
        var badAgs = await _ozgctl.InProcessAsync("onlinedienst", "einsatzgebiet", id, "--kommune", "1");
        var read = (await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.Channel).GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = id })).Onlinedienst;
        var withdrawn = await _ozgctl.InProcessAsync("onlinedienst", "publish", id, "--zurueckziehen", "--expected-version", "3", "-o", "csv");

        Assert.All([einsatz, published, withdrawn], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.Equal([ExitCodes.Conflict, ExitCodes.Usage], new[] { stale, badAgs }.Select(r => r.ExitCode));
        Assert.Equal(["HH", $"SH:{string.Join(' ', kommunen)}"], read.Einsatzgebiet.Select(e => e.Kommunen.Count == 0 ? e.Land : $"{e.Land}:{string.Join(' ', e.Kommunen)}"));
        Assert.Equal((true, 3L), (read.Veroeffentlicht, read.Version));
        Assert.Contains($"{id},Wohngeld,{KnownData.Dataport},,0,true,3", published.Out);
        Assert.Contains($"{id},Wohngeld,{KnownData.Dataport},,0,false,4", withdrawn.Out);
    }

    [Fact]
    public async Task Its_details_are_set_with_every_kind_of_value_and_the_server_keeps_them()
    {
        var id = $"od-cli-{Guid.NewGuid():N}"[..24];
        await _ozgctl.InProcessAsync("onlinedienst", "register", id, "--name", "Elterngeld", "--url", "https://elterngeld.example.org", "--anbieter", KnownData.Dataport);

        var set = await _ozgctl.InProcessAsync(
            "onlinedienst", "details", id, "--hersteller", "Beispiel GmbH", "--fachverfahren", "ElterngeldPlus:Verfahren AG", "--portal", "Bundesportal,Serviceportal SH",
            "--nutzerkonto", "bund-id", "--nutzerkonto", "landeskonto:SH", "--vertrauensniveau", "substantiell", "--bezahldienst", "ePayBL",
            "--zustellweg", "fit-connect", "--efa", "--basiskomponente", "deutschland-id,e-akte", "--expected-version", "1", "-o", "csv");
        var unknown = await _ozgctl.InProcessAsync("onlinedienst", "details", id, "--vertrauensniveau", "mittel");
        var badFachverfahren = await _ozgctl.InProcessAsync("onlinedienst", "details", id, "--vertrauensniveau", "hoch", "--fachverfahren", "ohne Hersteller");
        var read = (await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.Channel).GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = id })).Onlinedienst;

        Assert.True(set.ExitCode == ExitCodes.Ok, set.ToString());
        Assert.Contains($"{id},Elterngeld,{KnownData.Dataport},Beispiel GmbH,0,false,2", set.Out);
        Assert.Equal([ExitCodes.Usage, ExitCodes.Usage], new[] { unknown, badFachverfahren }.Select(r => r.ExitCode));
        Assert.Contains("keines, niedrig, substantiell, hoch", unknown.Error);
        var details = read.Details;
        Assert.Equal(
            ("Beispiel GmbH", "ElterngeldPlus/Verfahren AG", "Bundesportal|Serviceportal SH", Vertrauensniveau.Substantiell, "ePayBL", true),
            (details.Hersteller, string.Join('|', details.Fachverfahren.Select(f => $"{f.Name}/{f.Hersteller}")), string.Join('|', details.Portale),
                details.MindestVertrauensniveau, details.Bezahldienst, details.Efa));
        Assert.Equal(["BundId:", "Landeskonto:SH"], details.Nutzerkonten.Select(k => $"{k.Art}:{k.Land}"));
        Assert.Equal([Zustellweg.FitConnect], details.Zustellwege);
        Assert.Equal([Basiskomponente.DeutschlandId, Basiskomponente.EAkte], details.Basiskomponenten.Order());
        Assert.Equal(2L, read.Version);
    }
}

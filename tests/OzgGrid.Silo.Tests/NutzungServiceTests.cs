using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Usage figures over real gRPC: streamed and batched imports, re-imports, retries, sums per Land and Kreis, refusals. On each store: <see cref="AzuriteNutzungServiceTests"/>, <see cref="Postgres.PostgresNutzungServiceTests"/>.</summary>
public abstract class NutzungServiceTests(NutzungFixture fixture)
{
    private readonly NutzungService.NutzungServiceClient _nutzung = fixture.Management;

    [Fact]
    public async Task A_streamed_import_of_every_kommune_of_a_land_for_a_year_is_summed_per_month_kreis_and_onlinedienst()
    {
        var dienst = await RegisterAsync();
        var monate = Enumerable.Range(1, 12).Select(fixture.Monat).ToList();
        var rows = fixture.KommunenNw.SelectMany((ags, i) => monate.Select((monat, m) => Row(dienst, ags, monat, ((i * 7) + m) % 50))).ToList();

        var result = await NutzungStream.SendAsync(_nutzung, NewId(), rows);

        Assert.Equal(rows.Count, result.Rows);
        Assert.Equal(monate.Select(m => m[..4]).Distinct().Count(), result.Records);
        var figures = await _nutzung.GetNutzungAsync(new GetNutzungRequest { Land = "NW", OnlinedienstId = dienst, From = monate[^1], To = monate[0] });
        Assert.Equal(monate.AsEnumerable().Reverse(), figures.Monate.Select(m => m.Monat));
        Assert.Equal(
            monate.AsEnumerable().Reverse().Select(m => rows.Where(r => r.Monat == m).Sum(r => r.Transaktionen)),
            figures.Monate.Select(m => m.Transaktionen));
        Assert.All(figures.Monate, m => Assert.Equal(fixture.KommunenNw.Count, m.Kommunen));
        Assert.Equal(rows.Sum(r => r.Transaktionen), figures.Transaktionen);
        Assert.Equal(rows.Sum(r => r.Transaktionen), figures.PerOnlinedienst[dienst]);

        var kreis = fixture.KommunenNw[^1][..5];
        var imKreis = await new NutzungService.NutzungServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "nutzung-reader"))
            .GetNutzungAsync(new GetNutzungRequest { Land = "05", Kreis = kreis, OnlinedienstId = dienst, From = monate[^1], To = monate[0] });
        var expected = rows.Where(r => r.Ags.StartsWith(kreis, StringComparison.Ordinal)).Sum(r => r.Transaktionen);
        Assert.Equal(expected, imKreis.Transaktionen);
        Assert.Equal(expected, figures.PerKreis[kreis]);
        Assert.Equal(expected, imKreis.PerOnlinedienst[dienst]);
        Assert.Equal([kreis], imKreis.PerKreis.Keys);
        Assert.Equal(rows.Sum(r => r.Transaktionen), figures.PerKreis.Values.Sum());
    }

    [Fact]
    public async Task Re_importing_a_month_replaces_its_value_a_retry_is_applied_once_and_the_history_shows_before_and_after()
    {
        var dienst = await RegisterAsync();
        var ags = fixture.KommunenNw[3];
        var monat = fixture.Monat(2);
        var first = new ImportNutzungRequest { RequestId = NewId(), Rows = { Row(dienst, ags, monat, 10) } };

        await _nutzung.ImportNutzungBatchAsync(first);
        await _nutzung.ImportNutzungBatchAsync(first);
        var reused = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = first.RequestId, Rows = { Row(dienst, ags, monat, 11) } }).ResponseAsync);
        var streamed = new[] { Row(dienst, ags, monat, 25) };
        var streamId = NewId();
        await NutzungStream.SendAsync(_nutzung, streamId, streamed);
        await NutzungStream.SendAsync(_nutzung, streamId, streamed);

        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        Assert.Contains("request_id", reused.Status.Detail);
        var figures = await _nutzung.GetNutzungAsync(new GetNutzungRequest { Land = "NW", OnlinedienstId = dienst, From = monat, To = monat });
        Assert.Equal(25, figures.Transaktionen);
        var history = await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel).ListProgrammeChangesAsync(
            new ListProgrammeChangesRequest { Nutzung = new NutzungSubject { OnlinedienstId = dienst, Land = "NW", Jahr = int.Parse(monat[..4]) } });
        Assert.Equal([2L, 1], history.Changes.Select(c => c.Version));
        var replaced = Assert.Single(history.Changes[0].Fields);
        Assert.Equal(($"{ags} {monat}", "10", "25"), (replaced.Field, replaced.Before, replaced.After));
        Assert.Equal(("", "10"), (history.Changes[1].Fields.Single().Before, history.Changes[1].Fields.Single().After));
    }

    [Theory]
    [InlineData("ags", "0531500", "AGS of 8 digits")]
    [InlineData("ags", "05999999", "not in the Kommunen register")]
    [InlineData("monat", "future", "current month")]
    [InlineData("monat", "2016-12", "2017-01")]
    [InlineData("monat", "2024-13", "YYYY-MM")]
    [InlineData("transaktionen", "-1", "0 or more")]
    [InlineData("onlinedienst_id", "Bad Id", "lower-case")]
    public async Task An_invalid_row_refuses_the_whole_import_naming_the_row(string field, string value, string said)
    {
        var dienst = await RegisterAsync();
        var rows = Enumerable.Range(0, 4).Select(i => Row(dienst, fixture.KommunenNw[i], fixture.Monat(1), 5)).ToList();
        var bad = Row(dienst, fixture.KommunenNw[4], fixture.Monat(1), 5);
        switch (field)
        {
            case "ags": bad.Ags = value; break;
            case "monat": bad.Monat = value == "future" ? fixture.Monat(-1) : value; break;
            case "transaktionen": bad.Transaktionen = long.Parse(value); break;
            default: bad.OnlinedienstId = value; break;
        }

        rows.Add(bad);
        var batch = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = NewId(), Rows = { rows } }).ResponseAsync);
        var stream = await Assert.ThrowsAsync<RpcException>(() => NutzungStream.SendAsync(_nutzung, NewId(), [.. Filler(dienst, 600), .. rows]));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (batch.StatusCode, stream.StatusCode));
        Assert.StartsWith($"row 5 {field}", batch.Status.Detail);
        Assert.StartsWith($"row 605 {field}", stream.Status.Detail);
        Assert.Contains(said, batch.Status.Detail);
        var figures = await _nutzung.GetNutzungAsync(new GetNutzungRequest { Land = "NW", OnlinedienstId = dienst, From = fixture.Monat(12), To = fixture.Monat(0) });
        Assert.Equal(0, figures.Transaktionen);
    }

    /// <summary>Two figures whose sum no 64-bit number holds would break every sum of the Land's month, for every caller.</summary>
    [Fact]
    public async Task A_figure_too_large_to_add_up_is_refused_and_the_land_figures_stay_readable()
    {
        var dienst = await RegisterAsync();
        const long huge = (long.MaxValue / 2) + 1;
        var monat = fixture.Monat(40);

        var import = await Record.ExceptionAsync(() => _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest
        {
            RequestId = NewId(), Rows = { Row(dienst, fixture.KommunenNw[0], monat, huge), Row(dienst, fixture.KommunenNw[1], monat, huge) },
        }).ResponseAsync);
        var read = await Record.ExceptionAsync(() => _nutzung.GetNutzungAsync(new GetNutzungRequest { Land = "NW", From = monat, To = monat }).ResponseAsync);

        Assert.Null(read);
        var refused = Assert.IsType<RpcException>(import);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("row 1 transaktionen", refused.Status.Detail);
        Assert.Contains("1000000000", refused.Status.Detail);
    }

    [Fact]
    public async Task A_figure_given_twice_and_imports_beyond_the_limits_are_refused()
    {
        var dienst = await RegisterAsync();
        var twice = Row(dienst, fixture.KommunenNw[0], fixture.Monat(1), 1);

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = NewId(), Rows = { twice, twice } }).ResponseAsync);
        var batch = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = NewId(), Rows = { Filler(dienst, NutzungFixture.ZeilenProAufruf + 1) } }).ResponseAsync);
        var stream = await Assert.ThrowsAsync<RpcException>(() => NutzungStream.SendAsync(_nutzung, NewId(), Filler(dienst, NutzungFixture.ZeilenProImport + 1)));

        Assert.Equal(StatusCode.InvalidArgument, duplicate.StatusCode);
        Assert.Contains("row 2: Names the same Onlinedienst, AGS and month as row 1", duplicate.Status.Detail);
        Assert.Equal((StatusCode.ResourceExhausted, StatusCode.ResourceExhausted), (batch.StatusCode, stream.StatusCode));
        Assert.Contains("NutzungZeilenProAufruf", batch.Status.Detail);
        Assert.Contains("NutzungZeilenProImport", stream.Status.Detail);
    }

    [Fact]
    public async Task An_import_is_streamed_once_per_usage_record_it_changed_naming_the_record_whose_history_it_reads()
    {
        var dienst = await RegisterAsync();
        using var watch = new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "nutzung-watcher"))
            .WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));

        var (monat, jahr) = (fixture.Monat(1), int.Parse(fixture.Monat(1)[..4], System.Globalization.CultureInfo.InvariantCulture));
        await NutzungStream.SendAsync(_nutzung, NewId(),
            [Row(dienst, fixture.KommunenNw[0], monat, 5), Row(dienst, fixture.KommunenNw[1], monat, 6), Row(dienst, fixture.KommunenHb[0], monat, 7)]);

        var events = new List<ProgrammeEvent>();
        while (events.Count < 2 && await watch.ResponseStream.MoveNext(deadline.Token))
        {
            if (watch.ResponseStream.Current.ProgrammeEvent is { Kind: ProgrammeEventKind.NutzungGeaendert } e && e.Nutzung?.OnlinedienstId == dienst)
            {
                events.Add(e);
            }
        }

        Assert.Equal([("HB", jahr), ("NW", jahr)], events.Select(e => (e.Nutzung.Land, e.Nutzung.Jahr)).Order());
        Assert.All(events, e => Assert.Equal(0, e.OzgId));
        Assert.Contains("2 figures changed", events.Single(e => e.Nutzung.Land == "NW").Description);
        var history = await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel)
            .ListProgrammeChangesAsync(new ListProgrammeChangesRequest { Nutzung = events.Single(e => e.Nutzung.Land == "NW").Nutzung });
        Assert.Equal(2, history.Changes.Single().Fields.Count);
    }

    [Fact]
    public async Task The_anbieter_imports_its_own_onlinedienst_in_the_laender_it_serves_only()
    {
        var (anbieter, channel) = await fixture.ItDienstleisterAsync("NW");
        var (other, otherChannel) = await fixture.ItDienstleisterAsync("NW", "HB");
        var dienst = await RegisterAsync(anbieter);
        var client = new NutzungService.NutzungServiceClient(channel);
        var hb = fixture.KommunenHb[0];

        var own = await client.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = NewId(), Rows = { Row(dienst, fixture.KommunenNw[0], fixture.Monat(1), 3) } });
        var streamed = await NutzungStream.SendAsync(client, NewId(), [Row(dienst, fixture.KommunenNw[1], fixture.Monat(1), 4)]);
        var notServed = await Assert.ThrowsAsync<RpcException>(() => client.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = NewId(), Rows = { Row(dienst, hb, fixture.Monat(1), 3) } }).ResponseAsync);
        var notOwn = await Assert.ThrowsAsync<RpcException>(() => NutzungStream.SendAsync(new NutzungService.NutzungServiceClient(otherChannel), NewId(),
            [Row(dienst, fixture.KommunenNw[0], fixture.Monat(1), 9)]));
        var monitoring = new NutzungService.NutzungServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "nutzung-monitor"));
        var byMonitoring = await Assert.ThrowsAsync<RpcException>(() => monitoring.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = NewId(), Rows = { Row(dienst, fixture.KommunenNw[0], fixture.Monat(1), 9) } }).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = NewId(), Rows = { Row("od-unknown-nutzung", fixture.KommunenNw[0], fixture.Monat(1), 9) } }).ResponseAsync);

        Assert.Equal((1, 1), (own.Rows, streamed.Rows));
        Assert.Equal(StatusCode.PermissionDenied, notServed.StatusCode);
        Assert.Contains("Länder it serves", notServed.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, notOwn.StatusCode);
        Assert.Contains(other, notOwn.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, byMonitoring.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var figures = await monitoring.GetNutzungAsync(new GetNutzungRequest { Land = "NW", OnlinedienstId = dienst, From = fixture.Monat(1), To = fixture.Monat(1) });
        Assert.Equal(7, figures.Transaktionen);
    }

    /// <summary>A retry under the first import's request id that also names a record the first did not: refused as a whole.</summary>
    [Fact]
    public async Task A_retry_with_other_rows_under_the_same_request_id_is_refused_and_writes_none_of_them()
    {
        var dienst = await RegisterAsync();
        var requestId = NewId();
        await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = requestId, Rows = { Row(dienst, fixture.KommunenNw[0], fixture.Monat(1), 5) } });

        var changed = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest
        {
            RequestId = requestId, Rows = { Row(dienst, fixture.KommunenNw[1], fixture.Monat(13), 7), Row(dienst, fixture.KommunenNw[0], fixture.Monat(1), 6) },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, changed.StatusCode);
        Assert.StartsWith("request_id", changed.Status.Detail);
        var figures = await _nutzung.GetNutzungAsync(new GetNutzungRequest { Land = "NW", OnlinedienstId = dienst, From = fixture.Monat(13), To = fixture.Monat(1) });
        Assert.Equal(5, figures.Transaktionen);
    }

    /// <summary>A second import under the first's request id that names none of the first's records (another Onlinedienst): refused, nothing written.</summary>
    [Fact]
    public async Task An_import_under_a_request_id_used_for_an_import_of_other_records_is_refused_and_writes_nothing()
    {
        var (first, other) = (await RegisterAsync(), await RegisterAsync());
        var requestId = NewId();
        NutzungRow[] firstRows = [Row(first, fixture.KommunenNw[0], fixture.Monat(1), 5)];
        await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = requestId, Rows = { firstRows } });

        var streamed = await Assert.ThrowsAsync<RpcException>(() => NutzungStream.SendAsync(_nutzung, requestId, [Row(other, fixture.KommunenNw[0], fixture.Monat(1), 7)]));
        var batched = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = requestId, Rows = { Row(other, fixture.KommunenNw[1], fixture.Monat(13), 8) } }).ResponseAsync);
        var retried = await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = requestId, Rows = { firstRows } });

        Assert.All([streamed, batched], refused =>
        {
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.StartsWith("request_id", refused.Status.Detail);
        });
        Assert.Equal(1, retried.Records);
        var figures = await Task.WhenAll(new[] { first, other }.Select(dienst => _nutzung.GetNutzungAsync(
            new GetNutzungRequest { Land = "NW", OnlinedienstId = dienst, From = fixture.Monat(13), To = fixture.Monat(1) }).ResponseAsync));
        Assert.Equal([5L, 0L], figures.Select(f => f.Transaktionen));
    }

    /// <summary>Rows the caller may import beside one it may not (a Land it does not serve, an unknown Onlinedienst): the refused import writes none of them.</summary>
    [Fact]
    public async Task An_import_refused_for_one_of_its_records_writes_none_of_the_others()
    {
        var (anbieter, channel) = await fixture.ItDienstleisterAsync("NW");
        var dienst = await RegisterAsync(anbieter);
        var client = new NutzungService.NutzungServiceClient(channel);
        NutzungRow[] allowed = [Row(dienst, fixture.KommunenNw[0], fixture.Monat(1), 5), Row(dienst, fixture.KommunenNw[1], fixture.Monat(13), 6)];

        var notServed = await Assert.ThrowsAsync<RpcException>(() => client.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = NewId(), Rows = { allowed, Row(dienst, fixture.KommunenHb[0], fixture.Monat(1), 7) } }).ResponseAsync);
        var streamed = await Assert.ThrowsAsync<RpcException>(() => NutzungStream.SendAsync(client, NewId(),
            [.. allowed, Row(dienst, fixture.KommunenHb[1], fixture.Monat(13), 8)]));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = NewId(), Rows = { allowed, Row("od-unknown-nutzung", fixture.KommunenNw[2], fixture.Monat(1), 9) } }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.NotFound), (notServed.StatusCode, streamed.StatusCode, unknown.StatusCode));
        Assert.Contains("HB", notServed.Status.Detail);
        Assert.Contains("od-unknown-nutzung", unknown.Status.Detail);
        foreach (var land in new[] { "NW", "HB" })
        {
            var figures = await _nutzung.GetNutzungAsync(new GetNutzungRequest { Land = land, OnlinedienstId = dienst, From = fixture.Monat(13), To = fixture.Monat(1) });
            Assert.Equal(0, figures.Transaktionen);
        }

        var changes = await Assert.ThrowsAsync<RpcException>(() => new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel)
            .ListProgrammeChangesAsync(new ListProgrammeChangesRequest { Nutzung = new NutzungSubject { OnlinedienstId = dienst, Land = "NW", Jahr = int.Parse(fixture.Monat(1)[..4]) } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, changes.StatusCode);
    }

    internal static NutzungRow Row(string dienst, string ags, string monat, long transaktionen) =>
        new() { OnlinedienstId = dienst, Ags = ags, Monat = monat, Transaktionen = transaktionen };

    private List<NutzungRow> Filler(string dienst, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Row(dienst, fixture.KommunenNw[i % fixture.KommunenNw.Count], fixture.Monat(24 + (i / fixture.KommunenNw.Count)), 1))];

    private async Task<string> RegisterAsync(string? anbieter = null)
    {
        anbieter ??= (await fixture.ItDienstleisterAsync("NW")).Id;
        var id = NewId("od");
        await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.Channel).RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
        {
            OnlinedienstId = id, RequestId = NewId(), Name = id, Url = $"https://{id}.example.org", AnbieterId = anbieter,
        });
        return id;
    }

    private static string NewId(string prefix = "req") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 25, 60)];
}

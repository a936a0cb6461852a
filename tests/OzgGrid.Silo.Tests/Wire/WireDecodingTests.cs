using Grpc.Core;
using OzgGrid.Gateway;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Wire;

/// <summary>
/// Bytes that are no request of the method, sent as raw gRPC frames: each answers the one status that says what is
/// wrong (INVALID_ARGUMENT, or RESOURCE_EXHAUSTED for a message over the limit), with or without a token, never
/// UNKNOWN or INTERNAL, and none of them counts as a failure of the back end.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class WireDecodingTests(GatewayFixture fixture) : IDisposable
{
    private const string Undecodable = "The request could not be decoded: ";

    /// <summary>"\uD800" as a JavaScript client's UTF-8 encoder may write it: a lone surrogate, not UTF-8.</summary>
    private static readonly byte[] LoneSurrogate = [0xED, 0xA0, 0x80];

    private readonly HttpClient _client = new(new SocketsHttpHandler());
    private readonly string _token = fixture.Host.TokenFor(Roles.ProgrammManagement, TestHost.ManagementSubject);

    private RawGrpcCall Call => new(_client, fixture.Host.GatewayAddress);

    public static TheoryData<string, byte[]> StringsThatAreNotUtf8 => new()
    {
        { "/ozg.v1.RolloutService/ImportKommunen", Bytes(2, LoneSurrogate) },
        { "/ozg.v1.RolloutService/ReportRollout", Bytes(1, LoneSurrogate) },
        { "/ozg.v1.ProgrammeManagementService/PublishBlaupause", Bytes(1, LoneSurrogate) },
        { "/ozg.v1.ProgrammeManagementService/SetKomponenteNutzung", Bytes(1, LoneSurrogate) },
        { "/ozg.v1.ItDienstleisterService/GetItDienstleister", Bytes(1, LoneSurrogate) },
        { "/ozg.v1.LeistungService/ListLeistungChanges", [0x08, 0x01, .. Bytes(3, LoneSurrogate)] },
        { "/ozg.v1.LeistungService/UpdateLeistungStatus", [0x08, 0x01, .. Bytes(2, LoneSurrogate)] },
        { "/ozg.v1.ThemenfeldService/SetFederfuehrung", [0x08, 0x01, .. Bytes(2, LoneSurrogate)] },
        { "/ozg.v1.CatalogService/ImportCatalog", Bytes(1, LoneSurrogate) },
        { "/ozg.v1.MonitoringService/WatchProgramme", Bytes(2, LoneSurrogate) },
        { "/grpc.health.v1.Health/Check", Bytes(1, LoneSurrogate) },
        { "/ozg.v1.NutzungService/ImportNutzungBatch", Bytes(2, Bytes(2, LoneSurrogate)) },
    };

    public static TheoryData<string, byte[]> MessagesThatAreMalformed => new()
    {
        // A string field announcing five bytes of which two arrive.
        { "/ozg.v1.ClusterAdminService/GetCluster", [0x0A, 0x05, 0x61, 0x62] },
        { "/ozg.v1.ItDienstleisterService/GetItDienstleister", [0x0A, 0x05, 0x61, 0x62] },
        // Wire types 6 and 7 are not defined; 4 closes a group that never opened.
        { "/ozg.v1.LeistungService/GetLeistung", [0x0F, 0x00] },
        { "/ozg.v1.ThemenfeldService/GetThemenfeld", [0x0E, 0x00] },
        { "/ozg.v1.MonitoringService/ExportReport", [0x0C] },
        // A number sent as a string: the parser would keep it aside and leave the field unset.
        { "/ozg.v1.LeistungService/GetLeistung", [0x0A, 0x01, 0x31] },
        { "/ozg.v1.LeistungService/UpdateLeistungStatus", [0x08, 0x01, .. Bytes(2, "wire-type"u8.ToArray()), 0x22, 0x01, 0x32] },
        // A varint of eleven bytes: ten at most are allowed.
        { "/ozg.v1.LeistungService/GetLeistung", [0x08, .. Enumerable.Repeat((byte)0xFF, 10), 0x01] },
        { "/ozg.v1.ProgrammeManagementService/SetKomponenteNutzung", [0x20, .. Enumerable.Repeat((byte)0x80, 10), 0x01] },
    };

    public static TheoryData<string, byte[]> FramesThatAreBroken => new()
    {
        { "no message at all", [] },
        { "a header cut short", [0x00, 0x00, 0x00] },
        { "a frame announcing ten bytes of which two arrive", [.. RawGrpcCall.Header(10), 0x08, 0x01] },
        { "a second message after the first", [.. RawGrpcCall.Frame([0x08, 0x01]), .. RawGrpcCall.Frame([0x08, 0x02])] },
        { "an undefined compression flag", [0x02, .. RawGrpcCall.Header(2)[1..], 0x08, 0x01] },
        { "a compressed message without grpc-encoding", [0x01, .. RawGrpcCall.Header(2)[1..], 0x08, 0x01] },
    };

    [Theory]
    [MemberData(nameof(StringsThatAreNotUtf8))]
    public async Task A_string_field_that_is_not_UTF8_is_an_invalid_argument_with_or_without_a_token(string path, byte[] message)
    {
        await AssertUndecodable(path, RawGrpcCall.Frame(message));
    }

    /// <summary>A stream's messages are read only after the caller is let in: without a token it is refused as such.</summary>
    [Fact]
    public async Task A_streamed_usage_row_that_is_not_UTF8_is_an_invalid_argument()
    {
        var (status, message) = await Call.SendAsync("/ozg.v1.NutzungService/ImportNutzung", RawGrpcCall.Frame(Bytes(2, Bytes(2, LoneSurrogate))), _token);

        Assert.True(status == StatusCode.InvalidArgument && message.StartsWith(Undecodable, StringComparison.Ordinal), $"answered {status}: {message}");
    }

    [Theory]
    [MemberData(nameof(MessagesThatAreMalformed))]
    public async Task A_truncated_message_a_wrong_wire_type_or_an_overlong_varint_is_an_invalid_argument(string path, byte[] message)
    {
        await AssertUndecodable(path, RawGrpcCall.Frame(message));
    }

    [Theory]
    [MemberData(nameof(FramesThatAreBroken))]
    public async Task A_broken_gRPC_frame_is_an_invalid_argument(string what, byte[] body)
    {
        Assert.NotEmpty(what);
        await AssertUndecodable("/ozg.v1.LeistungService/GetLeistung", body);
        await AssertUndecodable("/ozg.v1.MonitoringService/WatchProgramme", body);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_as_resource_exhausted_with_or_without_a_token()
    {
        var body = RawGrpcCall.Frame(new byte[GatewayRegistration.MaxRequestBytes + 1]);

        foreach (var token in new[] { _token, null })
        {
            var (status, _) = await Call.SendAsync("/ozg.v1.RolloutService/ImportKommunen", body, token);
            Assert.Equal(StatusCode.ResourceExhausted, status);
        }
    }

    [Fact]
    public async Task An_enum_number_the_API_does_not_define_is_an_invalid_argument_naming_the_field()
    {
        var ozgId = fixture.TakeOzgId();
        byte[] report = [0x08, 99];
        byte[] status = [0x08, .. Varint(ozgId), .. Bytes(2, "wire-enum"u8.ToArray()), 0x28, 99];

        var (reportStatus, reportMessage) = await Call.SendAsync("/ozg.v1.MonitoringService/ExportReport", RawGrpcCall.Frame(report), _token);
        var (phaseStatus, phaseMessage) = await Call.SendAsync("/ozg.v1.LeistungService/UpdateLeistungStatus", RawGrpcCall.Frame(status), _token);
        var (anonymous, _) = await Call.SendAsync("/ozg.v1.MonitoringService/ExportReport", RawGrpcCall.Frame(report), token: null);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (reportStatus, phaseStatus));
        Assert.StartsWith("kind", reportMessage, StringComparison.Ordinal);
        Assert.StartsWith("phase", phaseMessage, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, anonymous);
    }

    /// <summary>A client whose compression is broken, or that names the wrong grpc-encoding for its bytes.</summary>
    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task A_compressed_message_that_is_not_data_of_its_grpc_encoding_is_an_invalid_argument(string encoding)
    {
        byte[] notCompressed = [0x08, 0x90, 0x4E, 0x01, 0x02, 0x03];

        foreach (var path in new[] { "/ozg.v1.LeistungService/GetLeistung", "/ozg.v1.RolloutService/ImportKommunen", "/ozg.v1.NutzungService/ImportNutzung" })
        {
            var (status, message) = await Call.SendAsync(path, RawGrpcCall.CompressedFrame(notCompressed), _token, encoding);
            Assert.True(status == StatusCode.InvalidArgument && message.StartsWith(Undecodable, StringComparison.Ordinal), $"{path} ({encoding}) answered {status}: {message}");
            Assert.Contains(encoding, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_compressed_message_is_read_and_one_that_grows_beyond_the_size_limit_is_resource_exhausted()
    {
        var ozgId = fixture.TakeOzgId();
        var land = new byte[GatewayRegistration.MaxRequestBytes + 1];
        Array.Fill(land, (byte)'N');

        var (read, _) = await Call.SendAsync("/ozg.v1.LeistungService/GetLeistung", RawGrpcCall.CompressedFrame(Gzip([0x08, .. Varint(ozgId)])), _token, "gzip");
        var (bomb, _) = await Call.SendAsync("/ozg.v1.RolloutService/ImportKommunen", RawGrpcCall.CompressedFrame(Gzip([0x0A, .. Varint(land.Length), .. land])), _token, "gzip");

        Assert.Equal((StatusCode.OK, StatusCode.ResourceExhausted), (read, bomb));
    }

    [Fact]
    public async Task Undecodable_requests_do_not_open_the_circuit_breaker()
    {
        // More refusals than the breaker needs to open at the default settings (10 calls, half of them failing).
        for (var i = 0; i < 30; i++)
        {
            var (status, _) = await Call.SendAsync("/ozg.v1.LeistungService/GetLeistung", RawGrpcCall.Frame([0x0F, 0x00]), _token);
            Assert.Equal(StatusCode.InvalidArgument, status);
        }

        var leistung = await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = KnownData.ElterngeldOzgId });
        Assert.Equal(KnownData.ElterngeldOzgId, leistung.Leistung.OzgId);
    }

    public void Dispose() => _client.Dispose();

    private async Task AssertUndecodable(string path, byte[] body)
    {
        foreach (var token in new[] { _token, null })
        {
            var (status, message) = await Call.SendAsync(path, body, token);
            Assert.True(status == StatusCode.InvalidArgument && message.StartsWith(Undecodable, StringComparison.Ordinal),
                $"{path} ({(token is null ? "no token" : "token")}) answered {status}: {message}");
        }
    }

    private static byte[] Gzip(byte[] message)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            gzip.Write(message);
        }

        return compressed.ToArray();
    }

    /// <summary>A length-delimited field (wire type 2) of a short value.</summary>
    private static byte[] Bytes(int field, byte[] value) => [(byte)((field << 3) | 2), (byte)value.Length, .. value];

    private static byte[] Varint(long value)
    {
        var bytes = new List<byte>();
        var rest = (ulong)value;
        do
        {
            var next = (byte)(rest & 0x7F);
            rest >>= 7;
            bytes.Add(rest == 0 ? next : (byte)(next | 0x80));
        }
        while (rest != 0);
        return [.. bytes];
    }
}

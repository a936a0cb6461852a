using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// Requests an attacker or a broken client sends, all the soak long: no token, a forged token, a reader writing, an
/// IT-Dienstleister writing a Leistung not assigned to it, invalid fields, a request id reused for another change,
/// and bytes that are no request (invalid UTF-8, a truncated message). Each must be refused with its proper code
/// (or UNAVAILABLE while a fault lasts) and change nothing. <paramref name="usedRequest"/>: a status update the
/// programme management made before (Reifegrad 1), whose request id is reused for another change.
/// </summary>
public sealed class SoakHostileTraffic(
    HostileChannels channels, int[] foreignOzgIds, (int OzgId, string RequestId) usedRequest, SoakLedger ledger, Random random)
{
    private const string Source = "hostile";

    private static readonly StatusCode[] Invalid = [StatusCode.InvalidArgument];
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly Method<byte[], byte[]> RawGetItDienstleister =
        new(MethodType.Unary, ItDienstleisterService.Descriptor.FullName, "GetItDienstleister", Bytes, Bytes);

    /// <summary>Outcomes that were not among the acceptable ones (UNAVAILABLE aside), by kind and code.</summary>
    public ConcurrentDictionary<string, int> Unexpected { get; } = new();

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var call = Next();
                try
                {
                    await call.Send(stop);
                    ledger.Succeeded(Source);
                    Unexpected.AddOrUpdate($"{call.Kind}: OK", 1, (_, n) => n + 1);
                }
                catch (RpcException exception) when (!stop.IsCancellationRequested)
                {
                    ledger.Failed(Source, exception);
                    if (!call.Acceptable.Contains(exception.StatusCode) && exception.StatusCode != StatusCode.Unavailable)
                    {
                        Unexpected.AddOrUpdate($"{call.Kind}: {exception.StatusCode}", 1, (_, n) => n + 1);
                    }
                }

                await Task.Delay(Pause, stop);
            }
        }
        catch (Exception exception) when (SoakCalls.Stopped(exception, stop))
        {
            // The soak ended.
        }
    }

    private HostileCall Next()
    {
        var ozgId = foreignOzgIds[random.Next(foreignOzgIds.Length)];
        var request = new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 2 };
        return random.Next(10) switch
        {
            0 => Status("no token", [StatusCode.Unauthenticated], request, channels.Anonymous),
            1 => Status("forged token", [StatusCode.Unauthenticated], request, channels.Forged),
            2 => Status("monitoring writes", [StatusCode.PermissionDenied], request, channels.Monitoring),
            3 => Status("IT-Dienstleister writes a Leistung not assigned to it", [StatusCode.PermissionDenied], request, channels.ItDienstleister),
            4 => Status("Reifegrad out of range", Invalid, new() { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 5 + random.Next(1000) }, channels.Management),
            5 => Status("unknown OZG-ID", [StatusCode.InvalidArgument, StatusCode.NotFound], new() { OzgId = 900_000 + random.Next(99_999), RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 }, channels.Management),
            // ABORTED too: while a silo dies, two activations of the Leistung may race for a moment, and a write that meets
            // the other's stored state is refused as a collision ("read the current state and retry"), not guessed at.
            6 => Status("request id reused for another change", [.. Invalid, StatusCode.Aborted], new() { OzgId = usedRequest.OzgId, RequestId = usedRequest.RequestId, Reifegrad = 2 + random.Next(3) }, channels.Management),
            7 => new("as_of out of range", Invalid, cancellationToken => new MonitoringService.MonitoringServiceClient(channels.Monitoring).GetLeistungAsOfAsync(
                new GetLeistungAsOfRequest { OzgId = ozgId, AsOf = new Timestamp { Seconds = long.MaxValue - random.Next() } },
                deadline: SoakCalls.Deadline(), cancellationToken: cancellationToken).ResponseAsync),
            8 => new("bad page token", Invalid, cancellationToken => new LeistungService.LeistungServiceClient(channels.Monitoring).ListLeistungChangesAsync(
                new ListLeistungChangesRequest { OzgId = ozgId, PageToken = "-9223372036854775808" }, deadline: SoakCalls.Deadline(), cancellationToken: cancellationToken).ResponseAsync),
            _ => Raw(random.Next(2) == 0
                ? ("invalid UTF-8 in a string field", [0x0A, 0x02, 0xC3, 0x28])
                : ("truncated message", [0x0A, 0x05, 0x61])),
        };
    }

    private static HostileCall Status(string kind, StatusCode[] acceptable, UpdateLeistungStatusRequest request, GrpcChannel channel) =>
        new(kind, acceptable, cancellationToken => new LeistungService.LeistungServiceClient(channel)
            .UpdateLeistungStatusAsync(request, deadline: SoakCalls.Deadline(), cancellationToken: cancellationToken).ResponseAsync);

    private HostileCall Raw((string Kind, byte[] Body) raw) =>
        new(raw.Kind, Invalid, cancellationToken => channels.Management.CreateCallInvoker()
            .AsyncUnaryCall(RawGetItDienstleister, null, new CallOptions(deadline: SoakCalls.Deadline(), cancellationToken: cancellationToken), raw.Body).ResponseAsync);
}

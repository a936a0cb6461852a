using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>
/// LeistungService with no work behind it: UpdateLeistungStatus answers every request with the same prepared response
/// (of the size of a real one). The baseline of P1: what the same load generator gets from grpc-dotnet alone.
/// </summary>
public sealed class BareLeistungService : LeistungService.LeistungServiceBase
{
    private static readonly Task<UpdateLeistungStatusResponse> Answer = Task.FromResult(new UpdateLeistungStatusResponse
    {
        OzgId = 10000,
        Version = 2,
        Status = new LeistungStatus { Reifegrad = 3, Phase = Umsetzungsphase.Pilotierung },
        LastChange = new ChangeStamp
        {
            ChangedBy = "benchmark-bare",
            ChangedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch),
            RequestId = Guid.Empty.ToString(),
        },
    });

    public override Task<UpdateLeistungStatusResponse> UpdateLeistungStatus(UpdateLeistungStatusRequest request, ServerCallContext context) => Answer;
}

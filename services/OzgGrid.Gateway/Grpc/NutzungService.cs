using Grpc.Core;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Nutzung;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The usage API: imports (a stream, or a batch for REST/JSON) checked whole before anything is written, the monthly
/// figures of a Land or Kreis, and the findings (the report is in <c>NutzungService.Report.cs</c>). Who may import for
/// which Onlinedienst and Land the usage record decides.
/// </summary>
public sealed partial class NutzungService(IGrainFactory grains, ProgrammeClock clock, IOptions<Limits> limits)
    : Protos.V1.NutzungService.NutzungServiceBase
{
    private const string BefundeList = "nutzungsbefunde";

    public override async Task<ImportNutzungResult> ImportNutzung(IAsyncStreamReader<ImportNutzungRequest> requestStream, ServerCallContext context)
    {
        var import = NewImport(limits.Value.NutzungZeilenProImport, $"{Limits.Section}:{nameof(Limits.NutzungZeilenProImport)}");
        string? requestId = null;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var message = requestStream.Current;
            requestId ??= message.RequestId;
            if (message.RequestId.Length > 0 && message.RequestId != requestId)
            {
                throw RequestGuard.Invalid("request_id", "Give the import's request id in the first message; later messages leave it empty or repeat it.");
            }

            foreach (var row in message.Rows)
            {
                await import.AddAsync(row);
            }
        }

        var command = await context.WriteCommandAsync(grains, requestId ?? string.Empty, expectedVersion: null);
        return await import.WriteAsync(command);
    }

    public override async Task<ImportNutzungResult> ImportNutzungBatch(ImportNutzungRequest request, ServerCallContext context)
    {
        var limit = limits.Value.NutzungZeilenProAufruf;
        if (request.Rows.Count > limit)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"rows: at most {limit} per call ({Limits.Section}:{nameof(Limits.NutzungZeilenProAufruf)}), not {request.Rows.Count}; stream larger imports with ImportNutzung."));
        }

        var import = NewImport(limit, $"{Limits.Section}:{nameof(Limits.NutzungZeilenProAufruf)}");
        foreach (var row in request.Rows)
        {
            await import.AddAsync(row);
        }

        var command = await context.WriteCommandAsync(grains, request.RequestId, expectedVersion: null);
        return await import.WriteAsync(command);
    }

    public override async Task<GetNutzungResponse> GetNutzung(GetNutzungRequest request, ServerCallContext context)
    {
        var land = RequestGuard.Land(request.Land, "land");
        var kreis = NutzungGuard.Kreis(request.Kreis, land);
        var (from, to) = NutzungGuard.Range(request.From, request.To, Monat.Von(clock.Now));
        IEnumerable<string> dienste = NutzungGuard.OnlinedienstId(request.OnlinedienstId) is { } one
            ? [one]
            : await grains.GetGrain<IIdSetGrain>(NutzungKeys.Onlinedienste(land)).GetAsync();
        var jahre = Enumerable.Range(from.Jahr, to.Jahr - from.Jahr + 1).ToList();
        var records = await NutzungRecords.ReadAsync(grains, dienste.SelectMany(id => jahre.Select(jahr => NutzungKeys.Record(id, land, jahr))));
        var register = await grains.GetGrain<IKommunenRegisterGrain>(land).GetAsync();
        return NutzungFigures.Sum(records, kreis, from, to, register.Successors());
    }

    public override async Task<ListNutzungsBefundeResponse> ListNutzungsBefunde(ListNutzungsBefundeRequest request, ServerCallContext context)
    {
        var laender = request.Land.Length == 0 ? LaenderRegister.All.Select(l => l.Kuerzel).ToList() : [RequestGuard.Land(request.Land, "land")];
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var list = $"{BefundeList}-{request.Land}";
        var skip = PageToken.Decode(request.PageToken, list) ?? 0;
        var befunde = (await Task.WhenAll(laender.Select(l => grains.GetGrain<INutzungLandGrain>(l).GetBefundeAsync()))).SelectMany(b => b).ToList();
        var page = befunde.Skip((int)Math.Min(skip, int.MaxValue)).Take(pageSize).ToList();
        var next = skip + page.Count;
        return new ListNutzungsBefundeResponse
        {
            Befunde = { page.Select(b => b.MapToProto()) },
            NextPageToken = next < befunde.Count ? PageToken.Encode(list, next) : string.Empty,
        };
    }

    private NutzungImport NewImport(int limit, string setting) => new(grains, Monat.Von(clock.Now), limit, setting);
}

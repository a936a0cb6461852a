using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// A newer Gebietsstand of one Land imported over gRPC as the programme management: the register as it stands with one
/// Kommune merged into another, and the register put back afterwards (the merged Kommune current again) for the other
/// tests of the host.
/// </summary>
public sealed class KommunenMerger(GrpcChannel channel, string land)
{
    private readonly RolloutService.RolloutServiceClient _rollout = new(channel);

    /// <summary>The registered Kommunen of the Land, in AGS order.</summary>
    public async Task<IReadOnlyList<Kommune>> RegisterAsync()
    {
        var kommunen = new List<Kommune>();
        var request = new ListKommunenRequest { Land = land, PageSize = 500 };
        do
        {
            var page = await _rollout.ListKommunenAsync(request);
            kommunen.AddRange(page.Kommunen);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return [.. kommunen.OrderBy(k => k.Ags, StringComparer.Ordinal)];
    }

    /// <summary>Imports <paramref name="register"/> with <paramref name="merged"/> merged into <paramref name="successor"/>.</summary>
    public Task<ImportKommunenResponse> MergeAsync(IReadOnlyList<Kommune> register, string merged, string successor) =>
        ImportAsync(register, ags => ags == merged ? successor : string.Empty);

    /// <summary>Imports <paramref name="register"/> again, every Kommune current.</summary>
    public Task<ImportKommunenResponse> RestoreAsync(IReadOnlyList<Kommune> register) => ImportAsync(register, _ => string.Empty);

    private Task<ImportKommunenResponse> ImportAsync(IReadOnlyList<Kommune> register, Func<string, string> mergedInto) =>
        _rollout.ImportKommunenAsync(new ImportKommunenRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Land = land,
            Kommunen =
            {
                register.Select(k => new Kommune
                {
                    Ags = k.Ags, Name = k.Name, Source = KommuneSource.Imported, KreisAgs = k.KreisAgs, KreisName = k.KreisName,
                    Ars = k.Ars, Einwohner = k.Einwohner, MergedInto = mergedInto(k.Ags),
                }),
            },
        }).ResponseAsync;
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// A stream cut off for falling behind ends with RESOURCE_EXHAUSTED at its next step. While a write waits for a client
/// that does not read at all there is no next step (HTTP/2 sends the status only after the data it waits on), so after
/// <c>OzgGrid:Monitoring:StalledWriteGrace</c> the stream is reset with ENHANCE_YOUR_CALM, which gRPC clients see as
/// RESOURCE_EXHAUSTED; over HTTP/1.1 (the programme page) the connection is closed. Either way the stream ends and
/// frees its slot.
/// </summary>
public sealed class StalledClientReset : IDisposable
{
    /// <summary>The HTTP/2 error code that gRPC maps to RESOURCE_EXHAUSTED.</summary>
    private const int EnhanceYourCalm = 0xb;

    private readonly CancellationTokenSource _ended = new();
    private readonly CancellationTokenRegistration _cutOff;

    public StalledClientReset(HttpContext http, TimeSpan grace, CancellationToken cutOff) =>
        _cutOff = cutOff.Register(() => _ = ResetAfterAsync(http, grace));

    public void Dispose()
    {
        // The registration first: it waits for a callback under way, which then sees the stream ended.
        _cutOff.Dispose();
        _ended.Cancel();
        _ended.Dispose();
    }

    private async Task ResetAfterAsync(HttpContext http, TimeSpan grace)
    {
        try
        {
            await Task.Delay(grace, _ended.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (http.Features.Get<IHttpResetFeature>() is { } reset)
        {
            reset.Reset(EnhanceYourCalm);
        }
        else
        {
            http.Abort();
        }
    }
}

using System.Net.Http.Headers;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Reads a server-sent event stream (the programme page's) as a browser's EventSource does, one event at a time.</summary>
public sealed class ServerSentEvents : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private ServerSentEvents(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Opens the stream at <paramref name="path"/>, with a bearer token when one is given.</summary>
    public static async Task<ServerSentEvents> OpenAsync(HttpClient http, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new ServerSentEvents(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Reads events until one matches; all read, the matching one last.</summary>
    public async Task<List<(string Name, string Data)>> ReadUntilAsync(Func<string, string, bool> match, string expectation)
    {
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        var events = new List<(string Name, string Data)>();
        string name = "message", data = "";
        try
        {
            while (await _reader.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    events.Add((name, data));
                    if (match(name, data))
                    {
                        return events;
                    }

                    (name, data) = ("message", "");
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"Expected {expectation} within {Eventually.DefaultTimeout}; read {events.Count} events: {string.Join(", ", events.Select(e => e.Name))}");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>One HTTP/JSON call as a portal or a PHP script makes it: a bearer token, a JSON body, nothing of gRPC.</summary>
public sealed record RestCall(HttpStatusCode Status, string ContentType, JsonElement Json, HttpResponseHeaders Headers)
{
    /// <param name="contentType">The Content-Type header exactly as given (for a body in UTF-8, or none); by default application/json.</param>
    public static async Task<RestCall> SendAsync(
        HttpClient http, HttpMethod method, string path, string? token = null, string? json = null, string? contentType = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (contentType is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json ?? ""));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        else if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return new RestCall(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", document.RootElement.Clone(), response.Headers);
    }

    /// <summary>The <c>google.rpc.Status</c> code of an error answer.</summary>
    public int Code => Json.GetProperty("code").GetInt32();

    public string Message => Json.GetProperty("message").GetString() ?? "";
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Api;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>The OpenAPI document of the REST/JSON routes against the routes the host really serves, and its page.</summary>
[Collection(GatewayCollection.Name)]
public sealed partial class RestOpenApiTests(GatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };

    [Fact]
    public async Task Every_transcoded_route_is_in_the_document_and_every_route_of_the_document_is_transcoded()
    {
        var served = TranscodedRoutes().Select(route => route.Route).ToHashSet();
        var token = fixture.Host.TokenFor(Roles.Monitoring, "rest-openapi");

        var document = await RestCall.SendAsync(_http, HttpMethod.Get, "/openapi/v1.json", token);

        Assert.Equal(HttpStatusCode.OK, document.Status);
        var documented = document.Json.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        Assert.Empty(served.Except(documented));
        Assert.Empty(documented.Except(served));
        Assert.Contains("GET /v1/themenfelder", documented);
        Assert.Contains("POST /v1/leistungen/{ozgId}:setStatus", documented);
    }

    [Fact]
    public void Every_method_of_every_ozg_v1_service_the_host_maps_is_transcoded()
    {
        var mapped = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Where(method => method.Method.ServiceName.StartsWith("ozg.v1.", StringComparison.Ordinal))
            // JSON transcoding carries no client stream: such a method has a unary twin with a route (HttpAnnotationTests).
            .Where(method => method.Method.Type != MethodType.ClientStreaming)
            .Select(method => method.Method.FullName)
            .ToHashSet();

        var transcoded = TranscodedRoutes().Select(route => route.Method).ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(transcoded));
    }

    [Fact]
    public void The_route_table_in_the_readme_lists_exactly_the_routes_the_host_serves()
    {
        var served = Transcoded()
            .Select(route => (Service: route.MethodDescriptor.Service.Name, Route: VerbAndPath(route.HttpRule), Method: route.MethodDescriptor.Name))
            .Select(route => (route.Service, Route: $"{route.Route.Verb} {route.Route.Path}", route.Method))
            .ToHashSet();

        // Rows "| `Service` | `VERB /path` | `Method` (a note) |"; an empty service cell continues the one above.
        var listed = new HashSet<(string Service, string Route, string Method)>();
        var service = string.Empty;
        foreach (var row in Repository.ReadmeTable("| service | route | RPC |").Select(line => ReadmeRouteRow().Match(line)))
        {
            Assert.True(row.Success, $"not a row of the route table: {row.Value}");
            service = row.Groups["service"].Success ? row.Groups["service"].Value : service;
            listed.Add((service, row.Groups["route"].Value, row.Groups["method"].Value));
        }

        Assert.True(listed.Count >= 50, $"README lists {listed.Count} routes");
        var missing = served.Except(listed).Select(route => $"| `{route.Service}` | `{route.Route}` | `{route.Method}` |").Order(StringComparer.Ordinal).ToList();
        var stale = listed.Except(served).Select(route => $"{route.Service} {route.Route} {route.Method}").ToList();
        Assert.True(missing.Count == 0, $"served, but not in README's route table:\n{string.Join('\n', missing)}");
        Assert.True(stale.Count == 0, $"in README's route table, but not served: {string.Join("; ", stale)}");
    }

    [Fact]
    public async Task The_document_needs_a_token_outside_Development_and_its_page_loads_nothing_from_elsewhere()
    {
        var anonymous = await RestCall.SendAsync(_http, HttpMethod.Get, "/openapi/v1.json");
        var page = await _http.GetAsync("/openapi/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), html);
    }

    /// <summary>Every transcoded route as "VERB /path" with its parameters named as in the document ({ozgId}), and its gRPC method.</summary>
    private IEnumerable<(string Route, string Method)> TranscodedRoutes() =>
        Transcoded()
            .Select(route =>
            {
                var (verb, path) = VerbAndPath(route.HttpRule);
                var documented = RouteVariable().Replace(path, variable => "{" + route.MethodDescriptor.InputType.FindFieldByName(variable.Groups[1].Value).JsonName + "}");
                return ($"{verb} {documented}", $"/{route.MethodDescriptor.Service.FullName}/{route.MethodDescriptor.Name}");
            });

    /// <summary>Every route the host serves by JSON transcoding.</summary>
    private IEnumerable<GrpcJsonTranscodingMetadata> Transcoded() =>
        fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>())
            .OfType<GrpcJsonTranscodingMetadata>();

    private static (string Verb, string Path) VerbAndPath(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
        HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
        HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
        HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
        _ => (rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path),
    };

    [GeneratedRegex(@"\{([a-z0-9_]+)(=[^}]*)?\}")]
    private static partial Regex RouteVariable();

    [GeneratedRegex(@"^\|\s*(`(?<service>\w+)`)?\s*\|\s*`(?<route>[A-Z]+ [^`]+)`\s*\|\s*`(?<method>\w+)`[^|]*\|$")]
    private static partial Regex ReadmeRouteRow();

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    public void Dispose() => _http.Dispose();
}

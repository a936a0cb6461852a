using System.Reflection;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;

namespace OzgGrid.Gateway.Tests.Rest;

/// <summary>
/// Every method of every <c>ozg.v1</c> service, found in the generated code (so a proto file added later is covered
/// without a change here), has a <c>google.api.http</c> route of its own: the REST/JSON face misses none.
/// </summary>
public sealed partial class HttpAnnotationTests
{
    /// <summary>
    /// Methods without a route, each with the reason: JSON transcoding carries no client stream, so a client-streaming
    /// method has a unary twin with a route instead.
    /// </summary>
    private static readonly Dictionary<string, (string Reason, string Twin)> Exempt = new()
    {
        ["ozg.v1.NutzungService.ImportNutzung"] = ("client stream", "ozg.v1.NutzungService.ImportNutzungBatch"),
    };

    [Fact]
    public void Every_method_of_every_ozg_v1_service_has_a_google_api_http_route()
    {
        var methods = OzgMethods();

        var missing = methods.Where(method => Route(method) is null && !Exempt.ContainsKey(method.FullName)).Select(method => method.FullName);

        Assert.True(methods.Count > 40, $"only {methods.Count} methods of ozg.v1 were found");
        Assert.Empty(missing);
    }

    [Fact]
    public void Only_client_streaming_methods_go_without_a_route_and_each_has_a_unary_twin_with_one()
    {
        var methods = OzgMethods().ToDictionary(method => method.FullName);

        Assert.All(Exempt, exempt =>
        {
            var method = methods[exempt.Key];
            Assert.True(method.IsClientStreaming, $"{exempt.Key} is exempt as a {exempt.Value.Reason} but does not stream its requests");
            Assert.Null(Route(method));
            var twin = methods[exempt.Value.Twin];
            Assert.False(twin.IsClientStreaming || twin.IsServerStreaming);
            Assert.Equal(method.InputType, twin.InputType);
            Assert.Equal(method.OutputType, twin.OutputType);
            Assert.NotNull(Route(twin));
        });
        Assert.All(methods.Values.Where(m => m.IsClientStreaming), m => Assert.Contains(m.FullName, Exempt.Keys));
    }

    [Fact]
    public void No_two_methods_share_a_route()
    {
        var shared = OzgMethods()
            .Select(method => (method.FullName, Route: Route(method)))
            .Where(method => method.Route is not null)
            .GroupBy(method => AnyVariable().Replace(method.Route!, "{}"))
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(method => method.FullName))}");

        Assert.Empty(shared);
    }

    private static List<MethodDescriptor> OzgMethods() =>
        [.. typeof(Protos.V1.LeistungService).Assembly.GetTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .Select(property => (FileDescriptor)property!.GetValue(null)!)
            .Where(file => file.Package == "ozg.v1")
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)];

    private static string? Route(MethodDescriptor method) => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule
        ? rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => "GET " + rule.Get,
            HttpRule.PatternOneofCase.Post => "POST " + rule.Post,
            HttpRule.PatternOneofCase.Put => "PUT " + rule.Put,
            HttpRule.PatternOneofCase.Patch => "PATCH " + rule.Patch,
            HttpRule.PatternOneofCase.Delete => "DELETE " + rule.Delete,
            HttpRule.PatternOneofCase.Custom => rule.Custom.Kind + " " + rule.Custom.Path,
            _ => null,
        }
        : null;

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex AnyVariable();
}

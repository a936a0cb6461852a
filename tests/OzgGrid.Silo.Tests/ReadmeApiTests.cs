using System.Text.RegularExpressions;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// README's API section against the API itself: its table names every method of every service and no other, and every
/// grpcurl call README shows names a method that exists, with a JSON body that method accepts.
/// </summary>
public sealed partial class ReadmeApiTests
{
    [Fact]
    public void The_api_table_in_the_readme_names_every_method_of_every_service_and_no_other()
    {
        // Rows "| `ozg.v1.Service` | `Method`, `Method` | what it does |"; an empty service cell continues the one above.
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var service = string.Empty;
        foreach (var row in Repository.ReadmeTable("| service | RPC | what it does |").Select(line => ApiRow().Match(line)))
        {
            Assert.True(row.Success, $"not a row of the API table: {row.Value}");
            service = row.Groups["service"].Success ? row.Groups["service"].Value : service;
            if (service.StartsWith("ozg.v1.", StringComparison.Ordinal))
            {
                listed.UnionWith(MethodName().Matches(row.Groups["methods"].Value).Select(method => $"{service}/{method.Groups[1].Value}"));
            }
        }

        var methods = ReadmeGrpcurl.Services().Where(descriptor => descriptor.File.Package == "ozg.v1")
            .SelectMany(descriptor => descriptor.Methods).Select(method => $"{method.Service.FullName}/{method.Name}").ToHashSet(StringComparer.Ordinal);
        Assert.True(methods.Count >= 80, $"the API has {methods.Count} methods");
        var missing = methods.Except(listed).Order(StringComparer.Ordinal).ToList();
        var stale = listed.Except(methods).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"in the API, but not in README's table: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"in README's table, but not in the API: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Every_grpcurl_call_in_the_readme_names_a_method_that_exists_with_a_body_it_accepts()
    {
        var readme = Repository.Readme;
        var methods = ReadmeGrpcurl.MethodsCalled().Matches(readme).ToList();
        var withBody = ReadmeGrpcurl.CallsWithBody().Matches(readme).ToList();

        Assert.True(methods.Count >= 15, $"README shows {methods.Count} grpcurl calls");
        Assert.All(methods, call => ReadmeGrpcurl.Method(call.Groups["service"].Value, call.Groups["method"].Value));
        Assert.All(withBody, call => ReadmeGrpcurl.Request(call));
    }

    [GeneratedRegex(@"^\|\s*(`(?<service>[\w.]+)`)?\s*\|(?<methods>[^|]*)\|.*\|$")]
    private static partial Regex ApiRow();

    [GeneratedRegex(@"`(\w+)`")]
    private static partial Regex MethodName();
}

using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Every grpcurl call README.md shows names a method of the API that exists, with a JSON body that method accepts.</summary>
public sealed class ReadmeGrpcurlCallsTests
{
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
}

using System.Net;

namespace OzgGrid.Silo.Tests.Observability;

[Collection(ObservabilityCollection.Name)]
public sealed class HealthRegistrationTests(ObservabilityFixture fixture)
{
    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    public async Task A_health_endpoint_answers_Healthy_in_plain_text_without_a_token(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/programm/")]
    [InlineData("/programm/api/kennzahlen")]
    public async Task The_operations_paths_are_not_served_on_the_gRPC_listener(string path)
    {
        using var http2 = new HttpClient { BaseAddress = new Uri($"http://{fixture.Host.Channel.Target}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await http2.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

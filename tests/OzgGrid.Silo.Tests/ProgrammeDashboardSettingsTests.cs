using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The programme page configured otherwise than by default, on a host of its own.</summary>
public sealed class ProgrammeDashboardSettingsTests
{
    [Fact]
    public async Task With_a_token_required_the_page_refuses_a_request_without_one_and_answers_a_monitoring_token()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:ProgrammeDashboard:RequireToken=true", "--OzgGrid:Catalog:ImportOnFirstStart=false");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        var token = new AuthenticationHeaderValue("Bearer", host.TokenFor(Roles.Monitoring, "dashboard-viewer"));
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/programm/") { Headers = { Authorization = token } };
        using var readWithToken = new HttpRequestMessage(HttpMethod.Get, "/programm/api/kennzahlen") { Headers = { Authorization = token } };

        using var anonymous = await http.GetAsync("/programm/api/ereignisse");
        using var allowed = await http.SendAsync(withToken);
        using var read = await http.SendAsync(readWithToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_page_s_reads_pass_the_gateway_s_rate_limit_and_a_visitor_over_it_gets_429_with_the_reason()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:RateLimit:PermitsPerSecond=10", "--OzgGrid:RateLimit:Burst=1", "--OzgGrid:Catalog:ImportOnFirstStart=false");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };

        // One token, then one per 100 ms: a burst of parallel reads meets an empty bucket unless the machine stalls, so poll.
        var statuses = await Eventually.ReturnsAsync(
            () => Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            {
                using var response = await http.GetAsync("/programm/api/kennzahlen");
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            })),
            burst => burst.Any(read => read.StatusCode == HttpStatusCode.TooManyRequests),
            "a read of the burst to be refused by the rate limit");

        Assert.All(statuses, read => Assert.Contains(read.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(statuses, read => read.StatusCode == HttpStatusCode.OK);
        Assert.Contains(statuses, read => read.Body.Contains("Rate limit of 10 calls/s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_visitors_are_limited_per_address_so_one_over_the_limit_does_not_hold_up_another()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:RateLimit:PermitsPerSecond=1", "--OzgGrid:RateLimit:Burst=1", "--OzgGrid:Catalog:ImportOnFirstStart=false");
        using var first = new HttpClient { BaseAddress = host.HttpAddress };
        // Another visitor: the same loopback listener, reached from another loopback address.
        using var second = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        }) { BaseAddress = host.HttpAddress };

        await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await first.GetAsync("/programm/api/kennzahlen");
                return response.StatusCode;
            },
            status => status == HttpStatusCode.TooManyRequests,
            "the first visitor's reads to be refused by the rate limit");
        using var other = await second.GetAsync("/programm/api/kennzahlen");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task With_the_page_disabled_its_path_is_not_found()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:ProgrammeDashboard:Enabled=false", "--OzgGrid:Catalog:ImportOnFirstStart=false");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };

        using var response = await http.GetAsync("/programm/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

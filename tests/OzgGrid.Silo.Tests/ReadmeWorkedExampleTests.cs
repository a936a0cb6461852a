using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// README's worked example as a user copies it: its calls (tokens, JSON bodies, methods, read from README.md) are sent
/// over real gRPC, in its order, to a host of their own, where what its comments promise — the answer's version and
/// author, the retry's answer, the two refusals word for word — is checked.
/// </summary>
public sealed partial class ReadmeWorkedExampleTests : OwnHostTest
{
    [Fact]
    public async Task The_worked_example_in_the_readme_runs_as_written_and_answers_as_its_comments_say()
    {
        var example = ReadmeGrpcurl.WorkedExample();
        var channels = ReadmeGrpcurl.Tokens().Matches(example)
            .ToDictionary(token => token.Groups["name"].Value, token => ChannelFor(token.Groups["arguments"].Value));
        var calls = ReadmeGrpcurl.CallsWithBody().Matches(example).ToList();
        Assert.True(calls.Count >= 8, $"the worked example makes {calls.Count} grpcurl calls");

        (IMessage Request, IMessage Answer, GrpcChannel Channel, MethodDescriptor Method)? update = null;
        foreach (var call in calls)
        {
            var method = ReadmeGrpcurl.Method(call.Groups["service"].Value, call.Groups["method"].Value);
            var request = ReadmeGrpcurl.Request(call);
            var channel = channels[call.Groups["token"].Value];
            var answer = await ReadmeGrpcurl.CallAsync(channel, method, request);
            if (method.Name == nameof(LeistungService.LeistungServiceClient.UpdateLeistungStatus))
            {
                update = (request, answer, channel, method);
            }
        }

        var (sent, answered, caller, updateMethod) = update ?? throw new InvalidOperationException("The worked example makes no UpdateLeistungStatus call.");
        var promised = Promised().Match(example);
        Assert.True(promised.Success, "the worked example shows the update's answer");
        var status = (UpdateLeistungStatusResponse)answered;
        Assert.Equal((long.Parse(promised.Groups["version"].Value), promised.Groups["by"].Value), (status.Version, status.LastChange.ChangedBy));

        // "Sending the same request again returns the same answer"
        Assert.Equal(answered, await ReadmeGrpcurl.CallAsync(caller, updateMethod, sent));

        // "with "expected_version": 2 and a new request_id it is refused: FailedPrecondition "…""
        var newId = ((UpdateLeistungStatusRequest)sent).Clone();
        newId.RequestId = Guid.NewGuid().ToString();
        await AssertRefusedAsync(caller, updateMethod, newId, StatusCode.FailedPrecondition, example);

        // "Verfügbarkeit in Bayern is refused: PermissionDenied "…""
        var bayern = newId.Clone();
        bayern.RequestId = Guid.NewGuid().ToString();
        bayern.Verfuegbarkeit.Land = "BY";
        await AssertRefusedAsync(caller, updateMethod, bayern, StatusCode.PermissionDenied, example);
    }

    private static async Task AssertRefusedAsync(GrpcChannel channel, MethodDescriptor method, IMessage request, StatusCode code, string example)
    {
        var quoted = Regex.Match(example, $@"{code} ""(?<message>[^""]+)""");
        Assert.True(quoted.Success, $"the worked example quotes the {code} refusal");
        var refusal = await Assert.ThrowsAsync<RpcException>(() => ReadmeGrpcurl.CallAsync(channel, method, request));
        Assert.Equal((code, quoted.Groups["message"].Value), (refusal.StatusCode, refusal.Status.Detail));
    }

    /// <summary>A channel for <c>./ozg token ARGUMENTS</c>, its token signed by this host's key.</summary>
    private GrpcChannel ChannelFor(string arguments)
    {
        var options = ReadmeGrpcurl.TokenOptions().Matches(arguments).ToDictionary(option => option.Groups["name"].Value, option => option.Groups["value"].Value);
        return Host.ChannelFor(options["role"], options["subject"], options.GetValueOrDefault("it-dienstleister"));
    }

    [GeneratedRegex(@"# → \{.*""version"": ""(?<version>\d+)"".*""changedBy"": ""(?<by>[^""]+)""")]
    private static partial Regex Promised();
}

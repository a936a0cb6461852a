using System.Reflection;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>README.md's grpcurl calls read as grpcurl reads them, and made as grpcurl makes them.</summary>
public static partial class ReadmeGrpcurl
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    /// <summary>The bash block under "### Worked example".</summary>
    public static string WorkedExample()
    {
        var readme = Repository.Readme;
        var section = readme[readme.IndexOf("### Worked example", StringComparison.Ordinal)..];
        var start = section.IndexOf("```bash", StringComparison.Ordinal) + "```bash".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }

    /// <summary><c>NAME="authorization: Bearer $(./ozg token ARGUMENTS)"</c>.</summary>
    [GeneratedRegex(@"^(?<name>\w+)=""authorization: Bearer \$\(\./ozg token (?<arguments>[^)]*)\)""", RegexOptions.Multiline)]
    public static partial Regex Tokens();

    /// <summary>The options of <c>./ozg token</c>: <c>--role R --subject S [--it-dienstleister I]</c>.</summary>
    [GeneratedRegex(@"--(?<name>[\w-]+) (?<value>\S+)")]
    public static partial Regex TokenOptions();

    /// <summary>A call with a JSON body, made with the token in <c>$TOKEN</c>.</summary>
    [GeneratedRegex(@"grpcurl -plaintext -H ""\$(?<token>\w+)"" -d '(?<json>[^']*)' 127\.0\.0\.1:5080 (?<service>[\w.]+)/(?<method>\w+)")]
    public static partial Regex CallsWithBody();

    /// <summary>Any call of a method of OzgGrid's API.</summary>
    [GeneratedRegex(@"127\.0\.0\.1:5080 (?<service>ozg\.[\w.]+)/(?<method>\w+)")]
    public static partial Regex MethodsCalled();

    /// <summary>Every service of the API.</summary>
    public static IEnumerable<ServiceDescriptor> Services() =>
        typeof(LeistungService).Assembly.GetTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<ServiceDescriptor>();

    public static MethodDescriptor Method(string service, string method)
    {
        var found = Services().SingleOrDefault(descriptor => descriptor.FullName == service)
            ?? throw new InvalidOperationException($"There is no service {service}.");
        return found.FindMethodByName(method) ?? throw new InvalidOperationException($"{service} has no method {method}.");
    }

    /// <summary>The request of a call: its JSON body as grpcurl parses it (either field name, enum values by name).</summary>
    public static IMessage Request(Match call) =>
        JsonParser.Default.Parse(call.Groups["json"].Value, Method(call.Groups["service"].Value, call.Groups["method"].Value).InputType);

    /// <summary>Calls any method as grpcurl does: unary, or the first message of a server stream.</summary>
    public static async Task<IMessage> CallAsync(GrpcChannel channel, MethodDescriptor method, IMessage request)
    {
        var call = new Method<IMessage, IMessage>(
            method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            method.Service.FullName,
            method.Name,
            Marshallers.Create<IMessage>(message => message.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create<IMessage>(message => message.ToByteArray(), method.OutputType.Parser.ParseFrom));
        var options = new CallOptions(deadline: DateTime.UtcNow.Add(CallDeadline));
        var invoker = channel.CreateCallInvoker();
        if (!method.IsServerStreaming)
        {
            return await invoker.AsyncUnaryCall(call, null, options, request);
        }

        using var stream = invoker.AsyncServerStreamingCall(call, null, options, request);
        if (!await stream.ResponseStream.MoveNext(CancellationToken.None))
        {
            throw new InvalidOperationException($"{method.FullName} ended without a message.");
        }

        return stream.ResponseStream.Current;
    }
}

using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace OzgGrid.Gateway.Rest;

/// <summary>
/// Reads the path variables and query parameters of a REST call as strictly as <see cref="RestBodyCheck"/> reads the
/// body. Transcoding skips a query parameter it does not know, one of a write (whose fields it takes from the body
/// only) and one naming a path variable: a misspelt filter would answer the whole list, an <c>expectedVersion</c> put
/// in the query would let the write through unguarded. And it refuses a value of the wrong type without naming the
/// field. Each of these is 400 INVALID_ARGUMENT naming the parameter first; like the body, checked before the token.
/// </summary>
public static partial class RestQueryCheck
{
    public static IApplicationBuilder UseRestQueryCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } route
                && Refusal(context.Request, route) is { } refusal)
            {
                await RestStatus.WriteAsync(context, StatusCodes.Status400BadRequest, StatusCode.InvalidArgument, refusal);
                return;
            }

            await next(context);
        });

    private static string? Refusal(HttpRequest request, GrpcJsonTranscodingMetadata route)
    {
        var input = route.MethodDescriptor.InputType;
        var pattern = Pattern(route.HttpRule);
        var pathVariables = PathVariable().Matches(pattern).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var variable in pathVariables)
        {
            if (request.RouteValues.TryGetValue(variable, out var value) && value is string text
                && Resolve(input, variable) is { } field && RestFieldValue.Refusal(field[^1], text) is { } wrong)
            {
                return $"{variable}: {wrong}";
            }
        }

        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query)
        {
            if (Resolve(input, key) is not { } path)
            {
                return $"{key}: Not a query parameter of {request.Method} {pattern}; the OpenAPI document ({RestDocument.DocumentPath}) names them.";
            }

            var fieldPath = string.Join('.', path.Select(field => field.Name));
            if (route.HttpRule.Body == "*" || route.HttpRule.Body == path[0].Name)
            {
                return $"{key}: {request.Method} {pattern} takes its fields in the JSON body, not in the query.";
            }

            if (pathVariables.Contains(fieldPath))
            {
                return $"{key}: Given in the path ({pattern}); leave it out of the query.";
            }

            // A field given twice, by the same name or by its proto and its JSON name, would take the last value silently.
            var last = path[^1];
            if (!last.IsRepeated && (values.Count > 1 || !given.Add(fieldPath)))
            {
                return $"{key}: Takes one value; give it once.";
            }

            foreach (var value in values)
            {
                if (RestFieldValue.Refusal(last, value ?? "") is { } wrong)
                {
                    return $"{key}: {wrong}";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The fields a dotted name leads to, each segment by its JSON or proto name (as transcoding resolves them), or
    /// null if one names nothing.
    /// </summary>
    private static List<FieldDescriptor>? Resolve(MessageDescriptor message, string name)
    {
        var path = new List<FieldDescriptor>();
        MessageDescriptor? current = message;
        foreach (var segment in name.Split('.'))
        {
            var field = current?.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == segment)
                ?? current?.FindFieldByName(segment);
            if (field is null)
            {
                return null;
            }

            path.Add(field);
            current = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return path;
    }

    private static string Pattern(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Custom => rule.Custom.Path,
        _ => "",
    };

    /// <summary>A variable of a route pattern, <c>{ozg_id}</c> or <c>{nummer=**}</c>: its field path.</summary>
    [GeneratedRegex(@"\{([^}=]+)")]
    private static partial Regex PathVariable();
}

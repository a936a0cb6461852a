using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Writers;
using Swashbuckle.AspNetCore.Swagger;

namespace OzgGrid.Gateway.Rest;

/// <summary>
/// The OpenAPI document of the REST/JSON routes (<see cref="DocumentPath"/>), built from the transcoded endpoints by
/// Microsoft.AspNetCore.Grpc.Swagger (Microsoft.AspNetCore.OpenApi has no support for transcoded routes), and a page that renders
/// it without anything from outside the silo (<see cref="PagePath"/>).
/// </summary>
public static class RestDocument
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/openapi/";
    private const string DocumentName = "v1";
    private const string Bearer = "bearer";

    public static IServiceCollection AddOzgGridRestDocument(this IServiceCollection services)
    {
        services.AddGrpcSwagger();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "OzgGrid ozg.v1 (REST/JSON)",
                Version = DocumentName,
                Description = "The gRPC API ozg.v1 as HTTP/JSON (proto3 JSON: int64 as strings, enums by name). Errors are google.rpc.Status.",
            });

            // Only the transcoded routes: the host's other endpoints (health, metrics, the programme page) are no part of this API.
            options.DocInclusionPredicate((_, description) => description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().Any());
            var scheme = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = Bearer, BearerFormat = "JWT",
                Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = Bearer },
            };
            options.AddSecurityDefinition(Bearer, scheme);
            options.AddSecurityRequirement(new OpenApiSecurityRequirement { [scheme] = [] });
        });
        return services;
    }

    /// <summary>
    /// Like gRPC reflection, the document shows the API's shape without a token only in Development; elsewhere it
    /// needs a token of any role. The page holds no data and is open.
    /// </summary>
    public static IEndpointRouteBuilder MapOzgGridRestDocument(this IEndpointRouteBuilder endpoints, bool isDevelopment)
    {
        endpoints.MapGet(DocumentPath, (HttpContext http, ISwaggerProvider swagger) => WriteDocumentAsync(http, swagger, isDevelopment));
        endpoints.MapGet(PagePath, (HttpContext http) => WritePageAsync(http));
        return endpoints;
    }

    private static async Task WriteDocumentAsync(HttpContext http, ISwaggerProvider swagger, bool isDevelopment)
    {
        if (!isDevelopment && http.User.Identity?.IsAuthenticated != true)
        {
            await RestStatus.WriteAsync(http, StatusCodes.Status401Unauthorized, StatusCode.Unauthenticated,
                "Send a bearer token of any role in the authorization header to read the OpenAPI document.");
            return;
        }

        var document = swagger.GetSwagger(DocumentName);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiJsonWriter(text));
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(text.ToString());
    }

    private static async Task WritePageAsync(HttpContext http)
    {
        // Routing matches /openapi too; the page's links are relative to /openapi/.
        if (!http.Request.Path.Value!.EndsWith('/'))
        {
            http.Response.Redirect(http.Request.PathBase + PagePath);
            return;
        }

        await using var page = typeof(RestDocument).Assembly.GetManifestResourceStream(typeof(RestDocument).Namespace + ".openapi.html")
            ?? throw new InvalidOperationException("The OpenAPI page is not embedded in the gateway.");
        http.Response.ContentType = "text/html; charset=utf-8";
        await page.CopyToAsync(http.Response.Body);
    }
}

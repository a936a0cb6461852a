using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OzgGrid.Gateway.Validation;

namespace OzgGrid.Gateway.Rest;

/// <summary>
/// Answers a call under <c>/v1/</c> that no route serves with a <c>google.rpc.Status</c> body, as every other REST/JSON
/// error is answered: routing alone leaves a 404 (a misspelt path) or 405 (a method the route does not take) empty,
/// which a client reading the error's JSON cannot read. The HTTP status stays; the body says what to do.
/// </summary>
public static class RestRouteMiss
{
    private const string RoutePrefix = "/v1";

    public static IApplicationBuilder UseRestRouteMiss(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async pages =>
        {
            var http = pages.HttpContext;
            var status = http.Response.StatusCode;
            if (!http.Request.Path.StartsWithSegments(RoutePrefix) || status is not (StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed))
            {
                return;
            }

            // Not the Allow header: routing lists there the methods of every pattern the path could match, including
            // the POSTs of ":verb" routes that then do not match it.
            await RestStatus.WriteAsync(http, status, StatusCode.NotFound, RequestGuard.Limit(
                $"No route serves {http.Request.Method} {http.Request.Path}; the OpenAPI document ({RestDocument.DocumentPath}) lists every route with its method."));
        });
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace OzgGrid.Web;

/// <summary>
/// The built front end, from the folder <see cref="Folder"/> beside the program (Vite's output, copied there by the
/// build). Served by an endpoint rather than the static-file middleware, so the host's listener and access rules for
/// the page apply to its files too.
/// </summary>
public sealed class ProgrammeDashboardAssets
{
    public const string Folder = "programm-dashboard";

    private const string IndexFile = "index.html";

    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private readonly PhysicalFileProvider? _files;

    public ProgrammeDashboardAssets()
    {
        var root = System.IO.Path.Combine(AppContext.BaseDirectory, Folder);
        _files = Directory.Exists(root) ? new PhysicalFileProvider(root) : null;
    }

    public IResult Serve(string? path)
    {
        if (_files is null)
        {
            return Results.Problem(
                $"Die Seite ist nicht gebaut: ./ozg run oder ./ozg test bauen sie (npm ci und vite build in services/OzgGrid.Web/frontend).",
                statusCode: StatusCodes.Status404NotFound);
        }

        // The page's own addresses (a Leistung is #leistung/ID) all load index.html; the physical provider refuses
        // anything outside its folder.
        var file = _files.GetFileInfo(string.IsNullOrEmpty(path) ? IndexFile : path);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return Results.NotFound();
        }

        var contentType = _contentTypes.TryGetContentType(file.Name, out var known) ? known : "application/octet-stream";
        return Results.File(file.PhysicalPath, contentType);
    }
}

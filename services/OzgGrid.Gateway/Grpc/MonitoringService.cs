using System.Globalization;
using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Reports;
using OzgGrid.Gateway.Rest;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The monitoring API. Bound by <see cref="MonitoringServiceBinding"/> rather than derived from the generated base, so
/// that <c>WatchProgramme</c> can send shared messages serialized once; grpc-dotnet binds the methods that the type
/// carrying <see cref="BindServiceMethodAttribute"/> declares as virtual, hence the virtual methods.
/// </summary>
[BindServiceMethod(typeof(MonitoringServiceBinding), nameof(MonitoringServiceBinding.BindService))]
public class MonitoringService(IGrainFactory grains, ProgrammeWatch watch, ShutdownAwareStreams streams, TimeProvider clock)
{
    private const int MaxWatchedLeistungen = 1_000;

    public virtual async Task<GetProgrammeFiguresResponse> GetProgrammeFigures(GetProgrammeFiguresRequest request, ServerCallContext context)
    {
        var (figures, cursor) = await FiguresAsync(RequestGuard.Moment(request.AsOf, "as_of"));
        return new GetProgrammeFiguresResponse { Figures = figures, Cursor = cursor };
    }

    public virtual async Task WatchProgramme(
        WatchProgrammeRequest request, IServerStreamWriter<WatchProgrammeResponse> responseStream, ServerCallContext context)
    {
        RequestGuard.ListSize(request.OzgIds.Count, MaxWatchedLeistungen, "ozg_ids");
        if (request.HasThemenfeldId)
        {
            await CatalogGuard.RequireThemenfeldAsync(grains, RequestGuard.ThemenfeldId(request.ThemenfeldId));
        }

        var filter = new WatchFilter(
            request.HasThemenfeldId ? request.ThemenfeldId : null,
            string.IsNullOrWhiteSpace(request.Land) ? null : RequestGuard.Land(request.Land, "land"),
            [.. request.OzgIds.Select(id => RequestGuard.OzgId(id, "ozg_ids"))],
            request.HasMinReifegrad ? RequestGuard.Reifegrad(request.MinReifegrad, "min_reifegrad") : null);

        // An OZG-ID that names nothing is NOT_FOUND, as a Themenfeld is: not a stream that never shows it.
        await Task.WhenAll(filter.OzgIds.Select(ozgId => CatalogGuard.RequireLeistungAsync(grains, ozgId)));
        MonitoringCursor? resumeAfter = null;
        if (request.ResumeCursor.Length > 0)
        {
            resumeAfter = MonitoringCursor.TryParse(request.ResumeCursor, out var cursor)
                ? cursor
                : throw RequestGuard.Invalid("resume_cursor", "Not a cursor of this stream; pass the `cursor` of the last message unchanged.");
        }

        await streams.RunAsync(
            token => watch.RunAsync(filter, resumeAfter, request.Batched, RestJson.StreamWriter(responseStream, context), context.GetHttpContext(), token),
            context,
            "reconnect with resume_cursor = the cursor of the last message, to another silo, to continue without a gap.");
    }

    public virtual async Task<ExportReportResponse> ExportReport(ExportReportRequest request, ServerCallContext context)
    {
        if (request.Kind == ReportKind.Unspecified || !Enum.IsDefined(request.Kind))
        {
            throw RequestGuard.Invalid("kind", "Required: REPORT_KIND_THEMENFELDER, REPORT_KIND_LAENDER or REPORT_KIND_LAGEN.");
        }

        var format = ReportFile.Requested(request.Format);
        var moment = RequestGuard.Moment(request.AsOf, "as_of");
        var (figures, _) = await FiguresAsync(moment);
        var asOf = (moment ?? clock.GetUtcNow()).UtcDateTime;
        var (fileName, csv) = ReportCsv.Write(request.Kind, figures, DateOnly.FromDateTime(asOf));
        var report = ReportFile.As(format, fileName, csv);
        return new ExportReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }

    public virtual async Task<GetProgressResponse> GetProgress(GetProgressRequest request, ServerCallContext context)
    {
        if (request.Granularity is not (ProgressGranularity.Unspecified or ProgressGranularity.Day or ProgressGranularity.Month))
        {
            throw RequestGuard.Invalid("granularity", $"Unknown value {(int)request.Granularity}: PROGRESS_GRANULARITY_DAY (the default) or PROGRESS_GRANULARITY_MONTH.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = ParseDay(request.From, "from") ?? DateOnly.MinValue;
        var to = ParseDay(request.To, "to") ?? today;
        if (from > to)
        {
            throw RequestGuard.Invalid("from", $"Must not be after `to` ({from:yyyy-MM-dd} > {to:yyyy-MM-dd}).");
        }

        // All days up to `to`, so that the first period's gain is measured against the period before it.
        var days = await grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key).GetProgressAsync(DateOnly.MinValue, to);
        var periods = request.Granularity == ProgressGranularity.Month
            ? days.GroupBy(d => (d.Day.Year, d.Day.Month)).Select(month => month.MaxBy(d => d.Day)!)
            : days;
        var points = new List<Protos.V1.ProgressPoint>();
        long previous = 0;
        foreach (var point in periods)
        {
            if (point.Day >= from)
            {
                points.Add(new Protos.V1.ProgressPoint
                {
                    Day = point.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Leistungen = point.Leistungen,
                    OzgKonform = point.OzgKonform,
                    Online = point.Online,
                    OzgKonformGained = point.OzgKonform - previous,
                });
            }

            previous = point.OzgKonform;
        }

        return new GetProgressResponse { Points = { points } };
    }

    public virtual async Task<GetLeistungAsOfResponse> GetLeistungAsOf(GetLeistungAsOfRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var moment = RequestGuard.Moment(request.AsOf, "as_of") ?? throw RequestGuard.Invalid("as_of", "Required: the moment to look at.");
        await CatalogGuard.RequireLeistungAsync(grains, ozgId);
        var asOf = await grains.GetGrain<ILeistungGrain>(ozgId).GetAsOfAsync(moment)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"OZG-Leistung {ozgId} was not yet in the catalogue at {moment:O}."));
        return new GetLeistungAsOfResponse { Leistung = asOf.Leistung.MapToProto(), Since = asOf.Stamp.MapToProto() };
    }

    public virtual async Task<ReconcileFiguresResponse> ReconcileFigures(ReconcileFiguresRequest request, ServerCallContext context)
    {
        var report = await grains.GetGrain<IReconciliationGrain>(IReconciliationGrain.Key).RunAsync();
        return report.MapToProto();
    }

    private async Task<(ProgrammeFigures Figures, string Cursor)> FiguresAsync(DateTimeOffset? asOf)
    {
        var themenfelder = await grains.GetGrain<ICatalogQueryGrain>(ICatalogQueryGrain.Key).ListThemenfelderAsync();
        if (asOf is { } moment)
        {
            var past = await grains.GetGrain<ICatalogQueryGrain>(ICatalogQueryGrain.Key).GetFiguresAsOfAsync(moment);
            return (past.MapToProgrammeFigures(themenfelder, withProgrammeManagement: false), string.Empty);
        }

        var snapshot = await grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key).GetSnapshotAsync();
        return (snapshot.Figures.MapToProgrammeFigures(themenfelder), snapshot.Cursor.ToString());
    }

    private static DateOnly? ParseDay(string text, string field) =>
        text.Length == 0 ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw RequestGuard.Invalid(field, $"Not a date as YYYY-MM-DD: {RequestGuard.Quote(text)}.");
}

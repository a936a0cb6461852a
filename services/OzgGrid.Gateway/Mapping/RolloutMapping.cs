using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Rollout;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Rollout entries, results and Kommunen between proto and domain.</summary>
public static class RolloutMapping
{
    public static KommuneVerfuegbarkeit MapToDomain(this Proto.KommuneVerfuegbarkeit verfuegbarkeit, string field) => verfuegbarkeit switch
    {
        Proto.KommuneVerfuegbarkeit.Keine => KommuneVerfuegbarkeit.Keine,
        Proto.KommuneVerfuegbarkeit.Pilot => KommuneVerfuegbarkeit.Pilot,
        Proto.KommuneVerfuegbarkeit.Online => KommuneVerfuegbarkeit.Online,
        _ => throw RequestGuard.Invalid(field, $"Required: KEINE, PILOT or ONLINE, not {(int)verfuegbarkeit}."),
    };

    public static Proto.KommuneVerfuegbarkeit MapToProto(this KommuneVerfuegbarkeit verfuegbarkeit) => verfuegbarkeit switch
    {
        KommuneVerfuegbarkeit.Keine => Proto.KommuneVerfuegbarkeit.Keine,
        KommuneVerfuegbarkeit.Pilot => Proto.KommuneVerfuegbarkeit.Pilot,
        KommuneVerfuegbarkeit.Online => Proto.KommuneVerfuegbarkeit.Online,
        _ => Proto.KommuneVerfuegbarkeit.Unspecified,
    };

    public static Proto.RolloutEntry MapToProto(this RolloutEntry entry) => new()
    {
        OzgId = entry.OzgId,
        Ags = entry.Ags,
        Verfuegbarkeit = entry.Verfuegbarkeit.MapToProto(),
        Reifegrad = entry.Reifegrad,
        Version = entry.Version,
        ChangedBy = entry.LastChange?.ChangedBy ?? string.Empty,
        ChangedAt = entry.LastChange is { } stamp ? Timestamp.FromDateTimeOffset(stamp.ChangedAt) : null,
    };

    public static Proto.RolloutResult MapToResult(this RolloutOutcome outcome, int index, int ozgId) => new()
    {
        Index = index,
        OzgId = ozgId,
        Ags = outcome.Ags,
        Code = outcome.Refusal?.MapToResultCode() ?? Proto.RolloutResultCode.Accepted,
        Reason = RequestGuard.Limit(outcome.Reason),
        Entry = outcome.Accepted?.MapToProto(),
    };

    public static Proto.RolloutResultCode MapToResultCode(this RolloutRefusal refusal) => refusal switch
    {
        RolloutRefusal.InvalidArgument => Proto.RolloutResultCode.InvalidArgument,
        RolloutRefusal.NotFound => Proto.RolloutResultCode.NotFound,
        RolloutRefusal.PermissionDenied => Proto.RolloutResultCode.PermissionDenied,
        RolloutRefusal.FailedPrecondition => Proto.RolloutResultCode.FailedPrecondition,
        _ => Proto.RolloutResultCode.Unavailable,
    };

    public static StatusCode MapToStatusCode(this RolloutRefusal refusal) => refusal switch
    {
        RolloutRefusal.InvalidArgument => StatusCode.InvalidArgument,
        RolloutRefusal.NotFound => StatusCode.NotFound,
        RolloutRefusal.PermissionDenied => StatusCode.PermissionDenied,
        RolloutRefusal.FailedPrecondition => StatusCode.FailedPrecondition,
        _ => StatusCode.Unavailable,
    };

    /// <summary>A Kommune with its Kreis; <paramref name="mergedInto"/> for a retired one.</summary>
    public static Proto.Kommune MapToProto(this Kommune kommune, string mergedInto = "") => new()
    {
        Ags = kommune.Ags,
        Name = kommune.Name,
        Source = kommune.Source switch
        {
            KommuneSource.Imported => Proto.KommuneSource.Imported,
            KommuneSource.GeneratedAgs => Proto.KommuneSource.GeneratedAgs,
            KommuneSource.Synthetic => Proto.KommuneSource.Synthetic,
            _ => Proto.KommuneSource.Unspecified,
        },
        KreisAgs = Ags.KreisOf(kommune.Ags),
        KreisName = kommune.KreisName,
        Ars = kommune.Ars,
        Einwohner = kommune.Einwohner,
        MergedInto = mergedInto,
    };

    public static Proto.Kreis MapToProto(this Kreis kreis) => new()
    {
        KreisAgs = kreis.KreisAgs, Name = kreis.Name, Kommunen = kreis.Kommunen, Einwohner = kreis.Einwohner,
    };

    /// <summary>An unspecified source means imported: a caller that sends an official register need not say so.</summary>
    public static Kommune MapToDomain(this Proto.Kommune kommune, string field) => new(
        kommune.Ags,
        RequestGuard.Text(kommune.Name, $"{field}.name", KommunenRules.MaxNameLength),
        kommune.Source switch
        {
            Proto.KommuneSource.Unspecified or Proto.KommuneSource.Imported => KommuneSource.Imported,
            Proto.KommuneSource.GeneratedAgs => KommuneSource.GeneratedAgs,
            Proto.KommuneSource.Synthetic => KommuneSource.Synthetic,
            _ => throw RequestGuard.Invalid($"{field}.source", $"Unknown source {(int)kommune.Source}."),
        },
        RequestGuard.Text(kommune.KreisName, $"{field}.kreis_name", KommunenRules.MaxNameLength),
        RequestGuard.Text(kommune.Ars, $"{field}.ars", Ags.ArsLength),
        kommune.Einwohner);
}

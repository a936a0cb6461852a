using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>Builds an UpdateLeistungStatus request from the words an operator types, for `set-status` and for `bulk status` rows alike.</summary>
public static class StatusRequest
{
    /// <exception cref="CliException">A value is not understood, or nothing would change.</exception>
    public static UpdateLeistungStatusRequest Create(
        int ozgId, int? reifegrad, string? phase, string? land, string? verfuegbarkeit, long? expectedVersion, string requestId)
    {
        var request = new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = requestId };
        if (reifegrad is { } level)
        {
            request.Reifegrad = level;
        }

        if (!string.IsNullOrWhiteSpace(phase))
        {
            request.Phase = Labels.TryParsePhase(phase, out var parsedPhase)
                ? parsedPhase
                : throw new CliException($"phase '{phase}' is none of {Labels.PhaseSpellings}");
        }

        var hasLand = !string.IsNullOrWhiteSpace(land);
        var hasVerfuegbarkeit = !string.IsNullOrWhiteSpace(verfuegbarkeit);
        if (hasLand != hasVerfuegbarkeit)
        {
            throw new CliException("a Land and its Verfügbarkeit go together: give both or neither");
        }

        if (hasLand)
        {
            request.Verfuegbarkeit = new LandVerfuegbarkeit
            {
                Land = land!.Trim(),
                Verfuegbarkeit = Labels.TryParseVerfuegbarkeit(verfuegbarkeit!, out var parsedVerfuegbarkeit)
                    ? parsedVerfuegbarkeit
                    : throw new CliException($"verfuegbarkeit '{verfuegbarkeit}' is none of {Labels.VerfuegbarkeitSpellings}"),
            };
        }

        if (expectedVersion is { } version)
        {
            request.ExpectedVersion = version;
        }

        if (!request.HasReifegrad && request.Phase == Umsetzungsphase.Unspecified && request.Verfuegbarkeit is null)
        {
            throw new CliException("nothing to change: give a Reifegrad, a Phase and/or a Land with its Verfügbarkeit");
        }

        return request;
    }
}

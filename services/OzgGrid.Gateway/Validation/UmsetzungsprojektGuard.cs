using System.Collections.Immutable;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Validation;

/// <summary>Guard clauses for the Umsetzungsprojekt API; each failure is INVALID_ARGUMENT naming the field.</summary>
public static class UmsetzungsprojektGuard
{
    /// <summary>A billion euros in cents: more than any one project's financing.</summary>
    public const long MaxBetragCent = 100_000_000_000;

    public static string ProjektId(string id, string field = "projekt_id") => ProgrammeGuard.Id(id, field);

    public static ImmutableSortedSet<int> OzgIds(IReadOnlyCollection<int> ozgIds, string field)
    {
        RequestGuard.ListSize(ozgIds.Count, ProgrammeGuard.MaxListLength, field);
        return ozgIds.Count > 0
            ? [.. ozgIds.Select(id => RequestGuard.OzgId(id, field))]
            : throw RequestGuard.Invalid(field, "Required: at least one OZG-Leistung the project builds.");
    }

    public static ImmutableSortedSet<string> LeikaKeys(IReadOnlyCollection<string> keys, string field)
    {
        RequestGuard.ListSize(keys.Count, ProgrammeGuard.MaxListLength, field);
        return [.. keys.Select(key => key.Length == 14 && key.All(char.IsAsciiDigit)
            ? key
            : throw RequestGuard.Invalid(field, $"Required: LeiKa keys of 14 digits, not {RequestGuard.Quote(key)}."))];
    }

    /// <summary>An organisation: its kind, and a key of that kind (an IT-Dienstleister must be registered).</summary>
    public static async Task<Organisation> OrganisationAsync(IGrainFactory grains, Proto.Organisation? organisation, string field)
    {
        if (organisation is null)
        {
            throw RequestGuard.Invalid(field, "Required: an organisation (art and kennung).");
        }

        var art = ProgrammeEnumMapping.Defined<OrganisationArt>((int)organisation.Art, $"{field}.art", "OrganisationArt");
        var kennung = art switch
        {
            OrganisationArt.ItDienstleister => ProgrammeGuard.Id(organisation.Kennung, $"{field}.kennung"),
            OrganisationArt.Land => RequestGuard.Land(organisation.Kennung, $"{field}.kennung"),
            _ => ProgrammeGuard.RequiredText(organisation.Kennung, $"{field}.kennung", ProgrammeGuard.MaxNameLength),
        };
        if (art == OrganisationArt.ItDienstleister && await grains.GetGrain<IItDienstleisterGrain>(kennung).FindAsync() is null)
        {
            throw RequestGuard.Invalid($"{field}.kennung", $"{RequestGuard.Quote(kennung)} is not a registered IT-Dienstleister id; register it with RegisterItDienstleister first.");
        }

        return new Organisation(art, kennung);
    }

    public static FimMethodenexperte? Methodenexperte(Proto.FimMethodenexperte? experte, string field) =>
        experte is null
            ? null
            : new FimMethodenexperte(
                ProgrammeGuard.RequiredText(experte.Name, $"{field}.name", ProgrammeGuard.MaxNameLength),
                ProgrammeGuard.RequiredText(experte.Organisation, $"{field}.organisation", ProgrammeGuard.MaxNameLength));

    public static async Task<ImmutableArray<Beteiligung>> BeteiligteAsync(IGrainFactory grains, IReadOnlyList<Proto.Beteiligung> beteiligte, string field)
    {
        RequestGuard.ListSize(beteiligte.Count, ProgrammeGuard.MaxListLength, field);
        var result = ImmutableArray.CreateBuilder<Beteiligung>(beteiligte.Count);
        for (var i = 0; i < beteiligte.Count; i++)
        {
            var organisation = await OrganisationAsync(grains, beteiligte[i].Organisation, $"{field}[{i}].organisation");
            if (result.Any(b => b.Organisation == organisation))
            {
                throw RequestGuard.Invalid($"{field}[{i}].organisation", $"{organisation} is listed twice; name each organisation once.");
            }

            result.Add(new Beteiligung(organisation, ProgrammeEnumMapping.Defined<BeteiligungRolle>((int)beteiligte[i].Rolle, $"{field}[{i}].rolle", "BeteiligungRolle")));
        }

        return result.MoveToImmutable();
    }

    public static ImmutableArray<Finanzierung> Finanzierungen(IReadOnlyList<Proto.Finanzierung> finanzierungen, string field)
    {
        RequestGuard.ListSize(finanzierungen.Count, ProgrammeGuard.MaxListLength, field);
        return [.. finanzierungen.Select((f, i) => new Finanzierung(
            ProgrammeGuard.RequiredText(f.Programm, $"{field}[{i}].programm", ProgrammeGuard.MaxNameLength),
            f.BetragCent is >= 0 and <= MaxBetragCent
                ? f.BetragCent
                : throw RequestGuard.Invalid($"{field}[{i}].betrag_cent", $"Must be 0–{MaxBetragCent} euro cents, not {f.BetragCent}."),
            ProgrammeEnumMapping.Defined<FinanzierungStatus>((int)f.Status, $"{field}[{i}].status", "FinanzierungStatus")))];
    }

    public static ProjektPhase Phase(Proto.ProjektPhase phase, string field = "phase") =>
        ProgrammeEnumMapping.Defined<ProjektPhase>((int)phase, field, "ProjektPhase");

    /// <summary>A date as "YYYY-MM-DD", or null when empty.</summary>
    public static DateOnly? OptionalDate(string text, string field) => text.Length == 0 ? null : ProgrammeGuard.Date(text, field);

    public static ImmutableSortedSet<string> OnlinedienstIds(IReadOnlyCollection<string> ids, string field)
    {
        RequestGuard.ListSize(ids.Count, ProgrammeGuard.MaxListLength, field);
        return [.. ids.Select(id => ProgrammeGuard.Id(id, field))];
    }
}

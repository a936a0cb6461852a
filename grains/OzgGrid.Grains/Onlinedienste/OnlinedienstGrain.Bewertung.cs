using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Onlinedienste;

/// <summary>The ratings of the pairs (Onlinedienst, LeiKa-Leistung) and the index of Onlinedienste per OZG-Leistung.</summary>
public sealed partial class OnlinedienstGrain
{
    public async Task<Recorded<Onlinedienst>> RateAsync(
        WriteCommand command, string leikaKey, ReifegradModellVersion modell, ImmutableSortedDictionary<string, int> bewertung)
    {
        IIdSetGrain? index = null;
        var result = await WriteAsync(
            command,
            OnlinedienstFingerprints.Rate(command.ExpectedVersion, leikaKey, modell, bewertung),
            AnbieterOnly(command),
            async before =>
            {
                var dienst = Existing(before);
                var umgesetzt = dienst.Leistung(leikaKey);
                if (umgesetzt is null)
                {
                    var ozgId = await OzgIdOfAsync(leikaKey);
                    LimitChecks.EnsureRoom(dienst.Leistungen.Length, 1, Limits.LeistungenProOnlinedienst,
                        $"{Describe()}'s LeiKa-Leistungen", nameof(Limits.LeistungenProOnlinedienst));

                    // The Leistung's index first: an extra entry there only names an Onlinedienst that says otherwise, and
                    // the list checks the record; a missing one would hide the Onlinedienst from its Leistung.
                    index = GrainFactory.GetGrain<IIdSetGrain>(IdSets.OnlinediensteOf(ozgId));
                    await LimitChecks.EnsureRoomAsync(index, OnlinedienstId, Limits.OnlinediensteProLeistung,
                        $"OZG-Leistung {ozgId}'s list of Onlinedienste", nameof(Limits.OnlinediensteProLeistung));
                    await index.SetAsync(OnlinedienstId, member: true);
                    umgesetzt = new UmgesetzteLeistung(leikaKey, ozgId, ImmutableSortedDictionary<string, int>.Empty, ImmutableSortedDictionary<string, int>.Empty);
                }

                var was = modell == ReifegradModellVersion.Modell11 ? umgesetzt.Bewertung11 : umgesetzt.Bewertung20;
                var next = modell == ReifegradModellVersion.Modell11 ? umgesetzt with { Bewertung11 = bewertung } : umgesetzt with { Bewertung20 = bewertung };
                var leistungen = dienst.Leistungen.RemoveAll(l => l.LeikaKey == leikaKey).Add(next).Sort((a, b) => string.CompareOrdinal(a.LeikaKey, b.LeikaKey));
                var field = $"bewertung.{leikaKey}.{(modell == ReifegradModellVersion.Modell11 ? "1.1" : "2.0")}";
                var fields = FieldChanges.Between(
                    ("leistung", dienst.Leistung(leikaKey) is null ? null : leikaKey, leikaKey),
                    (field, dienst.Leistung(leikaKey) is null ? null : Text(was), Text(bewertung)));
                return Written(dienst with { Leistungen = leistungen }, "bewertung", fields);
            });

        // Also on a retry: the first attempt may have failed after persisting, before the index was told.
        if (result.Body.Leistung(leikaKey) is { } pair)
        {
            await (index ?? GrainFactory.GetGrain<IIdSetGrain>(IdSets.OnlinediensteOf(pair.OzgId))).SetAsync(OnlinedienstId, member: true);
        }

        return result;
    }

    /// <summary>The OZG-Leistung a LeiKa key belongs to, as the Leistung's own catalogue data confirms.</summary>
    private async Task<int> OzgIdOfAsync(string leikaKey)
    {
        var missing = new NotFoundException($"There is no LeiKa-Leistung with key '{leikaKey}' in the catalogue.");
        var ozgId = leikaKeys.OzgIdOf(leikaKey) ?? throw missing;
        var summary = await CatalogLookup.LeistungAsync(GrainFactory, ozgId);
        var details = await GrainFactory.GetGrain<ILeistungGrain>(summary.OzgId).GetAsync();
        return details.Catalog.LeikaLeistungen.Any(l => l.Key == leikaKey) ? ozgId : throw missing;
    }

    private static string Text(ImmutableSortedDictionary<string, int> bewertung) => string.Join(" ", bewertung.Select(b => $"{b.Key}={b.Value}"));
}

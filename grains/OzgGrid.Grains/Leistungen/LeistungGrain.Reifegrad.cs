using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Leistungen;

/// <summary>The Reifegrad derived from the Leistung's Onlinedienste, written through the record's own path as OzgGrid.</summary>
public sealed partial class LeistungGrain
{
    public const string DerivedBy = "ozggrid-onlinedienste";

    // The newest version seen per Onlinedienst, also of messages that changed nothing; only in memory: after a
    // reactivation the persisted versions guard, and the reconciliation corrects what slips through.
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);

    public async Task OnOnlinedienstAsync(string onlinedienstId, OnlinedienstStufen stufen)
    {
        try
        {
            await TakeAsync(onlinedienstId, stufen, DerivedBy);
        }
        catch (Exception fault)
        {
            // The reconciliation tells the levels again.
            logger.LogWarning(fault, "Leistung {OzgId}: levels of Onlinedienst {Onlinedienst} at version {Version} not taken", OzgId, onlinedienstId, stufen.Version);
        }
    }

    public Task<Correction?> ReconcileOnlinedienstAsync(string onlinedienstId, OnlinedienstStufen stufen) =>
        TakeAsync(onlinedienstId, stufen, LeistungRecount.ReconciledBy);

    private async Task<Correction?> TakeAsync(string onlinedienstId, OnlinedienstStufen stufen, string changedBy)
    {
        var body = _record.Body;
        if (body?.Catalog is null || (_seen.TryGetValue(onlinedienstId, out var seen) && seen > stufen.Version))
        {
            return null;
        }

        _seen[onlinedienstId] = Math.Max(seen, stufen.Version);
        var known = body.Abgeleitet?.Onlinedienste.GetValueOrDefault(onlinedienstId);
        if (known is not null && (known.Version > stufen.Version || known.SameLevels(stufen)))
        {
            return null;
        }

        var written = await _record.WriteAsync(
            WriteCommand.ByOzgGrid($"reifegrad/{onlinedienstId}/{stufen.Version}", changedBy),
            fingerprint: null,
            _ => { },
            current => Derive(current!, onlinedienstId, stufen));
        if (written.Outcome != Records.WriteOutcome.Changed)
        {
            return null;
        }

        Emit(written, body);
        return new Correction($"{OzgId}/{onlinedienstId}", known?.ToString() ?? "unbekannt", stufen.ToString());
    }

    private Records.RecordChange<LeistungBody, ChangeRecord> Derive(LeistungBody body, string onlinedienstId, OnlinedienstStufen stufen)
    {
        var was = body.Abgeleitet;
        var known = was?.Onlinedienste.GetValueOrDefault(onlinedienstId);
        if (known is not null && (known.Version > stufen.Version || known.SameLevels(stufen)))
        {
            return default;
        }

        // The hand-set Reifegrad is the status's own while no Onlinedienst counts.
        var hand = was is not null && was.Zaehlende.Any() ? was.HandReifegrad : body.Status.Reifegrad;
        var abgeleitet = new AbgeleiteterReifegrad(hand, was?.Onlinedienste ?? ImmutableSortedDictionary<string, OnlinedienstStufen>.Empty)
            .With(onlinedienstId, stufen, limits.Value.OnlinediensteProLeistung);
        var before = body.Status;
        var next = abgeleitet.Apply(before);
        var fields = FieldChanges.Between(
            ("reifegrad", before.Reifegrad.ToString(), next.Reifegrad.ToString()),
            ("reifegrad_2_0", before.Reifegrad20?.ToString() ?? string.Empty, next.Reifegrad20?.ToString() ?? string.Empty),
            ("reifegrad_quelle", was?.Quelle ?? "von Hand", abgeleitet.Quelle),
            ($"onlinedienst.{onlinedienstId}", known?.ToString() ?? string.Empty, stufen.ToString()));
        return new(body with { Status = next, Abgeleitet = abgeleitet }, (version, stamp) => new(version, ChangeKind.Status, stamp, fields, next, body.Zustaendigkeit));
    }

    /// <summary>A hand-set Reifegrad other than the derived one is refused while Onlinedienste count.</summary>
    private static void EnsureNotDerived(LeistungBody body, LeistungStatusUpdate update, int ozgId)
    {
        if (update.Reifegrad is { } reifegrad && body.Abgeleitet is { } abgeleitet && body.Status.ReifegradAbgeleitet && reifegrad != body.Status.Reifegrad)
        {
            throw new RuleViolationException(
                $"OZG-Leistung {ozgId}'s Reifegrad {body.Status.Reifegrad} is derived from its Onlinedienste " +
                $"({string.Join(", ", abgeleitet.Zaehlende.Select(o => $"{o.Key}: {o.Value.Stufe11}"))}) and cannot be set by hand to {reifegrad}; " +
                "change the Onlinedienste's ratings (RateOnlinedienstLeistung), or send the status update without a Reifegrad.");
        }
    }
}

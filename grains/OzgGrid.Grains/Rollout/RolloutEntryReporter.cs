using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// Decides each report of a Land rollout: stages the change and its answer in the partition of the entry's Kreis, or
/// answers a retry from that partition's receipts, or refuses the entry alone, so that one bad entry does not fail the
/// others of a call. What it stages is answered only once its partition is stored.
/// </summary>
internal sealed class RolloutEntryReporter(int ozgId, string land)
{
    /// <param name="partition">The builder of a Kreis's next partition (one per Kreis and call).</param>
    public RolloutOutcome Stage(
        WriteCommand command, RolloutReport report, KommunenRegister register, int leistungReifegrad, RolloutStamp stamp, Func<int, RolloutPartitionBuilder> partition)
    {
        // Each entry is written under its own request id, "{request id}/{ags}", remembered per caller.
        var requestKey = RequestKeys.Of(command with { RequestId = $"{command.RequestId}/{report.Ags}", ExpectedVersion = null });
        var fingerprint = RolloutEntryFingerprints.Report(report);
        var builder = RolloutPartition.TryParseAgs(report.Ags, out var ags) ? partition(RolloutPartition.KreisOf(ags)) : null;
        var receipt = builder?.FindReceipt(requestKey);
        var refusal = (register.Contains(report.Ags), leistungReifegrad == Reifegrad.Offline && report.Verfuegbarkeit != KommuneVerfuegbarkeit.Keine) switch
        {
            (false, _) => RolloutOutcome.Refuse(report.Ags, RolloutRefusal.NotFound, register.SuccessorOf(report.Ags) is { } successor
                ? $"Kommune {report.Ags} merged into {successor} (see GetKommune); report for {successor}."
                : $"Kommune {report.Ags} is not in the Kommunen register of {land}; the programme management registers Kommunen with ImportKommunen."),
            (_, true) => RolloutOutcome.Refuse(report.Ags, RolloutRefusal.FailedPrecondition,
                $"OZG-Leistung {ozgId} has Reifegrad 0 (Offline), so it cannot be available in a Kommune: raise its Reifegrad first."),
            _ => null,
        };
        if (builder is null)
        {
            return refusal ?? RolloutOutcome.Refuse(report.Ags, RolloutRefusal.InvalidArgument, "ags: An AGS has exactly 8 digits.");
        }

        if (refusal is not null)
        {
            // A retry of a report accepted before gets that answer, though the register or the Reifegrad changed since.
            return receipt is { } earlier && earlier.Fingerprint == fingerprint ? RolloutOutcome.Accept(Answer(builder, ags, report, earlier)) : refusal;
        }

        if (receipt is { } answered)
        {
            return answered.Fingerprint == fingerprint
                ? RolloutOutcome.Accept(Answer(builder, ags, report, answered))
                : RolloutOutcome.Refuse(report.Ags, RolloutRefusal.InvalidArgument, $"request_id: {new RequestIdReusedException(command.RequestId).Message}");
        }

        try
        {
            RolloutRules.Validate(report);
        }
        catch (InvalidFieldException invalid)
        {
            return RolloutOutcome.Refuse(report.Ags, RolloutRefusal.InvalidArgument, $"{invalid.Field}: {invalid.Message}");
        }
        catch (RuleViolationException rule)
        {
            return RolloutOutcome.Refuse(report.Ags, RolloutRefusal.FailedPrecondition, rule.Message);
        }

        // A report that repeats the entry makes no new version (so the Land counts nothing twice); its answer is
        // remembered all the same, so that a retry arriving after a later change is not applied over it.
        var current = builder.Find(ags);
        var next = current.Says(report) ? current : new RolloutEntryValue(report.Verfuegbarkeit, report.Reifegrad, current.Version + 1, stamp);
        builder.Set(ags, next);
        builder.Remember(new WriteReceipt(requestKey, fingerprint, next.Version));
        return RolloutOutcome.Accept(RolloutPartition.ToEntry(ozgId, ags, next));
    }

    /// <summary>
    /// The first answer to a retried report: the entry as it is if still at the version answered; once changed again,
    /// the values and version answered then (the report is the same, its fingerprint says so), without the change stamp.
    /// </summary>
    private RolloutEntry Answer(RolloutPartitionBuilder builder, int ags, RolloutReport report, WriteReceipt receipt)
    {
        var current = builder.Find(ags);
        return current.Version == receipt.Version
            ? RolloutPartition.ToEntry(ozgId, ags, current)
            : RolloutPartition.ToEntry(ozgId, ags, new RolloutEntryValue(report.Verfuegbarkeit, report.Reifegrad, (int)receipt.Version, null));
    }
}

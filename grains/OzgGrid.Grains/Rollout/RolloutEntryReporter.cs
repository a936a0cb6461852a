using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// Has each entry of a Land rollout apply its report and turns what it refuses into a per-entry outcome, so that one
/// bad entry does not fail the others of a call.
/// </summary>
internal sealed class RolloutEntryReporter(IGrainFactory grains, int ozgId, string land, ILogger logger)
{
    public async Task<RolloutOutcome> ApplyAsync(WriteCommand command, RolloutReport report, KommunenRegister register, int leistungReifegrad)
    {
        var entryCommand = command with { RequestId = $"{command.RequestId}/{report.Ags}", ExpectedVersion = null };
        var entryGrain = grains.GetGrain<IRolloutEntryGrain>(RolloutKeys.Entry(ozgId, report.Ags));
        var refusal = (register.Contains(report.Ags), leistungReifegrad == Reifegrad.Offline && report.Verfuegbarkeit != KommuneVerfuegbarkeit.Keine) switch
        {
            (false, _) => RolloutOutcome.Refuse(report.Ags, RolloutRefusal.NotFound, register.SuccessorOf(report.Ags) is { } successor
                ? $"Kommune {report.Ags} merged into {successor} (see GetKommune); report for {successor}."
                : $"Kommune {report.Ags} is not in the Kommunen register of {land}; the programme management registers Kommunen with ImportKommunen."),
            (_, true) => RolloutOutcome.Refuse(report.Ags, RolloutRefusal.FailedPrecondition,
                $"OZG-Leistung {ozgId} has Reifegrad 0 (Offline), so it cannot be available in a Kommune: raise its Reifegrad first."),
            _ => null,
        };
        if (refusal is not null)
        {
            // A retry of a report accepted before gets that answer, though the register or the Reifegrad changed since.
            return await entryGrain.FindAnswerAsync(entryCommand, report) is { } earlier ? RolloutOutcome.Accept(earlier) : refusal;
        }

        try
        {
            var entry = await entryGrain.ReportAsync(entryCommand, report);
            return RolloutOutcome.Accept(entry);
        }
        catch (InvalidFieldException invalid)
        {
            return RolloutOutcome.Refuse(report.Ags, RolloutRefusal.InvalidArgument, $"{invalid.Field}: {invalid.Message}");
        }
        catch (RequestIdReusedException reused)
        {
            return RolloutOutcome.Refuse(report.Ags, RolloutRefusal.InvalidArgument, $"request_id: {reused.Message}");
        }
        catch (RuleViolationException rule)
        {
            return RolloutOutcome.Refuse(report.Ags, RolloutRefusal.FailedPrecondition, rule.Message);
        }
        catch (Exception fault)
        {
            // A storage or cluster fault: the entry either rolled back or was stored though its answer was lost (a
            // storage client's retry of an insert that had gone through then meets its own row). The entry deactivated;
            // asked once more, it reads what was stored, and a receipt there is the answer.
            if (await StoredAnswerAsync(entryGrain, entryCommand, report) is { } stored)
            {
                return RolloutOutcome.Accept(stored);
            }

            logger.LogWarning(fault, "Rollout {OzgId} in {Ags}: entry not applied", ozgId, report.Ags);
            return RolloutOutcome.Refuse(report.Ags, RolloutRefusal.Unavailable,
                "The entry could not be stored right now; report it again with the same request_id.");
        }
    }

    private static async Task<RolloutEntry?> StoredAnswerAsync(IRolloutEntryGrain entryGrain, WriteCommand command, RolloutReport report)
    {
        try
        {
            return await entryGrain.FindAnswerAsync(command, report);
        }
        catch (Exception)
        {
            return null;
        }
    }
}

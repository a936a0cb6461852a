using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Umsetzungsprojekte;

/// <summary>What the project's leading IT-Dienstleister may write too: the phases' dates, deferrals, the Onlinedienste produced.</summary>
public sealed partial class UmsetzungsprojektGrain
{
    public async Task<Recorded<Umsetzungsprojekt>> SetPhasenTermineAsync(WriteCommand command, PhasenTermine termine)
    {
        var result = await WriteAsync(
            command,
            UmsetzungsprojektFingerprints.Termine(command.ExpectedVersion, termine),
            LeadOrManagement(command, "set the dates of"),
            before =>
            {
                var projekt = Existing(before);
                var old = projekt.TermineOf(termine.Phase);
                var next = termine with { Verschiebungen = old.Verschiebungen, Verschiebungsgrund = old.Verschiebungsgrund };
                UmsetzungsprojektRules.EnsureConsistent(next, Clock.Today);
                return Task.FromResult(Decided(before, projekt.WithTermine(next), "termine",
                    ($"phase.{termine.Phase}", old.ToString(), next.ToString())));
            });
        await ScheduleAsync(result.Body);
        return result;
    }

    public async Task<Recorded<Umsetzungsprojekt>> DeferAsync(WriteCommand command, ProjektPhase phase, DateOnly? neuerBeginn, DateOnly neuesEnde, string grund)
    {
        var result = await WriteAsync(
            command,
            UmsetzungsprojektFingerprints.Verschiebung(command.ExpectedVersion, phase, neuerBeginn, neuesEnde, grund),
            LeadOrManagement(command, "defer"),
            before =>
            {
                var projekt = Existing(before);
                var old = projekt.TermineOf(phase);
                if (old.Ende is not null)
                {
                    throw new RuleViolationException($"Phase {phase} of {Describe()} ended on {old.Ende:yyyy-MM-dd}; an ended phase is not deferred.");
                }

                if (old.GeplantesEnde is not { } geplant)
                {
                    throw new RuleViolationException($"Phase {phase} of {Describe()} has no planned end to defer; set its dates first.");
                }

                if (neuesEnde <= geplant)
                {
                    throw new InvalidFieldException("new_planned_end", $"A deferral moves the planned end later: {neuesEnde:yyyy-MM-dd} is not after {geplant:yyyy-MM-dd}.");
                }

                var next = old with
                {
                    GeplanterBeginn = neuerBeginn ?? old.GeplanterBeginn,
                    GeplantesEnde = neuesEnde,
                    Verschiebungen = old.Verschiebungen + 1,
                    Verschiebungsgrund = grund,
                };
                UmsetzungsprojektRules.EnsureConsistent(next, Clock.Today);
                return Task.FromResult(Decided(before, projekt.WithTermine(next), "verschiebung",
                    ($"phase.{phase}", old.ToString(), next.ToString()),
                    ($"phase.{phase}.verschiebungsgrund", old.Verschiebungsgrund, grund)));
            });
        await ScheduleAsync(result.Body);
        return result;
    }

    public Task<Recorded<Umsetzungsprojekt>> SetOnlinediensteAsync(WriteCommand command, ImmutableSortedSet<string> onlinedienste) =>
        ReplaceAsync(
            command,
            UmsetzungsprojektFingerprints.Onlinedienste(command.ExpectedVersion, onlinedienste),
            LeadOrManagement(command, "list the Onlinedienste of"),
            "onlinedienste",
            (onlinedienste.Count, limits.Value.OnlinedienstePerUmsetzungsprojekt, "Onlinedienste", nameof(Abstractions.Limits.OnlinedienstePerUmsetzungsprojekt)),
            projekt => projekt with { Onlinedienste = onlinedienste },
            projekt => FieldChanges.List(projekt.Onlinedienste));

    /// <summary>
    /// The programme management writes every project; an IT-Dienstleister only one it leads (the Projektleitung as it
    /// is before the write).
    /// </summary>
    private Func<Umsetzungsprojekt?, Task> LeadOrManagement(WriteCommand command, string what) => before =>
    {
        if (command.Scope is { } scope && !Existing(before).Definition.Projektleitung.IsItDienstleister(scope.ItDienstleisterId))
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' does not lead {Describe()}; only its leading IT-Dienstleister or the programme management may {what} the project.");
        }

        return Task.CompletedTask;
    };
}

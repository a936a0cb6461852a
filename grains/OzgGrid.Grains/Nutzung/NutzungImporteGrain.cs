using System.Collections.Immutable;
using System.Globalization;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Nutzung;

/// <summary>
/// One caller's usage imports: each import a version whose receipt (request id and fingerprint of all its rows) refuses
/// the request id for any other import. The gateway records the import here after checking it and before writing its
/// usage records, so a retry of an import that broke off half-way matches its receipt and completes it.
/// </summary>
public sealed class NutzungImporteGrain(
    [PersistentState("nutzung-importe", StorageNames.State)] IPersistentState<RecordState<NutzungImporte, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock) : ProgrammeRecordGrain<NutzungImporte>(state, records, clock, Names), INutzungImporteGrain
{
    public static readonly RecordNames Names = new("nutzung-importe", "nutzung-importe-history", "Nutzung-Importe");

    protected override string Describe() => $"usage import log '{this.GetPrimaryKeyString()}'";

    public async Task<long> RecordAsync(WriteCommand command, long importFingerprint, int rows)
    {
        var recorded = await WriteAsync(command, importFingerprint, _ => Task.CompletedTask, before =>
        {
            var next = new NutzungImporte(command.CallerId, (before?.Importe ?? 0) + 1, (before?.Zeilen ?? 0) + rows);
            ImmutableArray<FieldChange> fields =
            [
                new("importe", Text(before?.Importe ?? 0), Text(next.Importe)),
                new("zeilen", Text(before?.Zeilen ?? 0), Text(next.Zeilen)),
            ];
            return Task.FromResult((next, "import", fields));
        });
        return recorded.Version;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

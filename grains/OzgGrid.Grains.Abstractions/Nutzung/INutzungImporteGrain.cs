using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>
/// The usage imports of one caller (key: <see cref="NutzungKeys.Importe"/>), on the one write path: a request id names one
/// whole import, so an import under it with other rows is refused before any usage record is written, also when it
/// names none of the records the first import wrote.
/// </summary>
public interface INutzungImporteGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <summary>Records the import whose rows <paramref name="importFingerprint"/> stands for; the same import again changes nothing.</summary>
    /// <exception cref="RequestIdReusedException">The caller used the request id for another import.</exception>
    Task<long> RecordAsync(WriteCommand command, long importFingerprint, int rows);
}

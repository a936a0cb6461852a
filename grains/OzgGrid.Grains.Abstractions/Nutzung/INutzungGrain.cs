using System.Collections.Immutable;
using Orleans.Concurrency;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>
/// The usage figures of one Onlinedienst in one Land in one year (key <see cref="NutzungKeys.Record"/>): transactions per
/// Kommune and month. Written by the programme management, or by the Onlinedienst's Anbieter in a Land it serves.
/// </summary>
public interface INutzungGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <summary>Sets each row's month of its Kommune to its count, replacing what was there (the history keeps both).</summary>
    /// <exception cref="NotFoundException">The Onlinedienst is not registered.</exception>
    /// <exception cref="AccessDeniedException">An IT-Dienstleister that is not the Anbieter, or does not serve the Land.</exception>
    Task<long> ImportAsync(WriteCommand command, ImmutableArray<NutzungZeile> zeilen);

    /// <summary>
    /// Writes nothing: refuses rows that this caller's request id already imported with other rows, so that the gateway
    /// can refuse a changed retry before it writes any record of it.
    /// </summary>
    /// <exception cref="RequestIdReusedException">The request id was used for other rows of this record.</exception>
    Task EnsureNotReusedAsync(WriteCommand command, ImmutableArray<NutzungZeile> zeilen);

    /// <summary>The figures as last persisted; null when nothing was imported.</summary>
    [AlwaysInterleave]
    Task<NutzungJahr?> GetAsync();
}

using System.Collections.Immutable;
using System.Globalization;
using Grpc.Core;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Nutzung;
using OzgGrid.Grains.Records;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Nutzung;

/// <summary>
/// One usage import (a stream or a batch): every row is checked as it arrives, and only when all are valid are they
/// written, grouped per usage record (Onlinedienst, Land, year) in batches of <see cref="BatchSize"/>. Batch <c>n</c>
/// of a record is written under "{request id}/{record}/{n}", so a retry sending the same rows in the same order is
/// applied once, also after an attempt that broke off half-way.
/// </summary>
public sealed class NutzungImport(IGrainFactory grains, Monat aktuell, int limit, string limitSetting)
{
    /// <summary>Rows per write of a record: each changed figure is a history entry, and a history page must stay small.</summary>
    public const int BatchSize = 500;

    private const int Parallelism = 8;

    /// <summary>Onlinedienste read at once for the check before writing: an import may name thousands.</summary>
    private const int ChecksAtOnce = 50;

    // Records in the order first named, so that the same rows give the same batches.
    private readonly List<string> _order = [];
    private readonly Dictionary<string, List<NutzungZeile>> _perRecord = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Record, string Ags, int Monat), int> _seen = [];
    private readonly Dictionary<string, KommunenRegister> _registers = new(StringComparer.Ordinal);

    public int Rows { get; private set; }

    public async Task AddAsync(NutzungRow row)
    {
        if (++Rows > limit)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"An import takes at most {limit} rows ({limitSetting}); split the file and import the parts under their own request ids."));
        }

        var (onlinedienstId, land, monat) = NutzungGuard.Row(row, Rows, aktuell);
        if (!_registers.TryGetValue(land.Kuerzel, out var register))
        {
            register = await grains.GetGrain<IKommunenRegisterGrain>(land.Kuerzel).GetAsync();
            _registers[land.Kuerzel] = register;
        }

        if (!register.Contains(row.Ags) && register.SuccessorOf(row.Ags) is { } successor)
        {
            throw RequestGuard.Invalid($"row {Rows} ags", $"Kommune {row.Ags} merged into {successor} (see GetKommune); import its figures for {successor}.");
        }

        if (!register.Contains(row.Ags))
        {
            throw RequestGuard.Invalid($"row {Rows} ags", $"{RequestGuard.Quote(row.Ags)} is not in the Kommunen register of {land.Kuerzel} (ListKommunen lists it).");
        }

        var record = NutzungKeys.Record(onlinedienstId, land.Kuerzel, monat.Jahr);
        if (!_seen.TryAdd((record, row.Ags, monat.ImJahr), Rows))
        {
            throw RequestGuard.Invalid($"row {Rows}", $"Names the same Onlinedienst, AGS and month as row {_seen[(record, row.Ags, monat.ImJahr)]}; give each figure once.");
        }

        if (!_perRecord.TryGetValue(record, out var zeilen))
        {
            zeilen = [];
            _perRecord[record] = zeilen;
            _order.Add(record);
        }

        zeilen.Add(new NutzungZeile(row.Ags, monat.ImJahr, row.Transaktionen));
    }

    /// <summary>
    /// Writes the rows once every record is known to be allowed (its Onlinedienst registered, the caller its Anbieter in the
    /// Land or the programme management): a refused import writes nothing. A write that fails on the way (storage) leaves
    /// the records written before it; a retry under the same request id completes the import.
    /// </summary>
    public async Task<ImportNutzungResult> WriteAsync(WriteCommand command)
    {
        if (Rows == 0)
        {
            throw RequestGuard.Invalid("rows", $"Required: 1–{limit} rows (onlinedienst_id, ags, monat, transaktionen).");
        }

        await EnsureMayImportAsync(command.Scope);

        // A retry under this request id with other rows is refused before any record is written; then the records are
        // written, independent of each other: a few at a time, each its batches in order.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism };
        await Parallel.ForEachAsync(_order, options, async (record, _) =>
        {
            foreach (var (batch, zeilen) in Batches(command, record))
            {
                await grains.GetGrain<INutzungGrain>(record).EnsureNotReusedAsync(batch, zeilen);
            }
        });

        // The import as a whole, under its request id: refused if the caller used it for another import, also one of
        // other records only (which the records' own receipts cannot tell).
        await grains.GetGrain<INutzungImporteGrain>(NutzungKeys.Importe(command)).RecordAsync(command, Fingerprint(), Rows);
        await Parallel.ForEachAsync(_order, options, async (record, _) =>
        {
            foreach (var (batch, zeilen) in Batches(command, record))
            {
                await grains.GetGrain<INutzungGrain>(record).ImportAsync(batch, zeilen);
            }
        });

        return new ImportNutzungResult { Rows = Rows, Records = _order.Count };
    }

    /// <summary>The rows of <paramref name="record"/> in batches, batch <c>n</c> under the request id "{request id}/{record}/{n}".</summary>
    private IEnumerable<(WriteCommand Command, ImmutableArray<NutzungZeile> Zeilen)> Batches(WriteCommand command, string record) =>
        _perRecord[record].Chunk(BatchSize).Select((zeilen, n) => (
            command with { RequestId = string.Create(CultureInfo.InvariantCulture, $"{command.RequestId}/{record}/{n}"), ExpectedVersion = null },
            ImmutableArray.Create(zeilen)));

    /// <summary>All rows, record by record in the order first named, each record's rows in the order given.</summary>
    private long Fingerprint() =>
        new CanonicalEncoding("nutzung.import-whole/1")
            .List(_order, (encoding, record) => encoding.Text(record).Number(NutzungFingerprints.Import(null, [.. _perRecord[record]]))).Hash();

    /// <summary>The check each usage record makes at its write, made for all of them first (in the order the rows named them).</summary>
    private async Task EnsureMayImportAsync(ItDienstleisterScope? scope)
    {
        var perDienst = _order.Select(NutzungKeys.Parse).GroupBy(key => key.OnlinedienstId, key => key.Land, StringComparer.Ordinal);
        foreach (var batch in perDienst.Chunk(ChecksAtOnce))
        {
            var dienste = await Task.WhenAll(batch.Select(dienst => grains.GetGrain<IOnlinedienstGrain>(dienst.Key).GetAsync()));
            for (var i = 0; i < batch.Length; i++)
            {
                foreach (var land in batch[i].Distinct(StringComparer.Ordinal))
                {
                    NutzungImportRules.EnsureMayImport(scope, land, dienste[i].Body);
                }
            }
        }
    }
}

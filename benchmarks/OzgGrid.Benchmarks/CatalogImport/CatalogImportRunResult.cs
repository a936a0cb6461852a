namespace OzgGrid.Benchmarks.CatalogImport;

/// <summary>
/// One run of P5: the first import into empty storage and a second one of the same catalogue, each timed, with the
/// Leistungen each reported as created / changed / unchanged, and the stored items (table entities, blobs) the second
/// import wrote other than the import record itself.
/// </summary>
public sealed record CatalogImportRunResult(
    int Run,
    double FirstSeconds,
    int FirstCreated,
    int FirstChanged,
    int FirstUnchanged,
    double SecondSeconds,
    int SecondCreated,
    int SecondChanged,
    int SecondUnchanged,
    int StoredItems,
    IReadOnlyList<string> ChangedBySecond,
    double CpuProcessPercent,
    double CpuMachinePercent,
    string LoadAverage)
{
    /// <summary>The second import changed nothing: no Leistung created or changed, nothing stored but the import record.</summary>
    public bool SecondChangedNothing => SecondCreated == 0 && SecondChanged == 0 && ChangedBySecond.Count == 0;
}

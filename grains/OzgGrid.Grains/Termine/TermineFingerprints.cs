using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Termine;

/// <summary>What each write of a milestone record asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class TermineFingerprints
{
    public static long Meilenstein(long? expectedVersion, Meilenstein meilenstein) =>
        Add(new CanonicalEncoding("termine.meilenstein/1").Number(expectedVersion), meilenstein).Hash();

    public static long Fristpruefung(IEnumerable<Meilenstein> overdue) =>
        new CanonicalEncoding("termine.fristpruefung/1").List(overdue, (encoding, m) => Add(encoding, m)).Hash();

    private static CanonicalEncoding Add(CanonicalEncoding encoding, Meilenstein meilenstein) =>
        encoding.Number((int)meilenstein.Phase).Text(meilenstein.Land).Number(meilenstein.Geplant.DayNumber).Text(meilenstein.Beschluss);
}

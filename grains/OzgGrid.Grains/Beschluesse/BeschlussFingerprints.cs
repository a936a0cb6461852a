using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Beschluesse;

/// <summary>What recording a Beschluss asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class BeschlussFingerprints
{
    public static long Record(long? expectedVersion, Beschluss beschluss) =>
        new CanonicalEncoding("beschluss.record/1")
            .Number(expectedVersion)
            .Text(beschluss.Nummer)
            .Number(beschluss.Datum.DayNumber)
            .Text(beschluss.Titel)
            .Text(beschluss.Text)
            .List(beschluss.Prioritaeten, (encoding, p) => encoding.Number(p.OzgId).Number(p.ThemenfeldId).Number((int)p.Prioritaet))
            .List(beschluss.Meilensteine, (encoding, m) => encoding
                .List(m.OzgIds, (inner, ozgId) => inner.Number(ozgId))
                .List(m.ThemenfeldIds, (inner, themenfeldId) => inner.Number(themenfeldId))
                .Number((int)m.Phase)
                .Text(m.Land)
                .Flag(m.AlleLaender)
                .Number(m.Geplant.DayNumber))
            .Hash();
}

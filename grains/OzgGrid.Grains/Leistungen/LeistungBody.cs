using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// A Leistung's own data; <see cref="Catalog"/> is null until the catalogue is imported. The catalogue entry (with its
/// LeiKa-Leistungen, most of the state) changes only with an import, so it is stored <see cref="Encoded{T}"/>: a status
/// update stores its bytes as they are instead of encoding it again.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungBody")]
public sealed record LeistungBody
{
    public LeistungBody(LeistungCatalogEntry? catalog, Zustaendigkeit? zustaendigkeit, LeistungStatus status)
    {
        Catalog = catalog;
        Zustaendigkeit = zustaendigkeit;
        Status = status;
    }

    public static LeistungBody Empty { get; } = new(null, null, LeistungStatus.Initial);

    public LeistungCatalogEntry? Catalog
    {
        get => EncodedCatalog?.Value ?? Schema1Catalog;
        init => (EncodedCatalog, Schema1Catalog) = (value is null ? null : new Encoded<LeistungCatalogEntry>(value), null);
    }

    /// <summary>Record schema 1 only: the catalogue entry before it was stored encoded; replaced by the next import.</summary>
    [Id(0)]
    public LeistungCatalogEntry? Schema1Catalog { get; private init; }

    [Id(1)]
    public Zustaendigkeit? Zustaendigkeit { get; init; }

    [Id(2)]
    public LeistungStatus Status { get; init; }

    [Id(3)]
    public Encoded<LeistungCatalogEntry>? EncodedCatalog { get; private init; }

    /// <summary>Null until an Onlinedienst tells the Leistung its levels (see <see cref="AbgeleiteterReifegrad"/>).</summary>
    [Id(4)]
    public AbgeleiteterReifegrad? Abgeleitet { get; init; }
}

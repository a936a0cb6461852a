namespace OzgGrid.Grains.Records;

/// <summary>How a history is cut into pages: page p holds versions p·PageSize+1 … (p+1)·PageSize.</summary>
public static class HistoryPaging
{
    public const int PageSize = 16;

    public static long PageOf(long version) => (version - 1) / PageSize;
}

namespace OzgGrid.Benchmarks.Measurement;

public static class Median
{
    /// <summary>The median of the values (the mean of the middle two for an even count); NaN for none.</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Where(value => !double.IsNaN(value)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

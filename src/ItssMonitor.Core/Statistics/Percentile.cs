namespace ItssMonitor.Core.Statistics;

/// <summary>
/// Nearest-rank percentile, computed exactly as InfluxDB's <c>percentile()</c> does, so that every
/// sample store returns the same figure for the same samples.
/// </summary>
public static class Percentile
{
    /// <param name="sortedValues">Values in ascending order.</param>
    /// <param name="percent">0 to 100.</param>
    /// <returns>The value at the nearest rank, or null when the rank falls outside the values.</returns>
    public static double? NearestRank(IReadOnlyList<double> sortedValues, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var index = (int)Math.Floor(sortedValues.Count * percent / 100.0 + 0.5) - 1;
        return index < 0 || index >= sortedValues.Count ? null : sortedValues[index];
    }
}

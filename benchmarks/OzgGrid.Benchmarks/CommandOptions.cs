using System.CommandLine;

namespace OzgGrid.Benchmarks;

/// <summary>Options that several scenarios' command lines share.</summary>
public static class CommandOptions
{
    public static Option<int> Positive(string name, string description, int defaultValue, bool allowZero = false)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 0 || (value == 0 && !allowZero))
            {
                result.AddError($"{name} must be {(allowZero ? "0 or more" : "more than 0")}, not {value}.");
            }
        });
        return option;
    }

    public static Option<double> PositiveSeconds(string name, string description, double defaultValue)
    {
        var option = new Option<double>(name) { Description = description + " (seconds)", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError($"{name} must be more than 0.");
            }
        });
        return option;
    }

    /// <summary>`--quick`: tiny durations and counts, to see that the harness works (the test suite's smoke test); the figures mean nothing.</summary>
    public static Option<bool> Quick() => new("--quick")
    {
        Description = "Quick mode: one tiny run, to check that the harness works; the figures mean nothing",
    };
}

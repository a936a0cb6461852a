using System.Globalization;

namespace OzgGrid.Demo;

/// <summary>`OzgGrid.Demo [--speed SECONDS_PER_MONTH] [--seed N] [--endpoint URL]`.</summary>
public sealed record DemoArguments(TimeSpan PerMonth, int Seed, Uri Endpoint)
{
    public const string Usage = "Usage: OzgGrid.Demo [--speed SECONDS_PER_MONTH (default 5)] [--seed N (default 1)] [--endpoint URL (default http://127.0.0.1:5080)]";

    /// <summary>The arguments, or null (with the reason written to <paramref name="error"/>) when they do not parse.</summary>
    public static DemoArguments? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var result = new DemoArguments(TimeSpan.FromSeconds(5), 1, new Uri("http://127.0.0.1:5080"));
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            result = (args[i], value) switch
            {
                ("--speed", { } v) when double.TryParse(v, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600 =>
                    result with { PerMonth = TimeSpan.FromSeconds(seconds) },
                ("--seed", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var seed) && seed >= 0 => result with { Seed = seed },
                ("--endpoint", { } v) when Uri.TryCreate(v, UriKind.Absolute, out var endpoint) => result with { Endpoint = endpoint },
                _ => null,
            };
            if (result is null)
            {
                error.WriteLine($"{args[i]} {value}: not understood (--speed takes 0–3600 seconds, --seed a number ≥ 0).");
                error.WriteLine(Usage);
                return null;
            }
        }

        return result;
    }
}

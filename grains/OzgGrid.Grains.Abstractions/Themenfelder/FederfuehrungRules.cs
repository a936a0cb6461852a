using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Abstractions.Themenfelder;

/// <summary>What a valid Federführung looks like.</summary>
public static class FederfuehrungRules
{
    public const int MaxBundesressortLength = 200;

    /// <exception cref="InvalidFieldException">The first field that is not valid.</exception>
    public static void Validate(Federfuehrung federfuehrung)
    {
        if (federfuehrung.Bundesressort.Length > MaxBundesressortLength)
        {
            throw new InvalidFieldException("federfuehrung.bundesressort", $"At most {MaxBundesressortLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(federfuehrung.Bundesressort) && federfuehrung.Laender.IsEmpty)
        {
            throw new InvalidFieldException("federfuehrung", "Name the Bundesressort, the Länder, or both.");
        }

        foreach (var land in federfuehrung.Laender)
        {
            if (!LaenderRegister.IsKuerzel(land))
            {
                throw new InvalidFieldException("federfuehrung.laender", $"Unknown Land '{land}'.");
            }
        }
    }
}

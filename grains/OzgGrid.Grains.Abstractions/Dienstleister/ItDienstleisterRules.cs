using System.Text.RegularExpressions;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Abstractions.Dienstleister;

/// <summary>What a valid IT-Dienstleister id and registration look like.</summary>
public static partial class ItDienstleisterRules
{
    public const int MaxTextLength = 200;

    /// <summary>Ids are short, lower-case and URL-safe ("dataport", "komm-one"): they appear in tokens and in Zuständigkeiten.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <exception cref="InvalidFieldException">The first field that is not valid.</exception>
    public static void Validate(ItDienstleisterRegistration registration)
    {
        if (string.IsNullOrWhiteSpace(registration.Name) || registration.Name.Length > MaxTextLength)
        {
            throw new InvalidFieldException("name", $"Required: 1–{MaxTextLength} characters.");
        }

        if (registration.Contact.Length > MaxTextLength)
        {
            throw new InvalidFieldException("contact", $"At most {MaxTextLength} characters.");
        }

        if (registration.Laender.IsEmpty)
        {
            throw new InvalidFieldException("laender", "Name at least one Land the IT-Dienstleister serves.");
        }

        foreach (var land in registration.Laender.Where(land => !LaenderRegister.IsKuerzel(land)))
        {
            throw new InvalidFieldException("laender", $"Unknown Land '{land}'.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>The keys of the usage grains and the index of the Onlinedienste with figures in a Land.</summary>
public static class NutzungKeys
{
    /// <summary>"{onlinedienstId}/{land kürzel}/{year}": one record per Onlinedienst, Land and year.</summary>
    public static string Record(string onlinedienstId, string land, int jahr) =>
        string.Create(CultureInfo.InvariantCulture, $"{onlinedienstId}/{land}/{jahr}");

    public static (string OnlinedienstId, string Land, int Jahr) Parse(string key)
    {
        var parts = key.Split('/');
        return (parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// "nutzung-importe/{hash}" of the caller of <paramref name="command"/> (its kind and id): a caller's id (a token's
    /// subject) may hold any character, so the key carries its SHA-256 and the record its name.
    /// </summary>
    public static string Importe(WriteCommand command) =>
        "nutzung-importe/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{(int)command.CallerKind}\n{command.CallerId}")));

    /// <summary>The id set of the Onlinedienste with figures in a Land.</summary>
    public static string Onlinedienste(string land) => $"nutzung-onlinedienste/{land}";
}

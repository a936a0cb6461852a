using System.Globalization;

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

    /// <summary>The id set of the Onlinedienste with figures in a Land.</summary>
    public static string Onlinedienste(string land) => $"nutzung-onlinedienste/{land}";
}

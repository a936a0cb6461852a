namespace OzgGrid.Demo.Simulation;

/// <summary>A simulated IT-Dienstleister: a synthetic id and name, and the real Länder its model serves.</summary>
public sealed record DemoAnbieter(string Id, string Name, IReadOnlyList<string> Laender)
{
    /// <summary>The Land its Onlinedienste go live in Kommune by Kommune.</summary>
    public string AnschlussLand => Laender[0];
}

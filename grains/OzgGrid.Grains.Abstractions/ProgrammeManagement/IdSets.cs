namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>The keys of the <see cref="IIdSetGrain"/>s and who keeps each current.</summary>
public static class IdSets
{
    /// <summary>Every recorded Beschluss number; kept by the Beschlüsse.</summary>
    public const string Beschluesse = "beschluesse";

    /// <summary>The components one Leistung uses; kept by the components.</summary>
    public static string KomponentenOf(int ozgId) => $"leistung-komponenten/{ozgId}";

    /// <summary>Every registered Onlinedienst; kept by the Onlinedienste.</summary>
    public const string Onlinedienste = "onlinedienste";

    /// <summary>The Onlinedienste implementing one OZG-Leistung (through one of its LeiKa-Leistungen); kept by the Onlinedienste.</summary>
    public static string OnlinediensteOf(int ozgId) => $"leistung-onlinedienste/{ozgId}";

    /// <summary>The Digitalisierungslabore of one Themenfeld; kept by the labs.</summary>
    public static string LaboreOf(int themenfeldId) => $"themenfeld-labore/{themenfeldId}";

    /// <summary>The Leistungen with a FIM building block in this status (OZG-IDs); kept by the Steckbriefe, which are the truth.</summary>
    public static string WithFimStatus(Steckbrief.FimStatus status) => $"fim-status/{status}";

    /// <summary>The Leistungen with a Zuständigkeitsebene set (OZG-IDs); kept by the Steckbriefe, which are the truth.</summary>
    public const string WithZustaendigkeitsebene = "steckbrief-zustaendigkeitsebene";

    /// <summary>
    /// The Land rollouts whose responsible Kommunen were set (keys "{ozgId}/{land}", see <see cref="Rollout.RolloutKeys.Land"/>);
    /// kept by the Land rollouts, which are the truth.
    /// </summary>
    public const string WithZustaendigenKommunen = "zustaendige-kommunen";
}

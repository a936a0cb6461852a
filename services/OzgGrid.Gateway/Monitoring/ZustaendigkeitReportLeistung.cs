using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Abstractions.Steckbrief;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>One Leistung of the Zuständigkeit report: its name, Zuständigkeitsebene and the Länder whose responsible Kommunen were set.</summary>
public sealed record ZustaendigkeitReportLeistung(
    int OzgId,
    string Name,
    IReadOnlyList<Zustaendigkeitsebene> Ebenen,
    IReadOnlyList<(string Land, Recorded<ZustaendigeKommunen> Kommunen)> Laender);

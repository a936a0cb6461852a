using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Abstractions.Steckbrief;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>
/// Zuständigkeitsebene, FIM status and responsible Kommunen, domain to proto and back. The proto enum values are the
/// domain values; an unspecified or unknown one is refused naming the field.
/// </summary>
public static class SteckbriefMapping
{
    public static Proto.LeistungSteckbrief MapToProto(this Recorded<LeistungSteckbrief>? recorded, int ozgId)
    {
        var steckbrief = recorded?.Body ?? LeistungSteckbrief.Empty(ozgId);
        var proto = new Proto.LeistungSteckbrief
        {
            OzgId = steckbrief.OzgId,
            Ebenen = { steckbrief.Ebenen.Select(e => (Proto.Zustaendigkeitsebene)e) },
            Fim = { steckbrief.Fim.Select(f => f.Value.MapToProto(f.Key)) },
            Version = recorded?.Version ?? 0,
        };
        if (recorded is not null)
        {
            proto.LastChange = recorded.LastChange.MapToProto();
        }

        return proto;
    }

    public static Proto.FimEintrag MapToProto(this FimEintrag eintrag, FimBaustein baustein) => new()
    {
        Baustein = (Proto.FimBaustein)baustein, FimId = eintrag.FimId, Version = eintrag.Version, Status = (Proto.FimStatus)eintrag.Status,
    };

    public static Proto.ZustaendigeKommunen MapToProto(this Recorded<ZustaendigeKommunen>? recorded, int ozgId, string land)
    {
        var zustaendige = recorded?.Body ?? ZustaendigeKommunen.Alle;
        var proto = new Proto.ZustaendigeKommunen
        {
            OzgId = ozgId, Land = land, Art = (Proto.ZustaendigeKommunenArt)zustaendige.Art, Ags = { zustaendige.Ags }, Version = recorded?.Version ?? 0,
        };
        if (recorded is not null)
        {
            proto.LastChange = recorded.LastChange.MapToProto();
        }

        return proto;
    }

    public static Zustaendigkeitsebene MapToDomain(this Proto.Zustaendigkeitsebene ebene, string field) =>
        ProgrammeEnumMapping.Defined<Zustaendigkeitsebene>((int)ebene, field, "Zustaendigkeitsebene");

    public static FimBaustein MapToDomain(this Proto.FimBaustein baustein, string field) =>
        ProgrammeEnumMapping.Defined<FimBaustein>((int)baustein, field, "FimBaustein");

    public static FimStatus MapToDomain(this Proto.FimStatus status, string field) =>
        ProgrammeEnumMapping.Defined<FimStatus>((int)status, field, "FimStatus");

    public static ZustaendigeKommunenArt MapToDomain(this Proto.ZustaendigeKommunenArt art, string field) =>
        ProgrammeEnumMapping.Defined<ZustaendigeKommunenArt>((int)art, field, "ZustaendigeKommunenArt");

    /// <summary>How the CSV report names a status: the proto's name without its prefix, lower case.</summary>
    public static string Label(this FimStatus status) => SnakeCase(((Proto.FimStatus)status).ToString());

    public static string Label(this Zustaendigkeitsebene ebene) => SnakeCase(((Proto.Zustaendigkeitsebene)ebene).ToString());

    public static string Label(this ZustaendigeKommunenArt art) => SnakeCase(((Proto.ZustaendigeKommunenArt)art).ToString());

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

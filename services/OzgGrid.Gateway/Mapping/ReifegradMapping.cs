using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>What holds Leistungen below a level, onto the wire.</summary>
public static class ReifegradMapping
{
    public static Proto.PaarReifegradBlocker MapToProto(this PaarBlocker paar) => new()
    {
        OnlinedienstId = paar.OnlinedienstId, LeikaKey = paar.LeikaKey, Zaehlt = paar.Zaehlt, Blocker = paar.Blocker.MapToProto(),
    };

    public static Proto.GetProgrammeReifegradBlockerResponse MapToProto(this ProgrammeReifegradBlocker blocker, ReifegradModell modell, int zielstufe) => new()
    {
        Modell = modell.Version.MapToProto(),
        Zielstufe = zielstufe,
        Erreicht = { blocker.Erreicht },
        Darunter = { blocker.Darunter },
        Basiskomponenten = { blocker.Basiskomponenten.Select(b => new Proto.BasiskomponenteBlockiert { Basiskomponente = b.Key.MapToProto(), OzgIds = { b.Value } }) },
        Kriterien =
        {
            blocker.Kriterien.Select(k => new Proto.KriteriumBlockiert
            {
                Kriterium = k.Key, Bezeichnung = modell.Kriterien.Single(c => c.Key == k.Key).Bezeichnung, OzgIds = { k.Value },
            }),
        },
    };
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Umsetzungsprojekte;

/// <summary>What each write of an Umsetzungsprojekt asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class UmsetzungsprojektFingerprints
{
    public static long Define(long? expectedVersion, UmsetzungsprojektDefinition definition) =>
        new CanonicalEncoding("umsetzungsprojekt.define/1").Number(expectedVersion).Text(definition.Name)
            .List(definition.OzgIds, (encoding, ozgId) => encoding.Number(ozgId)).Texts(definition.LeikaKeys)
            .Number((int)definition.Projektleitung.Art).Text(definition.Projektleitung.Kennung)
            .Flag(definition.Methodenexperte is not null).Text(definition.Methodenexperte?.Name).Text(definition.Methodenexperte?.Organisation)
            .Number((int)definition.EfaTyp).Hash();

    public static long Beteiligte(long? expectedVersion, ImmutableArray<Beteiligung> beteiligte) =>
        new CanonicalEncoding("umsetzungsprojekt.beteiligte/1").Number(expectedVersion)
            .List(beteiligte, (encoding, b) => encoding.Number((int)b.Organisation.Art).Text(b.Organisation.Kennung).Number((int)b.Rolle)).Hash();

    public static long Finanzierung(long? expectedVersion, ImmutableArray<Finanzierung> finanzierungen) =>
        new CanonicalEncoding("umsetzungsprojekt.finanzierung/1").Number(expectedVersion)
            .List(finanzierungen, (encoding, f) => encoding.Text(f.Programm).Number(f.BetragCent).Number((int)f.Status)).Hash();

    public static long Termine(long? expectedVersion, PhasenTermine termine) =>
        new CanonicalEncoding("umsetzungsprojekt.termine/1").Number(expectedVersion).Number((int)termine.Phase)
            .Number(termine.GeplanterBeginn?.DayNumber).Number(termine.GeplantesEnde?.DayNumber)
            .Number(termine.Beginn?.DayNumber).Number(termine.Ende?.DayNumber).Hash();

    public static long Verschiebung(long? expectedVersion, ProjektPhase phase, DateOnly? neuerBeginn, DateOnly neuesEnde, string grund) =>
        new CanonicalEncoding("umsetzungsprojekt.verschiebung/1").Number(expectedVersion).Number((int)phase)
            .Number(neuerBeginn?.DayNumber).Number(neuesEnde.DayNumber).Text(grund).Hash();

    public static long Onlinedienste(long? expectedVersion, ImmutableSortedSet<string> onlinedienste) =>
        new CanonicalEncoding("umsetzungsprojekt.onlinedienste/1").Number(expectedVersion).Texts(onlinedienste).Hash();

    public static long Statuspruefung(ProjektStatus status) =>
        new CanonicalEncoding("umsetzungsprojekt.statuspruefung/1").Number((int)status.Phase)
            .List(status.Ueberfaellig, (encoding, phase) => encoding.Number((int)phase)).Hash();
}

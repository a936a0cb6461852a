// German labels for the API's enum values and change fields.

const PHASEN = {
  UMSETZUNGSPHASE_UNSPECIFIED: "nicht angegeben",
  UMSETZUNGSPHASE_VORBEREITUNG: "Vorbereitung",
  UMSETZUNGSPHASE_KONZEPTION: "Konzeption",
  UMSETZUNGSPHASE_UMSETZUNG: "Umsetzung",
  UMSETZUNGSPHASE_PILOTIERUNG: "Pilotierung",
  UMSETZUNGSPHASE_ROLL_OUT: "Roll-out",
  UMSETZUNGSPHASE_REGELBETRIEB: "Regelbetrieb",
};

const VERFUEGBARKEIT = {
  VERFUEGBARKEIT_UNSPECIFIED: "nicht angegeben",
  VERFUEGBARKEIT_KEINE: "nicht verfügbar",
  VERFUEGBARKEIT_PILOT: "Pilot",
  VERFUEGBARKEIT_IN_MINDESTENS_EINER_KOMMUNE: "in mindestens einer Kommune",
  VERFUEGBARKEIT_FLAECHENDECKEND: "flächendeckend",
};

const ARTEN = {
  CHANGE_KIND_UNSPECIFIED: "Änderung",
  CHANGE_KIND_KATALOG: "Katalog",
  CHANGE_KIND_STATUS: "Status",
  CHANGE_KIND_ZUSTAENDIGKEIT: "Zuständigkeit",
  CHANGE_KIND_FEDERFUEHRUNG: "Federführung",
  CHANGE_KIND_ABGLEICH: "Abgleich",
};

const FELDER = {
  reifegrad: "Reifegrad",
  phase: "Umsetzungsphase",
  verfuegbarkeit: "Verfügbarkeit",
  zustaendigkeit: "Zuständigkeit",
  it_dienstleister: "IT-Dienstleister",
  efa: "EfA",
  name: "Name",
  lage: "Lage",
  themenfeld: "Themenfeld",
  leika_leistungen: "LeiKa-Leistungen",
};

export const phase = (value) => PHASEN[value] ?? value;
export const verfuegbarkeit = (value) => VERFUEGBARKEIT[value] ?? value;
export const art = (value) => ARTEN[value] ?? value;

/** "verfuegbarkeit/NW" → "Verfügbarkeit NW"; enum values in before/after read as their labels. */
export function feld(name) {
  const [head, ...rest] = name.split(/[/.]/);
  return [FELDER[head] ?? head, ...rest].join(" ");
}

// Change histories name values as the domain does ("InMindestensEinerKommune", "RollOut").
const DOMAENENWERTE = {
  Keine: "nicht verfügbar",
  InMindestensEinerKommune: "in mindestens einer Kommune",
  Flaechendeckend: "flächendeckend",
  RollOut: "Roll-out",
  Unspecified: "nicht angegeben",
};

export const wert = (value) => (value === "" ? "–" : DOMAENENWERTE[value] ?? PHASEN[value] ?? VERFUEGBARKEIT[value] ?? value);

const zahlen = new Intl.NumberFormat("de-DE");
const prozente = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 1 });
const zeiten = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "medium" });
const uhrzeiten = new Intl.DateTimeFormat("de-DE", { timeStyle: "medium" });
const monate = new Intl.DateTimeFormat("de-DE", { month: "short", year: "numeric", timeZone: "UTC" });

export const zahl = (n) => zahlen.format(n);
export const anteil = (n, von) => (von > 0 ? prozente.format(n / von) : "");
export const zeitpunkt = (iso) => (iso ? zeiten.format(new Date(iso)) : "–");
export const uhrzeit = (iso) => (iso ? uhrzeiten.format(new Date(iso)) : "–");
export const monat = (day) => monate.format(new Date(`${day}T00:00:00Z`));

const BASISKOMPONENTEN = {
  BASISKOMPONENTE_DEUTSCHLAND_ID: "DeutschlandID",
  BASISKOMPONENTE_ORGANISATIONSKONTO: "Organisationskonto",
  BASISKOMPONENTE_NOOTS: "NOOTS",
  BASISKOMPONENTE_STATUSMONITOR: "Statusmonitor",
  BASISKOMPONENTE_E_AKTE: "E-Akte",
  BASISKOMPONENTE_ZAHLUNG_HKR: "Zahlungs- und HKR-Systeme",
};

export const basiskomponente = (value) => BASISKOMPONENTEN[value] ?? value;

const SCHRITTE = {
  ANSCHLUSS_SCHRITT_NACHNUTZUNGSVEREINBARUNG: "Nachnutzungsvereinbarung",
  ANSCHLUSS_SCHRITT_ZUSTELLWEG: "Zustellweg",
  ANSCHLUSS_SCHRITT_PVOG_EINTRAG: "PVOG-Eintrag",
  ANSCHLUSS_SCHRITT_FACHVERFAHREN: "Fachverfahren",
  ANSCHLUSS_SCHRITT_BEZAHLDIENST: "Bezahldienst",
  ANSCHLUSS_SCHRITT_GO_LIVE_GEPLANT: "Go-Live geplant",
  ANSCHLUSS_SCHRITT_GO_LIVE_ERFOLGT: "Go-Live erfolgt",
  ANSCHLUSS_SCHRITT_BESTAETIGT_DURCH_KOMMUNE: "Bestätigung durch die Kommune",
};

/** What holds a missing Kommune: its first open checklist item, or why there is none. */
export function blocker(fehlende) {
  if (SCHRITTE[fehlende.blocker]) {
    return `offen: ${SCHRITTE[fehlende.blocker]}`;
  }

  return fehlende.onlinedienstId ? "alles erledigt, Meldung unterwegs" : "kein Onlinedienst im Einsatz";
}

// The live OZG programme page: the figures come from the monitoring stream (a snapshot, then every change batch),
// names and the slower lists (progress, overdue Leistungen, a Leistung's history) from the JSON reads beside it.
import "./styles.css";
import { reifegradChart, verlaufChart } from "./charts.js";
import * as L from "./labels.js";
import { watchProgramme } from "./stream.js";

const API = `${import.meta.env.BASE_URL}api`;
const MAX_AENDERUNGEN = 20;
const MAX_UEBERFAELLIG = 25;
const REIFEGRADE = [0, 1, 2, 3, 4];
// Overdue Leistungen change with statuses, but are a read of their own: asked again at most this often.
const UEBERFAELLIG_PAUSE_MS = 1000;

const state = {
  figures: new Map(),
  themenfelder: [],
  laender: [],
  leistungen: new Map(),
  verlauf: null,
  ueberfaellig: null,
  aenderungen: [],
  offeneLeistung: null,
};

const $ = (id) => document.getElementById(id);
const figure = (key) => state.figures.get(key) ?? 0;

/** A DOM element with attributes and children (strings become text, never HTML). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      element.setAttribute(name, value);
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

async function getJson(path) {
  const response = await fetch(`${API}${path}`, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? `Die Anfrage schlug fehl (HTTP ${response.status}).`);
  }
  return response.json();
}

/** Who made a change, after a separator; empty for an anonymous visitor, whom the server tells no names. */
const durch = (changedBy, separator) => (changedBy ? `${separator}${changedBy}` : "");
const leistungLink = (ozgId, text) => el("a", { href: `#leistung/${ozgId}` }, text);
const leistungName = (ozgId) => state.leistungen.get(ozgId)?.name ?? `OZG-Leistung ${ozgId}`;
const themenfeldName = (id) => state.themenfelder.find((t) => t.themenfeldId === id)?.name ?? `Themenfeld ${id}`;

// ------------------------------------------------------------------ overview ----

let reifegradDiagramm;
let verlaufDiagramm;

function renderKennzahlen() {
  const leistungen = figure("leistungen");
  $("wert-leistungen").textContent = L.zahl(leistungen);
  $("wert-ozg-konform").textContent = L.zahl(figure("ozg-konform"));
  $("anteil-ozg-konform").textContent = L.anteil(figure("ozg-konform"), leistungen);
  $("wert-online").textContent = L.zahl(figure("online"));
  $("wert-ueberfaellig").textContent = state.ueberfaellig ? L.zahl(state.ueberfaellig.length) : "–";
}

function renderReifegrad() {
  const counts = state.themenfelder.map((t) => REIFEGRADE.map((r) => figure(`themenfeld/${t.themenfeldId}/reifegrad/${r}`)));
  reifegradDiagramm.data.labels = state.themenfelder.map((t) => t.name);
  REIFEGRADE.forEach((r) => { reifegradDiagramm.data.datasets[r].data = counts.map((c) => c[r]); });
  reifegradDiagramm.update("none");

  $("reifegrad-tabelle").tBodies[0].replaceChildren(...state.themenfelder.map((t, i) =>
    el("tr", { "data-themenfeld": t.themenfeldId },
      el("th", { scope: "row" }, t.name),
      ...counts[i].map((n) => el("td", {}, L.zahl(n))),
      el("td", {}, L.zahl(counts[i].reduce((a, b) => a + b, 0))))));
}

function renderLaender() {
  const leistungen = figure("leistungen");
  const zelle = (land, art) => {
    const n = figure(`land/${land}/${art}`);
    const share = leistungen > 0 ? n / leistungen : 0;
    return el("td", { id: `land-${land}-${art}`, style: `--anteil: ${(share * 100).toFixed(1)}%` },
      el("span", { class: "zahl" }, L.zahl(n)), " ", el("span", { class: "anteil" }, L.anteil(n, leistungen)));
  };
  $("laender-tabelle").tBodies[0].replaceChildren(...state.laender.map((land) =>
    el("tr", { "data-land": land.land },
      el("th", { scope: "row" }, el("abbr", { title: land.name }, land.land), el("span", { class: "land-name" }, ` ${land.name}`)),
      zelle(land.land, "flaechendeckend"),
      zelle(land.land, "in-mindestens-einer-kommune"))));
}

function renderVerlauf() {
  if (!state.verlauf) {
    return;
  }

  // The current month's point follows the live figure.
  const heute = new Date().toISOString().slice(0, 10);
  const letzter = state.verlauf.at(-1);
  const jetzt = figure("ozg-konform");
  if (state.figures.size > 0) {
    if (letzter && letzter.day.slice(0, 7) === heute.slice(0, 7)) {
      const vorher = letzter.ozgKonform - letzter.ozgKonformGained;
      Object.assign(letzter, { day: heute, ozgKonform: jetzt, ozgKonformGained: jetzt - vorher });
    } else if (!letzter || letzter.ozgKonform !== jetzt) {
      state.verlauf.push({ day: heute, ozgKonform: jetzt, ozgKonformGained: jetzt - (letzter?.ozgKonform ?? 0) });
    }
  }

  verlaufDiagramm.data.labels = state.verlauf.map((p) => L.monat(p.day));
  verlaufDiagramm.data.datasets[0].data = state.verlauf.map((p) => p.ozgKonform);
  verlaufDiagramm.update("none");
  $("verlauf-tabelle").tBodies[0].replaceChildren(...state.verlauf.map((p) =>
    el("tr", {}, el("th", { scope: "row" }, L.monat(p.day)), el("td", {}, L.zahl(p.ozgKonform)), el("td", {}, L.zahl(p.ozgKonformGained)))));
}

function renderUeberfaellig() {
  if (!state.ueberfaellig) {
    return;
  }

  const liste = state.ueberfaellig.slice(0, MAX_UEBERFAELLIG);
  $("ueberfaellig-leer").hidden = state.ueberfaellig.length > 0;
  $("ueberfaellig-liste").replaceChildren(...liste.map((u) => {
    const frueheste = u.meilensteine[0];
    const meilenstein = frueheste
      ? `${L.phase(frueheste.phase)}${frueheste.land ? ` (${frueheste.land})` : ""} geplant bis ${frueheste.plannedDate}`
      : "";
    return el("li", { "data-ozg-id": u.ozgId },
      leistungLink(u.ozgId, `${u.ozgId} – ${leistungName(u.ozgId)}`),
      el("span", { class: "nebeninfo" }, `${themenfeldName(u.themenfeldId)}${meilenstein ? ` · ${meilenstein}` : ""}`));
  }));
  if (state.ueberfaellig.length > liste.length) {
    $("ueberfaellig-liste").append(el("li", { class: "hinweis" }, `… und ${L.zahl(state.ueberfaellig.length - liste.length)} weitere`));
  }
}

function renderAenderungen() {
  $("aenderungen-leer").hidden = state.aenderungen.length > 0;
  $("aenderungen-liste").replaceChildren(...state.aenderungen.map((c) =>
    el("li", { "data-ozg-id": c.leistung.ozgId, "data-version": c.leistung.version },
      el("time", { datetime: c.changedAt }, L.uhrzeit(c.changedAt)), " ",
      leistungLink(c.leistung.ozgId, `${c.leistung.ozgId} – ${c.leistung.name}`),
      el("span", { class: "nebeninfo" },
        `${L.art(c.kind)}: ${c.fields.map((f) => `${L.feld(f.field)} ${L.wert(f.before)} → ${L.wert(f.after)}`).join(", ") || "–"}`
        + ` · Version ${c.leistung.version}${durch(c.changedBy, " · ")}`))));
}

// Bursts of changes are drawn once per frame.
let zeichnenGeplant = false;
function zeichnen() {
  if (zeichnenGeplant) {
    return;
  }

  zeichnenGeplant = true;
  requestAnimationFrame(() => {
    zeichnenGeplant = false;
    renderKennzahlen();
    renderReifegrad();
    renderLaender();
    renderVerlauf();
    renderUeberfaellig();
    renderAenderungen();
  });
}

let ueberfaelligTimer = null;
function ueberfaelligLaden() {
  if (ueberfaelligTimer !== null) {
    return;
  }

  ueberfaelligTimer = setTimeout(async () => {
    try {
      state.ueberfaellig = (await getJson("/ueberfaellig")).leistungen;
      zeichnen();
    } finally {
      ueberfaelligTimer = null;
    }
  }, state.ueberfaellig ? UEBERFAELLIG_PAUSE_MS : 0);
}

// --------------------------------------------------------------- the stream ----

function applyFigures(figures) {
  for (const f of figures ?? []) {
    state.figures.set(f.key, Number(f.value));
  }
}

function applyChanges(changes) {
  for (const change of changes ?? []) {
    state.leistungen.set(change.leistung.ozgId, change.leistung);
    state.aenderungen.unshift(change);
    if (state.offeneLeistung === change.leistung.ozgId) {
      leistungLaden(change.leistung.ozgId);
    }
  }

  state.aenderungen.length = Math.min(state.aenderungen.length, MAX_AENDERUNGEN);
  if ((changes ?? []).length > 0) {
    ueberfaelligLaden();
  }
}

function onMessage(name, data) {
  switch (name) {
    case "snapshot":
      state.figures = new Map(data.figures.map((f) => [f.key, Number(f.value)]));
      state.leistungen = new Map(data.leistungen.map((l) => [l.ozgId, l]));
      // Newest first, as the changes that follow are added.
      state.aenderungen = [...(data.recentChanges ?? [])].reverse().slice(0, MAX_AENDERUNGEN);
      document.body.dataset.stand = data.cursor;
      break;
    case "changeBatch":
      applyChanges(data.changes);
      applyFigures(data.changedFigures);
      break;
    case "leistungChanged":
      applyChanges([data]);
      applyFigures(data.changedFigures);
      break;
    case "figuresChanged":
      applyFigures(data.changedFigures);
      break;
    default:
      return;
  }

  zeichnen();
}

function verbindung(zustand, text) {
  const status = $("verbindung");
  status.dataset.zustand = zustand;
  status.textContent = text;
}

// ---------------------------------------------------------- a Leistung page ----

async function leistungLaden(ozgId) {
  try {
    const [{ leistung }, historie] = await Promise.all([getJson(`/leistungen/${ozgId}`), getJson(`/leistungen/${ozgId}/aenderungen`)]);
    if (state.offeneLeistung !== ozgId) {
      return;
    }

    $("leistung-fehler").hidden = true;
    renderLeistung(leistung, historie.changes);
  } catch (error) {
    $("leistung-fehler").textContent = error.message;
    $("leistung-fehler").hidden = false;
  }
}

function renderLeistung(leistung, changes) {
  document.title = `${leistung.name} – OZG-Umsetzung live`;
  $("leistung-titel").textContent = `${leistung.name} (OZG-ID ${leistung.ozgId})`;
  const z = leistung.zustaendigkeit ?? {};
  const eintraege = [
    ["Themenfeld", themenfeldName(leistung.themenfeldId)],
    ["Lage", leistung.lageName],
    ["Reifegrad", String(leistung.status.reifegrad)],
    ["Umsetzungsphase", L.phase(leistung.status.phase)],
    ["Umsetzende Stelle", z.land ?? z.bundesressort ?? "–"],
    ["Einer für Alle (EfA)", z.efa ? "ja" : "nein"],
    ["IT-Dienstleister", z.itDienstleister || "–"],
    ["Nachnutzende Länder", (z.nachnutzerLaender ?? []).join(", ") || "–"],
    ["Version", String(leistung.version)],
    ["Zuletzt geändert", `${L.zeitpunkt(leistung.lastChange?.changedAt)}${durch(leistung.lastChange?.changedBy, " durch ")}`],
  ];
  $("leistung-daten").replaceChildren(...eintraege.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]));

  const laender = Object.entries(leistung.status.verfuegbarkeit ?? {}).sort(([a], [b]) => a.localeCompare(b));
  $("leistung-verfuegbarkeit-leer").hidden = laender.length > 0;
  $("leistung-verfuegbarkeit").replaceChildren(...laender.map(([land, v]) =>
    el("li", { "data-land": land }, el("strong", {}, land), " ", L.verfuegbarkeit(v))));

  // Who changed what is shown to visitors with a token only; anonymous ones get no names, and no column for them.
  const mitNamen = changes.some((c) => c.changedBy);
  $("leistung-historie-durch").hidden = !mitNamen;
  $("leistung-historie").tBodies[0].replaceChildren(...changes.map((c) =>
    el("tr", { "data-version": c.version },
      el("th", { scope: "row" }, String(c.version)),
      el("td", {}, el("time", { datetime: c.changedAt }, L.zeitpunkt(c.changedAt))),
      el("td", {}, L.art(c.kind)),
      mitNamen ? el("td", {}, c.changedBy) : null,
      el("td", {}, c.fields.map((f) => `${L.feld(f.field)}: ${L.wert(f.before)} → ${L.wert(f.after)}`).join("; ") || "–"))));
}

// ------------------------------------------------------------------- routing ----

function route() {
  const match = /^#leistung\/(\d+)$/.exec(location.hash);
  const ozgId = match ? Number(match[1]) : null;
  state.offeneLeistung = ozgId;
  $("uebersicht").hidden = ozgId !== null;
  $("leistung").hidden = ozgId === null;
  if (ozgId !== null) {
    $("leistung-titel").textContent = `OZG-Leistung ${ozgId}`;
    $("leistung-daten").replaceChildren();
    $("leistung-historie").tBodies[0].replaceChildren();
    $("leistung-titel").focus();
    leistungLaden(ozgId);
  } else {
    document.title = "OZG-Umsetzung live – OzgGrid";
  }
}

async function start() {
  reifegradDiagramm = reifegradChart($("reifegrad-diagramm"));
  verlaufDiagramm = verlaufChart($("verlauf-diagramm"));
  window.addEventListener("hashchange", route);
  route();

  // Names first, so the snapshot draws whole.
  const { figures } = await getJson("/kennzahlen");
  state.themenfelder = figures.themenfelder.map((t) => ({ themenfeldId: t.themenfeldId, name: t.name }));
  state.laender = figures.laender.map((l) => ({ land: l.land, name: l.name }));

  watchProgramme(`${API}/ereignisse`, {
    message: onMessage,
    connected: () => verbindung("live", "Live: Änderungen erscheinen sofort"),
    disconnected: (endgueltig) => verbindung("getrennt", endgueltig
      ? "Verbindung getrennt: bitte die Seite neu laden"
      : "Verbindung unterbrochen, wird wiederhergestellt …"),
  });

  getJson("/verlauf").then(({ points }) => {
    state.verlauf = points.map((p) => ({ day: p.day, ozgKonform: Number(p.ozgKonform), ozgKonformGained: Number(p.ozgKonformGained) }));
    zeichnen();
  });
  ueberfaelligLaden();
}

start().catch((error) => verbindung("fehler", `Die Seite konnte nicht geladen werden: ${error.message}`));

// The overview: headline figures, Reifegrad per Themenfeld, the Länder table, progress, overdue and latest changes.
import { reifegradChart, verlaufChart } from "./charts.js";
import { $, durch, el, leistungLink } from "./dom.js";
import * as L from "./labels.js";
import { figure, leistungName, state, themenfeldName } from "./state.js";

const MAX_UEBERFAELLIG = 25;
const REIFEGRADE = [0, 1, 2, 3, 4];

let reifegradDiagramm;
let verlaufDiagramm;

export function startUebersicht() {
  reifegradDiagramm = reifegradChart($("reifegrad-diagramm"));
  verlaufDiagramm = verlaufChart($("verlauf-diagramm"));
}

export function renderUebersicht() {
  renderKennzahlen();
  renderReifegrad();
  renderLaender();
  renderVerlauf();
  renderUeberfaellig();
  renderAenderungen();
}

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

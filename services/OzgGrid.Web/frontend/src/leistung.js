// A Leistung's page (#/leistung/10123): status and Reifegrad (derived from its Onlinedienste or set by hand),
// Verfügbarkeit per Land, milestones, its Onlinedienste with their criteria, what holds the next Reifegrad level, and
// its history, newest first, a page at a time; with a Land in the address also its rollout and forecast there
// (leistung-land.js). Read again whenever the stream brings a change of it.
import { $, datenListe, durch, el, getJson, landLink } from "./dom.js";
import * as L from "./labels.js";
import { imLandLaden, zeigeLeistungImLand } from "./leistung-land.js";
import { themenfeldName } from "./state.js";

const HOECHSTE_STUFE = { "1.1": 4, "2.0": 7 };

let offen = null;  // the OZG-ID shown
let historie = { changes: [], nextPageToken: "" };

export const leistungOffen = () => offen;

/** land: the Land whose rollout and forecast the page shows too (#/leistung/10123/land/NW), or null. */
export function zeigeLeistung(ozgId, land = null) {
  offen = ozgId;
  historie = { changes: [], nextPageToken: "" };
  $("leistung-titel").textContent = `OZG-Leistung ${ozgId}`;
  for (const id of ["leistung-daten", "leistung-onlinedienste", "leistung-blocker"]) {
    $(id).replaceChildren();
  }
  for (const id of ["leistung-historie", "leistung-termine"]) {
    $(id).tBodies[0].replaceChildren();
  }
  $("leistung-historie-mehr").onclick = () => aeltereLaden(ozgId);
  $("leistung-titel").focus();
  zeigeLeistungImLand(ozgId, land);
  leistungLaden(ozgId);
}

export function schliesseLeistung() {
  offen = null;
  zeigeLeistungImLand(null, null);
}

/** Everything of the page again: the newest history page replaces the loaded ones. */
export async function leistungLaden(ozgId) {
  try {
    const [{ leistung, fristen }, seite, { onlinedienste }] = await Promise.all([
      getJson(`/leistungen/${ozgId}`), getJson(`/leistungen/${ozgId}/aenderungen`), getJson(`/leistungen/${ozgId}/onlinedienste`)]);
    const blocker = await blockerLaden(leistung);
    if (offen !== ozgId) {
      return;
    }

    $("leistung-fehler").hidden = true;
    historie = { changes: seite.changes ?? [], nextPageToken: seite.nextPageToken ?? "" };
    renderDaten(leistung);
    renderTermine(fristen ?? {});
    renderOnlinedienste(onlinedienste ?? []);
    renderBlocker(blocker);
    renderHistorie();
    imLandLaden();
  } catch (error) {
    if (offen === ozgId) {
      $("leistung-fehler").textContent = error.message;
      $("leistung-fehler").hidden = false;
    }
  }
}

async function aeltereLaden(ozgId) {
  const seite = await getJson(`/leistungen/${ozgId}/aenderungen?seite=${encodeURIComponent(historie.nextPageToken)}`);
  if (offen === ozgId) {
    historie = { changes: [...historie.changes, ...seite.changes ?? []], nextPageToken: seite.nextPageToken ?? "" };
    renderHistorie();
  }
}

/** The next level of each model above where the Leistung stands (none above the highest). */
async function blockerLaden(leistung) {
  const status = leistung.status;
  const ziele = [["1.1", status.reifegrad + 1], ["2.0", (status.reifegrad20 ?? 0) + 1]]
    .filter(([modell, zielstufe]) => zielstufe <= HOECHSTE_STUFE[modell]);
  return Promise.all(ziele.map(async ([modell, zielstufe]) => ({
    modell, zielstufe, ...(await getJson(`/leistungen/${leistung.ozgId}/blocker?modell=${modell}&zielstufe=${zielstufe}`)),
  })));
}

function reifegradText(status) {
  const n = status.reifegradOnlinedienste ?? 0;
  if (n === 0) {
    return `${status.reifegrad} (von Hand gesetzt)`;
  }

  const modell20 = status.reifegrad20 !== undefined ? `; Modell 2.0: Stufe ${status.reifegrad20}` : "";
  return `${status.reifegrad} (abgeleitet aus ${n} ${n === 1 ? "Onlinedienst" : "Onlinediensten"}${modell20})`;
}

function renderDaten(leistung) {
  document.title = `${leistung.name} – OZG-Umsetzung live`;
  $("leistung-titel").textContent = `${leistung.name} (OZG-ID ${leistung.ozgId})`;
  const z = leistung.zustaendigkeit ?? {};
  $("leistung-daten").replaceChildren(...datenListe([
    ["Themenfeld", themenfeldName(leistung.themenfeldId)],
    ["Lage", leistung.lageName],
    ["Reifegrad", reifegradText(leistung.status)],
    ["Umsetzungsphase", L.phase(leistung.status.phase)],
    ["LeiKa-Leistungen", (leistung.leikaLeistungen ?? []).map((k) => k.leikaKey).filter(Boolean).join(", ") || "–"],
    ["Umsetzende Stelle", z.land ?? z.bundesressort ?? "–"],
    ["Einer für Alle (EfA)", z.efa ? "ja" : "nein"],
    ["IT-Dienstleister", z.itDienstleister || "–"],
    ["Nachnutzende Länder", (z.nachnutzerLaender ?? []).join(", ") || "–"],
    ["Version", String(leistung.version)],
    ["Zuletzt geändert", `${L.zeitpunkt(leistung.lastChange?.changedAt)}${durch(leistung.lastChange?.changedBy, " durch ")}`],
  ]));

  const laender = Object.entries(leistung.status.verfuegbarkeit ?? {}).sort(([a], [b]) => a.localeCompare(b));
  $("leistung-verfuegbarkeit-leer").hidden = laender.length > 0;
  $("leistung-verfuegbarkeit").replaceChildren(...laender.map(([land, v]) =>
    el("li", { "data-land": land }, el("strong", {}, landLink(land, land)), " ", L.verfuegbarkeit(v))));
}

function renderTermine(fristen) {
  const ueberfaellig = new Set((fristen.ueberfaelligeMeilensteine ?? []).map((m) => `${m.phase}/${m.land ?? ""}`));
  const meilensteine = fristen.meilensteine ?? [];
  $("leistung-termine-leer").hidden = meilensteine.length > 0;
  $("leistung-termine").tBodies[0].replaceChildren(...meilensteine.map((m) =>
    el("tr", { "data-phase": m.phase },
      el("th", { scope: "row" }, L.phase(m.phase)),
      el("td", {}, m.land || "bundesweit"),
      el("td", {}, m.plannedDate),
      el("td", {}, m.beschluss || "–"),
      el("td", {}, ueberfaellig.has(`${m.phase}/${m.land ?? ""}`) ? "überfällig" : "im Plan"))));
}

const kriterienText = (bewertung) =>
  (bewertung?.kriterien ?? []).map((k) => `${k.kriterium}: ${k.stufe}`).join(", ") || "nicht bewertet";

function renderOnlinedienste(onlinedienste) {
  $("leistung-onlinedienste-leer").hidden = onlinedienste.length > 0;
  $("leistung-onlinedienste").replaceChildren(...onlinedienste.map((d) =>
    el("li", { "data-onlinedienst": d.onlinedienstId },
      el("h4", {}, d.name),
      el("dl", { class: "daten" }, ...datenListe([
        ["Adresse", el("a", { href: d.url, rel: "noopener" }, d.url)],
        ["Anbieter", d.anbieterId],
        ["Veröffentlicht", d.veroeffentlicht ? "ja" : "nein"],
        ["Im Einsatz", (d.einsatzgebiet ?? []).map((e) => (e.kommunen?.length ? `${e.land} (${e.kommunen.length} Kommunen)` : e.land)).join(", ") || "nirgends"],
        ["Basiskomponenten", (d.details?.basiskomponenten ?? []).map(L.basiskomponente).join(", ") || "keine"],
      ])),
      ...(d.leistungen ?? []).map((p) => el("div", { class: "paar", "data-leika": p.leikaKey },
        el("p", {}, el("strong", {}, `LeiKa ${p.leikaKey}`),
          ` · Reifegrad nach Modell 1.1: Stufe ${p.reifegrad11?.stufe ?? 0}, nach Modell 2.0: Stufe ${p.reifegrad20?.stufe ?? 0}`),
        el("p", { class: "nebeninfo kriterien-11" }, `Kriterien 1.1: ${kriterienText(p.reifegrad11)}`),
        el("p", { class: "nebeninfo kriterien-20" }, `Kriterien 2.0: ${kriterienText(p.reifegrad20)}`))))));
}

function renderBlocker(blocker) {
  if (blocker.length === 0) {
    $("leistung-blocker").replaceChildren(el("p", { class: "hinweis" }, "Die Leistung steht auf der höchsten Stufe beider Modelle."));
    return;
  }

  $("leistung-blocker").replaceChildren(...blocker.map(({ modell, zielstufe, paare }) =>
    el("div", { class: "blocker", "data-modell": modell, "data-zielstufe": zielstufe },
      el("h4", {}, `Modell ${modell}: bis Stufe ${zielstufe}`),
      (paare ?? []).length === 0
        ? el("p", { class: "hinweis" }, "Kein Onlinedienst, der zählt, setzt diese Leistung um.")
        : el("ul", { class: "liste" }, ...paare.map((p) => el("li", { "data-onlinedienst": p.onlinedienstId },
          el("strong", {}, `${p.onlinedienstId} · LeiKa ${p.leikaKey}`),
          ` – jetzt Stufe ${p.blocker.stufe}${p.zaehlt ? "" : " (zählt nicht: nicht veröffentlicht oder nicht im Einsatz)"}`,
          el("span", { class: "nebeninfo" }, p.blocker.erreicht ? "Nichts hält dieses Paar auf." : [
            ...(p.blocker.kriterien ?? []).map((k) => `${k.kriterium} ${k.bezeichnung} (bewertet ${k.bewertet})`),
            ...(p.blocker.fehlendeBasiskomponenten ?? []).map((b) => `fehlt: ${L.basiskomponente(b)}`),
          ].join("; "))))))));
}

function renderHistorie() {
  // Who changed what is shown to visitors with a token only; anonymous ones get no names, and no column for them.
  const mitNamen = historie.changes.some((c) => c.changedBy);
  $("leistung-historie-durch").hidden = !mitNamen;
  $("leistung-historie").tBodies[0].replaceChildren(...historie.changes.map((c) =>
    el("tr", { "data-version": c.version },
      el("th", { scope: "row" }, String(c.version)),
      el("td", {}, el("time", { datetime: c.changedAt }, L.zeitpunkt(c.changedAt))),
      el("td", {}, L.art(c.kind)),
      mitNamen ? el("td", {}, c.changedBy) : null,
      el("td", {}, c.fields.map((f) => `${L.feld(f.field)}: ${L.wert(f.before)} → ${L.wert(f.after)}`).join("; ") || "–"))));
  $("leistung-historie-mehr").hidden = !historie.nextPageToken;
}

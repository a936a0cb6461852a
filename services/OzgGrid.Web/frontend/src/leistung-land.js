// A Leistung in one Land (#/leistung/10123/land/NW), a section of the Leistung's page: its rollout there (online of the
// responsible Kommunen, GetRollout) and the Anschluss forecast (GetAnschlussPrognose): the missing Kommunen with what
// holds each, a page at a time, and the date it becomes flächendeckend, or why none can be given.
import { $, datenListe, el, getJson, landLink, tabelle } from "./dom.js";
import * as L from "./labels.js";
import { landName } from "./state.js";

let offen = null;  // { ozgId, land, rollout, prognose, fehlende, nextPageToken, kreise, fehler }

export function zeigeLeistungImLand(ozgId, land) {
  offen = land ? { ozgId, land, rollout: null, prognose: null, fehlende: [], nextPageToken: "", kreise: new Map(), fehler: null } : null;
  $("leistung-im-land").hidden = !land;
  $("leistung-im-land-inhalt").replaceChildren();
  if (land) {
    $("leistung-im-land-titel").textContent = `Rollout und Prognose in ${landName(land)}`;
  }
}

/** The counts, the forecast's first page and the Kreis names; with the Leistung's page, on opening and on each change. */
export async function imLandLaden() {
  const ziel = offen;
  if (!ziel) {
    return;
  }

  const basis = `/leistungen/${ziel.ozgId}/laender/${ziel.land}`;
  try {
    const [rollout, prognose, { kreise }] = await Promise.all([
      getJson(`${basis}/rollout`), getJson(`${basis}/prognose`), getJson(`/laender/${ziel.land}/kreise`)]);
    if (offen !== ziel) {
      return;
    }

    Object.assign(ziel, {
      rollout, prognose, fehlende: prognose.fehlende ?? [], nextPageToken: prognose.nextPageToken ?? "",
      kreise: new Map((kreise ?? []).map((k) => [k.kreisAgs, k.name])), fehler: null,
    });
  } catch (error) {
    ziel.fehler = error.message;
  }

  render();
}

async function weitereLaden() {
  const ziel = offen;
  const seite = await getJson(`/leistungen/${ziel.ozgId}/laender/${ziel.land}/prognose?seite=${encodeURIComponent(ziel.nextPageToken)}`);
  if (offen === ziel) {
    ziel.fehlende = [...ziel.fehlende, ...(seite.fehlende ?? [])];
    ziel.nextPageToken = seite.nextPageToken ?? "";
    render();
    $("leistung-im-land-mehr")?.focus();
  }
}

function flaechendeckendText(p) {
  if (p.flaechendeckend) {
    return "flächendeckend: alle zuständigen Kommunen sind online";
  }

  if (p.flaechendeckendAb) {
    return p.flaechendeckendAb;
  }

  return `unbekannt: ${L.zahl(p.ohneGeplantenGoLive)} fehlende ${p.ohneGeplantenGoLive === 1 ? "Kommune hat" : "Kommunen haben"} keinen geplanten Go-Live`;
}

function render() {
  const { land, rollout: r, prognose: p, fehlende, nextPageToken, kreise, fehler } = offen;
  if (fehler) {
    $("leistung-im-land-inhalt").replaceChildren(el("p", { class: "fehler", role: "alert" }, fehler));
    return;
  }

  const zeilen = fehlende.map((f) => el("tr", { "data-ags": f.ags, class: f.ueberfaellig ? "ueberfaellig" : null },
    el("th", { scope: "row" }, f.ags),
    el("td", {}, kreise.get(f.ags.slice(0, 5)) ?? f.ags.slice(0, 5)),
    el("td", { class: "blocker" }, L.blocker(f)),
    el("td", {}, f.onlinedienstId || "–"),
    el("td", {}, f.goLiveGeplant ? `${f.goLiveGeplant}${f.ueberfaellig ? " (überfällig)" : ""}` : "nicht geplant")));
  $("leistung-im-land-inhalt").replaceChildren(
    el("p", {}, landLink(land, `Zur Ansicht von ${landName(land)}`)),
    el("dl", { class: "daten", id: "leistung-im-land-daten" }, ...datenListe([
      ["Verfügbarkeit im Land", L.verfuegbarkeit(r.verfuegbarkeit)],
      ["Online", `${L.zahl(p.onlineKommunen)} von ${L.zahl(p.zustaendigeKommunen)} zuständigen Kommunen`],
      ["Online im ganzen Land", `${L.zahl(r.onlineKommunen)} von ${L.zahl(r.registeredKommunen)} Kommunen des Registers`],
      ["Im Pilotbetrieb", `${L.zahl(r.pilotKommunen)} Kommunen`],
      ["Fehlende Kommunen", L.zahl(p.fehlendeKommunen)],
      ["Mit überfälligem Go-Live", L.zahl(p.ueberfaelligeKommunen)],
      ["Flächendeckend ab", flaechendeckendText(p)],
    ])),
    fehlende.length === 0
      ? el("p", { class: "hinweis", id: "leistung-im-land-leer" }, "Keine zuständige Kommune fehlt.")
      : tabelle("leistung-im-land-fehlende", `Fehlende Kommunen in ${landName(land)} und was sie aufhält`,
        ["AGS", "Kreis", "Was aufhält", "Onlinedienst", "Go-Live geplant"], zeilen),
    nextPageToken ? el("button", { type: "button", id: "leistung-im-land-mehr" }, "Weitere fehlende Kommunen laden") : "");
  $("leistung-im-land-mehr")?.addEventListener("click", weitereLaden);
}

// A Land's view (#/land/NW): its figures, live from the stream, and the Leistungen available there with their
// Verfügbarkeit in the Land, read a page at a time. Each part is a section of ABSCHNITTE: the Land's Kreise and
// Kommunen join as sections of their own.
import { $, datenListe, el, getJson, leistungLink, tabelle } from "./dom.js";
import * as L from "./labels.js";
import { landFigures, landName } from "./state.js";

let offen = null;  // { land, leistungen, nextPageToken, fehler }

const kennzahlenAbschnitt = {
  id: "land-kennzahlen",
  titel: "Kennzahlen",
  render({ land }) {
    const f = landFigures(land);
    const mitAnteil = (n) => `${L.zahl(n)} (${L.anteil(n, f.leistungen) || "0 %"})`;
    return el("dl", { class: "daten", id: "land-daten" }, ...datenListe([
      ["Online in mindestens einer Kommune", mitAnteil(f.online)],
      ["Flächendeckend online", mitAnteil(f.flaechendeckend)],
      ["Im Pilotbetrieb", L.zahl(f.pilot)],
      ["Mit überfälligem Meilenstein", L.zahl(f.ueberfaellig)],
      ["EfA-Leistungen, die das Land für alle baut", L.zahl(f.efaBereitgestellt)],
      ["EfA-Leistungen, die das Land nachnutzt", L.zahl(f.efaNachgenutzt)],
    ]));
  },
};

const leistungenAbschnitt = {
  id: "land-leistungen",
  titel: "Verfügbare Leistungen",
  render({ land, leistungen, nextPageToken, fehler }) {
    if (fehler) {
      return el("p", { class: "fehler", role: "alert" }, fehler);
    }

    if (!leistungen) {
      return el("p", { class: "hinweis" }, "Wird geladen …");
    }

    if (leistungen.length === 0) {
      return el("p", { class: "hinweis", id: "land-leistungen-leer" }, "In diesem Land ist noch keine Leistung verfügbar.");
    }

    const zeilen = leistungen.map((l) => el("tr", { "data-ozg-id": l.ozgId },
      el("th", { scope: "row" }, leistungLink(l.ozgId, `${l.ozgId} – ${l.name}`)),
      el("td", {}, L.verfuegbarkeit(l.status.verfuegbarkeit?.[land])),
      el("td", {}, String(l.status.reifegrad)),
      el("td", {}, L.phase(l.status.phase))));
    return el("div", {},
      tabelle("land-leistungen-tabelle", `Leistungen, die in ${landName(land)} verfügbar sind`,
        ["Leistung", "Verfügbarkeit im Land", "Reifegrad", "Umsetzungsphase"], zeilen),
      nextPageToken ? el("button", { type: "button", id: "land-leistungen-mehr" }, "Weitere Leistungen laden") : null);
  },
};

const ABSCHNITTE = [kennzahlenAbschnitt, leistungenAbschnitt];

export function zeigeLand(land) {
  offen = { land, leistungen: null, nextPageToken: "", fehler: null };
  document.title = `${landName(land)} – OZG-Umsetzung live`;
  $("land-titel").textContent = `${landName(land)} (${land})`;
  renderLand();
  $("land-titel").focus();
  leistungenLaden(land, "");
}

export function schliesseLand() {
  offen = null;
}

export const landOffen = () => offen?.land ?? null;

export function renderLand() {
  if (!offen) {
    return;
  }

  $("land-titel").textContent = `${landName(offen.land)} (${offen.land})`;
  $("land-abschnitte").replaceChildren(...ABSCHNITTE.map((a) =>
    el("section", { id: a.id, "aria-labelledby": `${a.id}-titel` }, el("h3", { id: `${a.id}-titel` }, a.titel), a.render(offen))));
  $("land-leistungen-mehr")?.addEventListener("click", () => leistungenLaden(offen.land, offen.nextPageToken));
}

/** The first page again (after changes), or the next one. */
export async function leistungenLaden(land, pageToken) {
  try {
    const seite = await getJson(`/laender/${land}/leistungen${pageToken ? `?seite=${encodeURIComponent(pageToken)}` : ""}`);
    if (offen?.land !== land) {
      return;
    }

    offen.leistungen = pageToken ? [...(offen.leistungen ?? []), ...seite.leistungen ?? []] : seite.leistungen ?? [];
    offen.nextPageToken = seite.nextPageToken ?? "";
    offen.fehler = null;
  } catch (error) {
    if (offen?.land === land) {
      offen.fehler = error.message;
    }
  }

  renderLand();
}

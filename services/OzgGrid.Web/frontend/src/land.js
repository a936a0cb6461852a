// A Land's view (#/land/NW): its figures, live from the stream, and the Leistungen available there with their
// Verfügbarkeit in the Land, read a page at a time, each linking to its rollout and forecast in the Land; the Land's
// Kreise and a chosen Kreis's Kommunen (kreise.js). Each part is a section of ABSCHNITTE.
import { $, datenListe, el, getJson, leistungLink, tabelle } from "./dom.js";
import { kommunenAbschnitt, kommunenLaden, kreiseAbschnitt, kreiseLaden } from "./kreise.js";
import * as L from "./labels.js";
import { landFigures, landName } from "./state.js";

// { land, leistungen, nextPageToken, fehler, kreise: { liste, attribution, fehler }, kreis: { kreisAgs, kommunen, … } | null }
let offen = null;

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
      el("td", {}, L.phase(l.status.phase)),
      el("td", {}, el("a", { href: `#/leistung/${l.ozgId}/land/${land}`, class: "im-land" }, "Rollout und Prognose"))));
    return el("div", {},
      tabelle("land-leistungen-tabelle", `Leistungen, die in ${landName(land)} verfügbar sind`,
        ["Leistung", "Verfügbarkeit im Land", "Reifegrad", "Umsetzungsphase", `In ${land}`], zeilen),
      nextPageToken ? el("button", { type: "button", id: "land-leistungen-mehr" }, "Weitere Leistungen laden") : null);
  },
};

const ABSCHNITTE = [kennzahlenAbschnitt, kommunenAbschnitt, kreiseAbschnitt, leistungenAbschnitt];

const zeichneLand = (land) => {
  if (offen?.land === land) {
    renderLand();
  }
};

/** Opens the Land, or within the open Land only the chosen Kreis (kreis: its five digits, or null for none). */
export function zeigeLand(land, kreis = null) {
  if (offen?.land !== land) {
    offen = { land, leistungen: null, nextPageToken: "", fehler: null, kreise: null, kreis: null };
    document.title = `${landName(land)} – OZG-Umsetzung live`;
    $("land-titel").textContent = `${landName(land)} (${land})`;
    leistungenLaden(land, "");
    kreiseLaden(offen, zeichneLand);
    if (!kreis) {
      renderLand();
      $("land-titel").focus();
    }
  }

  if ((offen.kreis?.kreisAgs ?? null) === kreis) {
    return;
  }

  offen.kreis = kreis ? { kreisAgs: kreis, kommunen: null, nextPageToken: "", totalSize: 0, fehler: null } : null;
  renderLand();
  if (kreis) {
    $("land-kommunen-titel").focus();
    kommunenLaden(offen, "", zeichneLand);
  }
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
  // Drawn anew on every change: whatever had the focus in it (a heading, a button) keeps it.
  const fokus = $("land-abschnitte").contains(document.activeElement) ? document.activeElement.id : "";
  $("land-abschnitte").replaceChildren(...ABSCHNITTE.filter((a) => a.sichtbar?.(offen) ?? true).map((a) =>
    el("section", { id: a.id, "aria-labelledby": `${a.id}-titel` }, el("h3", { id: `${a.id}-titel`, tabindex: "-1" }, a.titel), a.render(offen))));
  $("land-leistungen-mehr")?.addEventListener("click", () => leistungenLaden(offen.land, offen.nextPageToken));
  $("land-kommunen-mehr")?.addEventListener("click", () => kommunenLaden(offen, offen.kreis.nextPageToken, zeichneLand));
  if (fokus) {
    $(fokus)?.focus();
  }
}

/**
 * After changes: as many pages as are shown, read again, so an open list follows the changes without collapsing to
 * its first page.
 */
export const leistungenNeuLaden = (land) => leistungenLaden(land, "", offen?.land === land ? offen.leistungen?.length ?? 0 : 0);

/** The first page (and more until at least `bis` Leistungen are read), or the next one after pageToken. */
export async function leistungenLaden(land, pageToken, bis = 0) {
  try {
    let gelesen = [];
    let next = pageToken;
    do {
      const seite = await getJson(`/laender/${land}/leistungen${next ? `?seite=${encodeURIComponent(next)}` : ""}`);
      gelesen = [...gelesen, ...seite.leistungen ?? []];
      next = seite.nextPageToken ?? "";
    } while (next && gelesen.length < bis);
    if (offen?.land !== land) {
      return;
    }

    offen.leistungen = pageToken ? [...(offen.leistungen ?? []), ...gelesen] : gelesen;
    offen.nextPageToken = next;
    offen.fehler = null;
  } catch (error) {
    if (offen?.land === land) {
      offen.fehler = error.message;
    }
  }

  renderLand();
}

// The Kreise of a Land's view (#/land/NW) and, with one chosen (#/land/NW/kreis/05315), its Kommunen a page at a time:
// public register data, shown with the source's attribution the licence asks for.
import { el, getJson, tabelle } from "./dom.js";
import * as L from "./labels.js";
import { landName } from "./state.js";

const quelle = (id, attribution) => (attribution ? el("p", { class: "quelle", id }, attribution) : null);
const ladeText = (fehler) => (fehler ? el("p", { class: "fehler", role: "alert" }, fehler) : el("p", { class: "hinweis" }, "Wird geladen …"));

export const kreiseAbschnitt = {
  id: "land-kreise",
  titel: "Kreise und kreisfreie Städte",
  render({ land, kreise, kreis }) {
    if (!kreise?.liste) {
      return ladeText(kreise?.fehler);
    }

    const zeilen = kreise.liste.map((k) => el("tr", { "data-kreis": k.kreisAgs, class: k.kreisAgs === kreis?.kreisAgs ? "gewaehlt" : null },
      el("th", { scope: "row" }, el("a", {
        href: `#/land/${land}/kreis/${k.kreisAgs}`, "aria-current": k.kreisAgs === kreis?.kreisAgs ? "true" : null,
      }, k.name)),
      el("td", {}, k.kreisAgs),
      el("td", { class: "zahl kommunen" }, L.zahl(k.kommunen)),
      el("td", { class: "zahl einwohner" }, L.zahl(Number(k.einwohner)))));
    return el("div", {},
      el("p", { class: "hinweis" }, `${L.zahl(kreise.liste.length)} Kreise und kreisfreie Städte; ein Kreis öffnet die Liste seiner Kommunen.`),
      tabelle("land-kreise-tabelle", `Kreise in ${landName(land)}`, ["Kreis", "Schlüssel", "Kommunen", "Einwohner"], zeilen),
      quelle("land-kreise-quelle", kreise.attribution));
  },
};

export const kommunenAbschnitt = {
  id: "land-kommunen",
  titel: "Kommunen des Kreises",
  sichtbar: ({ kreis }) => kreis !== null,
  render({ land, kreise, kreis }) {
    const name = kreise?.liste?.find((k) => k.kreisAgs === kreis.kreisAgs)?.name ?? kreis.kreisAgs;
    if (!kreis.kommunen) {
      return ladeText(kreis.fehler);
    }

    const zeilen = kreis.kommunen.map((k) => el("tr", { "data-ags": k.ags },
      el("th", { scope: "row" }, k.name),
      el("td", {}, k.ags),
      el("td", { class: "zahl" }, L.zahl(k.einwohner))));
    return el("div", {},
      el("p", { class: "hinweis", id: "land-kommunen-anzahl" },
        `${name}: ${L.zahl(kreis.totalSize)} ${kreis.totalSize === 1 ? "Kommune" : "Kommunen"}, ${L.zahl(kreis.kommunen.length)} angezeigt. `,
        el("a", { href: `#/land/${land}` }, "Liste schließen")),
      tabelle("land-kommunen-tabelle", `Kommunen in ${name}`, ["Kommune", "AGS", "Einwohner"], zeilen),
      kreis.nextPageToken ? el("button", { type: "button", id: "land-kommunen-mehr" }, "Weitere Kommunen laden") : null,
      quelle("land-kommunen-quelle", kreis.attribution));
  },
};

/** The Land's Kreise into offen.kreise (once per visit of the Land). */
export async function kreiseLaden(offen, zeichne) {
  const land = offen.land;
  try {
    const { kreise, attribution } = await getJson(`/laender/${land}/kreise`);
    offen.kreise = { liste: kreise ?? [], attribution, fehler: null };
  } catch (error) {
    offen.kreise = { liste: null, fehler: error.message };
  }

  zeichne(land);
}

/** A page of the chosen Kreis's Kommunen: the first (replacing) or the next. */
export async function kommunenLaden(offen, pageToken, zeichne) {
  const { land, kreis } = offen;
  const kreisAgs = kreis.kreisAgs;
  try {
    const seite = await getJson(`/laender/${land}/kreise/${kreisAgs}/kommunen${pageToken ? `?seite=${encodeURIComponent(pageToken)}` : ""}`);
    if (offen.kreis?.kreisAgs !== kreisAgs) {
      return;
    }

    Object.assign(offen.kreis, {
      kommunen: [...(pageToken ? offen.kreis.kommunen ?? [] : []), ...(seite.kommunen ?? [])],
      nextPageToken: seite.nextPageToken ?? "", totalSize: seite.totalSize ?? 0, attribution: seite.attribution, fehler: null,
    });
  } catch (error) {
    if (offen.kreis?.kreisAgs === kreisAgs) {
      offen.kreis.fehler = error.message;
    }
  }

  zeichne(land);
}

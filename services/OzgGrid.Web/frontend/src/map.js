// The map of the Länder: sixteen equal tiles placed roughly where the Länder lie (no boundary data), each coloured by
// the share of Leistungen online there, with that share and the flächendeckend share written on it, and a legend.
import { $, el } from "./dom.js";
import * as L from "./labels.js";
import { landFigures, state } from "./state.js";

// [row, column] of each Land on a 5 × 6 grid, north at the top.
const LAGE = {
  SH: [1, 3],
  HB: [2, 2], HH: [2, 3], MV: [2, 4],
  NI: [3, 2], ST: [3, 3], BE: [3, 4], BB: [3, 5],
  NW: [4, 1], HE: [4, 2], TH: [4, 3], SN: [4, 4],
  RP: [5, 1], BW: [5, 2], BY: [5, 3],
  SL: [6, 1],
};

// Share online from this value on (light to dark, apart for colour-blind readers); the text on each keeps its contrast.
const STUFEN = [
  { ab: 0, text: "0 %" },
  { ab: Number.MIN_VALUE, text: "unter 25 %" },
  { ab: 0.25, text: "25 % bis unter 50 %" },
  { ab: 0.5, text: "50 % bis unter 75 %" },
  { ab: 0.75, text: "75 % und mehr" },
];

const stufeVon = (anteil) => STUFEN.findLastIndex((s) => anteil >= s.ab);

export function startKarte() {
  $("legende").replaceChildren(...STUFEN.map((s, i) =>
    el("li", {}, el("span", { class: `farbfeld stufe-${i}`, "aria-hidden": "true" }), s.text)));
}

export function renderKarte() {
  $("karte").replaceChildren(...state.laender.map(({ land, name }) => {
    const f = landFigures(land);
    const anteil = f.leistungen > 0 ? f.online / f.leistungen : 0;
    const [zeile, spalte] = LAGE[land] ?? [7, 1];
    return el("li", { style: `grid-row: ${zeile}; grid-column: ${spalte}` },
      el("a", {
        id: `kachel-${land}`, class: `kachel stufe-${stufeVon(anteil)}`, href: `#/land/${land}`, title: name,
        "data-land": land, "data-online": f.online, "data-flaechendeckend": f.flaechendeckend,
      },
      el("span", { class: "kachel-kuerzel", "aria-hidden": "true" }, land),
      el("span", { class: "sr-only" }, `${name}: `),
      el("span", { class: "kachel-wert anteil-online" }, `${L.anteil(f.online, f.leistungen) || "0 %"} online`),
      el("span", { class: "sr-only" }, ", "),
      el("span", { class: "kachel-wert anteil-flaechendeckend" }, `${L.anteil(f.flaechendeckend, f.leistungen) || "0 %"} flächendeckend`)));
  }));
}

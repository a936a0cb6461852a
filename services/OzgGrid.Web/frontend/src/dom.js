// What every view uses: the JSON reads, DOM elements built safely, and the links between the views.

export const API = `${import.meta.env.BASE_URL}api`;

export const $ = (id) => document.getElementById(id);

/** A DOM element with attributes and children (strings become text, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      element.setAttribute(name, value);
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

export async function getJson(path) {
  const response = await fetch(`${API}${path}`, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? `Die Anfrage schlug fehl (HTTP ${response.status}).`);
  }
  return response.json();
}

/** Who made a change, after a separator; empty for an anonymous visitor, whom the server tells no names. */
export const durch = (changedBy, separator) => (changedBy ? `${separator}${changedBy}` : "");

export const leistungLink = (ozgId, text) => el("a", { href: `#/leistung/${ozgId}` }, text);
export const landLink = (land, text) => el("a", { href: `#/land/${land}` }, text);

/** A description list from [name, value] pairs. */
export const datenListe = (eintraege) =>
  eintraege.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]);

/** A table in a scrolling frame: caption, header cells and rows (each an element). */
export function tabelle(id, caption, kopf, zeilen) {
  return el("div", { class: "tabelle-rahmen", tabindex: "0", role: "region", "aria-label": `Tabelle: ${caption}` },
    el("table", { id },
      el("caption", { class: "sr-only" }, caption),
      el("thead", {}, el("tr", {}, ...kopf.map((k) => el("th", { scope: "col" }, k)))),
      el("tbody", {}, ...zeilen)));
}

// The search: by name, OZG-ID or LeiKa key, over the catalogue on the server (a few results); each links to its
// Leistung's page. Asked while typing, after a short pause, and on submit.
import { $, el, getJson, leistungLink } from "./dom.js";
import * as L from "./labels.js";
import { themenfeldName } from "./state.js";

const PAUSE_MS = 250;

let timer = null;
let gefragt = "";

export function startSuche() {
  const eingabe = $("suche-eingabe");
  eingabe.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => suchen(eingabe.value), PAUSE_MS);
  });
  $("suche-formular").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    suchen(eingabe.value);
  });
  // A result opens its page: the list has served its purpose.
  $("suche-ergebnisse").addEventListener("click", (event) => {
    if (event.target.closest("a")) {
      leeren();
    }
  });
}

function leeren() {
  gefragt = "";
  $("suche-ergebnisse").replaceChildren();
  $("suche-status").textContent = "";
}

async function suchen(text) {
  const begriff = text.trim();
  gefragt = begriff;
  if (begriff === "") {
    leeren();
    return;
  }

  try {
    const { leistungen } = await getJson(`/suche?q=${encodeURIComponent(begriff)}`);
    if (gefragt !== begriff) {
      return;
    }

    $("suche-status").textContent = leistungen.length === 0
      ? `Keine Leistung zu „${begriff}“ gefunden.`
      : `${L.zahl(leistungen.length)} ${leistungen.length === 1 ? "Leistung" : "Leistungen"} zu „${begriff}“:`;
    $("suche-ergebnisse").replaceChildren(...leistungen.map((l) =>
      el("li", { "data-ozg-id": l.ozgId },
        leistungLink(l.ozgId, `${l.ozgId} – ${l.name}`),
        el("span", { class: "nebeninfo" }, `${themenfeldName(l.themenfeldId)} · Reifegrad ${l.status.reifegrad}`))));
  } catch (error) {
    if (gefragt === begriff) {
      $("suche-status").textContent = error.message;
      $("suche-ergebnisse").replaceChildren();
    }
  }
}

// The live OZG programme page: the figures come from the monitoring stream (a snapshot, then every change batch),
// names and the slower lists from the JSON reads beside it. Each view lives in a module of its own: the overview
// (overview.js) with the map of the Länder (map.js), a Land (land.js), a Leistung (leistung.js), the search (search.js).
import "./styles.css";
import { $, API, getJson } from "./dom.js";
import { landOffen, leistungenNeuLaden, renderLand, schliesseLand, zeigeLand } from "./land.js";
import { leistungLaden, leistungOffen, schliesseLeistung, zeigeLeistung } from "./leistung.js";
import { renderKarte, startKarte } from "./map.js";
import { renderUebersicht, startUebersicht } from "./overview.js";
import { followRoutes } from "./router.js";
import { startSuche } from "./search.js";
import { state } from "./state.js";
import { watchProgramme } from "./stream.js";

const MAX_AENDERUNGEN = 20;
// Overdue Leistungen and a Land's list change with statuses, but are reads of their own: asked again at most this often.
const NEU_LESEN_PAUSE_MS = 1000;

// Bursts of changes are drawn once per frame.
let zeichnenGeplant = false;
function zeichnen() {
  if (zeichnenGeplant) {
    return;
  }

  zeichnenGeplant = true;
  requestAnimationFrame(() => {
    zeichnenGeplant = false;
    renderUebersicht();
    renderKarte();
    renderLand();
  });
}

/** Runs read() once after a pause, however often asked meanwhile. */
function gedrosselt(read) {
  let timer = null;
  let einmal = false;
  return () => {
    if (timer !== null) {
      return;
    }

    timer = setTimeout(async () => {
      try {
        await read();
      } finally {
        timer = null;
      }
    }, einmal ? NEU_LESEN_PAUSE_MS : 0);
    einmal = true;
  };
}

const ueberfaelligLaden = gedrosselt(async () => {
  state.ueberfaellig = (await getJson("/ueberfaellig")).leistungen;
  zeichnen();
});

const landNeuLaden = gedrosselt(async () => {
  if (landOffen()) {
    await leistungenNeuLaden(landOffen());
  }
});

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
    if (leistungOffen() === change.leistung.ozgId) {
      leistungLaden(change.leistung.ozgId);
    }
  }

  state.aenderungen.length = Math.min(state.aenderungen.length, MAX_AENDERUNGEN);
  if ((changes ?? []).length > 0) {
    ueberfaelligLaden();
    landNeuLaden();
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

// ------------------------------------------------------------------- routing ----

function route({ view, land, kreis, ozgId }) {
  $("uebersicht").hidden = view !== "uebersicht";
  $("land").hidden = view !== "land";
  $("leistung").hidden = view !== "leistung";
  if (view !== "land") {
    schliesseLand();
  }
  if (view !== "leistung") {
    schliesseLeistung();
  }

  if (view === "land") {
    zeigeLand(land, kreis);
  } else if (view === "leistung") {
    zeigeLeistung(ozgId, land);
  } else {
    document.title = "OZG-Umsetzung live – OzgGrid";
  }
}

async function start() {
  startUebersicht();
  startKarte();
  startSuche();

  // Names first, so the first view and the snapshot draw whole.
  const { figures } = await getJson("/kennzahlen");
  state.themenfelder = figures.themenfelder.map((t) => ({ themenfeldId: t.themenfeldId, name: t.name }));
  state.laender = figures.laender.map((l) => ({ land: l.land, name: l.name }));
  followRoutes(route);

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

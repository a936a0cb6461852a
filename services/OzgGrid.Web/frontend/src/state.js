// The page's state, fed by the monitoring stream and the reads, shared by the views.

export const state = {
  figures: new Map(),
  themenfelder: [],
  laender: [],
  leistungen: new Map(),
  verlauf: null,
  ueberfaellig: null,
  aenderungen: [],
};

export const figure = (key) => state.figures.get(key) ?? 0;
export const leistungName = (ozgId) => state.leistungen.get(ozgId)?.name ?? `OZG-Leistung ${ozgId}`;
export const themenfeldName = (id) => state.themenfelder.find((t) => t.themenfeldId === id)?.name ?? `Themenfeld ${id}`;
export const landName = (land) => state.laender.find((l) => l.land === land)?.name ?? land;

/** A Land's figures as the aggregator counts them (flächendeckend is part of "in mindestens einer Kommune"). */
export function landFigures(land) {
  return {
    leistungen: figure("leistungen"),
    online: figure(`land/${land}/in-mindestens-einer-kommune`),
    flaechendeckend: figure(`land/${land}/flaechendeckend`),
    pilot: figure(`land/${land}/verfuegbarkeit/Pilot`),
    ueberfaellig: figure(`ueberfaellig/land/${land}`),
    efaBereitgestellt: figure(`efa/land/${land}/bereitgestellt`),
    efaNachgenutzt: figure(`efa/land/${land}/nachgenutzt`),
  };
}

// The page's addresses, in the hash so that a reload or a shared link opens the same view:
// "#/" the overview, "#/land/NW" a Land, "#/leistung/10123" a Leistung ("#leistung/10123", the older form, too).

export function parseRoute(hash) {
  const land = /^#\/land\/([A-Za-z]{2})$/.exec(hash);
  if (land) {
    return { view: "land", land: land[1].toUpperCase() };
  }

  const leistung = /^#\/?leistung\/(\d+)$/.exec(hash);
  if (leistung) {
    return { view: "leistung", ozgId: Number(leistung[1]) };
  }

  return { view: "uebersicht" };
}

/** Calls onRoute with the current route now and on every change of the address. */
export function followRoutes(onRoute) {
  const go = () => onRoute(parseRoute(location.hash));
  window.addEventListener("hashchange", go);
  go();
}

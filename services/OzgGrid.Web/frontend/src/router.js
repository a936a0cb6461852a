// The page's addresses, in the hash so that a reload or a shared link opens the same view:
// "#/" the overview, "#/land/NW" a Land, "#/land/NW/kreis/05315" a Land with one Kreis's Kommunen open,
// "#/leistung/10123" a Leistung ("#leistung/10123", the older form, too), "#/leistung/10123/land/NW" a Leistung with its
// rollout and forecast in one Land.

export function parseRoute(hash) {
  const land = /^#\/land\/([A-Za-z]{2})(?:\/kreis\/(\d{5}))?$/.exec(hash);
  if (land) {
    return { view: "land", land: land[1].toUpperCase(), kreis: land[2] ?? null };
  }

  const leistung = /^#\/?leistung\/(\d+)(?:\/land\/([A-Za-z]{2}))?$/.exec(hash);
  if (leistung) {
    return { view: "leistung", ozgId: Number(leistung[1]), land: leistung[2]?.toUpperCase() ?? null };
  }

  return { view: "uebersicht" };
}

/** Calls onRoute with the current route now and on every change of the address. */
export function followRoutes(onRoute) {
  const go = () => onRoute(parseRoute(location.hash));
  window.addEventListener("hashchange", go);
  go();
}

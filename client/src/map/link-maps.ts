import type { Map as MapLibreMap } from "maplibre-gl";

/** Keep the cameras of two maps in step (split view); returns the unlink function. */
export function linkMaps(a: MapLibreMap, b: MapLibreMap): () => void {
  let syncing = false;
  const follow = (from: MapLibreMap, to: MapLibreMap) => () => {
    if (syncing) return;
    syncing = true;
    to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
    syncing = false;
  };
  const ab = follow(a, b);
  const ba = follow(b, a);
  a.on("move", ab);
  b.on("move", ba);
  ab();
  return () => {
    a.off("move", ab);
    b.off("move", ba);
  };
}

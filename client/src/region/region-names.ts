// Names of the regions the screen can show, by code: the provinces and regencies loaded (from
// datasetInfo) and the districts and villages whose boundaries the map holds.
import type { DatasetInfo, Geometries } from "../app-queries.ts";

export function regionNames(dataset: DatasetInfo | undefined, geo: Partial<Geometries> | undefined): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const r of [...(dataset?.provinces ?? []), ...(dataset?.regencies ?? [])]) names.set(r.code, r.name);
  if (dataset?.root) names.set(dataset.root.code, dataset.root.name);
  for (const collection of [geo?.regencies, geo?.districts, geo?.villages]) {
    for (const f of collection?.features ?? []) if (!names.has(f.properties.code)) names.set(f.properties.code, f.properties.name);
  }
  return names;
}

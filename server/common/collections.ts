/**
 * Adds `value` to the list kept under `key`, starting the list when there is none (a grouping in
 * one pass; copying the list at each value would make it quadratic).
 */
export function append<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

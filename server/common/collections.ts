/**
 * Adds `value` to the list kept under `key`, starting the list when there is none (a grouping in
 * one pass; copying the list at each value would make it quadratic).
 */
export function append<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * The promise kept under `key`; without one, `compute()`'s, kept until it fails (a failure is not
 * remembered: the next call computes again). Callers asking at once share one computation.
 */
export function keepUnlessFails<K, V>(kept: Map<K, Promise<V>>, key: K, compute: () => Promise<V>): Promise<V> {
  const earlier = kept.get(key);
  if (earlier) return earlier;
  const value = compute();
  kept.set(key, value);
  value.catch(() => kept.get(key) === value && kept.delete(key));
  return value;
}

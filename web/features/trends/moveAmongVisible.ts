// Keyboard reordering when some items are hidden (archived ones while they are not shown).

/**
 * Returns a copy of `ids` in which `id` has swapped places with its nearest shown neighbour in the
 * direction of `offset` (-1 up, +1 down); hidden items keep their places relative to each other.
 * Unchanged when `id` is not shown or already first or last among the shown.
 */
export function moveAmongVisible(
  ids: readonly string[],
  isShown: (id: string) => boolean,
  id: string,
  offset: -1 | 1,
): string[] {
  const next = [...ids];
  const from = next.indexOf(id);
  if (from === -1 || !isShown(id)) return next;
  let to = from + offset;
  while (to >= 0 && to < next.length && !isShown(next[to] ?? '')) to += offset;
  if (to < 0 || to >= next.length) return next;
  next[from] = next[to] ?? id;
  next[to] = id;
  return next;
}

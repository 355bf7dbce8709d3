// Keyboard reordering (agenda steps, template sections): one place up or down, never off the ends.

/** Returns a copy of `items` with the item at `index` moved by `offset` places, clamped to the list. */
export function moveItem<T>(items: readonly T[], index: number, offset: number): T[] {
  const next = [...items];
  if (index < 0 || index >= items.length) return next;
  const target = Math.min(Math.max(index + offset, 0), items.length - 1);
  const [moved] = next.splice(index, 1);
  if (moved === undefined) return [...items];
  next.splice(target, 0, moved);
  return next;
}

// Canvas sections need a stable key (notes point at it); a new section gets one made from its title.

const KEY_MAX = 40;
const FALLBACK_KEY = 'vak';

/** Makes a lower-case key of letters, digits and hyphens from `title` ("Wonen & werken" → "wonen-werken"). */
export function keyFromTitle(title: string): string {
  const key = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, KEY_MAX)
    .replace(/-+$/, '');
  return key || FALLBACK_KEY;
}

/**
 * Gives every section a key: kept keys stay as they are, a section without one gets a key from
 * its title, numbered when that key is taken already, so no two sections share a key.
 */
export function assignSectionKeys<S extends { key: string | null; title: string }>(
  sections: readonly S[],
): (Omit<S, 'key'> & { key: string })[] {
  const taken = new Set(sections.flatMap((section) => (section.key ? [section.key] : [])));
  return sections.map((section) => {
    if (section.key) return { ...section, key: section.key };
    const base = keyFromTitle(section.title);
    let key = base;
    for (let number = 2; taken.has(key); number += 1) {
      const suffix = `-${number}`;
      key = `${base.slice(0, KEY_MAX - suffix.length)}${suffix}`;
    }
    taken.add(key);
    return { ...section, key };
  });
}

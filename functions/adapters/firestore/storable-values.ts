// What JSON can hold but Firestore refuses, found before a sync is journaled so that no recovery can trip over it.

const RESERVED_FIELD_NAME = /^__.*__$/;

/**
 * Where in `value` there is something Firestore refuses: an empty field name (the client throws), a reserved one
 * (`__…__`) or an array directly inside an array (the server refuses both; the emulator stores them). Null when none.
 */
export function unstorablePart(value: unknown, path: string): string | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const where = `${path}[${index}]`;
      if (Array.isArray(item)) return `${where} is an array inside an array`;
      const inner = unstorablePart(item, where);
      if (inner !== null) return inner;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key === '') return `${path || 'the document'} has an empty field name`;
    const where = path === '' ? key : `${path}.${key}`;
    if (RESERVED_FIELD_NAME.test(key)) return `${where} is a field name Firestore reserves`;
    const inner = unstorablePart(item, where);
    if (inner !== null) return inner;
  }
  return null;
}

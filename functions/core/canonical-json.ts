// Canonical JSON (keys sorted at every depth, no spaces) and SHA-256 over it: the basis of content and audit hashes.
import { hash } from 'node:crypto';

/** Keys as JSON strings, remembered: records repeat the same few field names (bounded, so odd keys cannot grow it). */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_KEPT = 4096;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** A string, number, boolean, null or undefined: JSON.stringify writes it as canonicalJson does. */
function isPlainScalar(value: unknown): boolean {
  const type = typeof value;
  return value === null || type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined';
}

/** A member JSON.stringify writes as canonicalJson does: a plain scalar, or an array of them. */
function isFlat(value: unknown): boolean {
  if (isPlainScalar(value)) return true;
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) if (!isPlainScalar(value[index])) return false;
  return true;
}

/**
 * Whether an object's own keys come in sorted order and its members are flat (JSON.stringify then writes its canonical
 * JSON): a record's fields as parsed and as stored are laid out so, and need no sort. `for…in` also walks inherited
 * keys, which plain objects (the only kind records are) do not have.
 */
function isSortedAndFlat(record: Record<string, unknown>): boolean {
  let previous: string | null = null;
  for (const key in record) {
    if (previous !== null && !(previous < key)) return false;
    previous = key;
    if (!isFlat(record[key])) return false;
  }
  return true;
}

/** JSON with object keys sorted at every depth, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Object.getPrototypeOf(value) === Object.prototype && isSortedAndFlat(value as Record<string, unknown>)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      const item: unknown = value[index];
      text += canonicalJson(item === undefined ? null : item);
    }
    return `${text}]`;
  }
  // Keys sorted by UTF-16 code units (the default sort), undefined members left out, as JSON.stringify leaves them.
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${quotedKey(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

/** Lower-case hex SHA-256 of a text (UTF-8); one-shot `crypto.hash`, about four times faster than a Hash object per text. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** The content hash of a value: SHA-256 over its canonical JSON. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

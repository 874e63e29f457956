// Google's partial responses (`fields=a,b(c,d/e)`): the fake answers only the fields asked for, like the real API.

type Mask = Map<string, Mask | true>;

/** Parses a field mask; `*` or an empty mask keeps everything. */
export function parseFieldMask(text: string): Mask | null {
  const trimmed = text.replace(/\s+/g, '');
  if (trimmed === '' || trimmed === '*') return null;
  const [mask, end] = parseList(trimmed, 0);
  if (end !== trimmed.length) throw new Error(`Invalid field selection ${text}`);
  return mask;
}

/** `value` with only the fields of `mask` (arrays keep their items, each filtered). */
export function applyFieldMask<T>(value: T, fields: string | null | undefined): T {
  const mask = fields ? parseFieldMask(fields) : null;
  return mask === null ? value : (filter(value, mask) as T);
}

function filter(value: unknown, mask: Mask): unknown {
  if (Array.isArray(value)) return value.map((item) => filter(item, mask));
  if (value === null || typeof value !== 'object') return value;
  if (mask.has('*')) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    kept[key] = sub === true ? field : filter(field, sub);
  }
  return kept;
}

function parseList(text: string, start: number): [Mask, number] {
  const mask: Mask = new Map();
  let i = start;
  for (;;) {
    let name = '';
    while (i < text.length && /[\w*/.]/.test(text[i]!)) name += text[i++];
    if (name === '') throw new Error(`Invalid field selection at ${i}`);
    let sub: Mask | true = true;
    if (text[i] === '(') {
      const [inner, end] = parseList(text, i + 1);
      if (text[end] !== ')') throw new Error(`Invalid field selection: no ) at ${end}`);
      sub = inner;
      i = end + 1;
    }
    merge(mask, name.split(/[/.]/), sub);
    if (text[i] !== ',') return [mask, i];
    i++;
  }
}

function merge(mask: Mask, path: readonly string[], sub: Mask | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    const existing = mask.get(head);
    mask.set(head, existing instanceof Map && sub instanceof Map ? new Map([...existing, ...sub]) : existing === true ? true : sub);
    return;
  }
  let child = mask.get(head);
  if (child === true) return;
  if (!child) {
    child = new Map();
    mask.set(head, child);
  }
  merge(child, rest, sub);
}

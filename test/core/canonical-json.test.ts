// Tests of canonical JSON and content hashes: equal values give equal text and equal hashes, whatever the key order.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, sha256Hex } from '../../functions/core/canonical-json.js';

describe('canonicalJson', () => {
  it.each([
    { name: 'sorts the keys of a flat object', a: { b: 1, a: 2 }, b: { a: 2, b: 1 }, text: '{"a":2,"b":1}' },
    { name: 'sorts the keys of a nested object', a: { x: { d: 1, c: 2 }, w: 0 }, b: { w: 0, x: { c: 2, d: 1 } }, text: '{"w":0,"x":{"c":2,"d":1}}' },
    { name: 'sorts the keys of objects inside arrays', a: [{ b: 1, a: [{ z: 1, y: 2 }] }], b: [{ a: [{ y: 2, z: 1 }], b: 1 }], text: '[{"a":[{"y":2,"z":1}],"b":1}]' },
    { name: 'sorts keys by code unit, upper case before lower case', a: { b: 1, B: 2, a: 3 }, b: { a: 3, B: 2, b: 1 }, text: '{"B":2,"a":3,"b":1}' },
  ])('$name', ({ a, b, text }) => {
    expect(canonicalJson(a)).toBe(text);
    expect(canonicalJson(b)).toBe(text);
  });

  it.each([
    { name: 'keeps the order of array items', value: [3, 1, 2], text: '[3,1,2]' },
    { name: 'keeps the order of nested array items', value: { list: [['b', 'a'], ['a']] }, text: '{"list":[["b","a"],["a"]]}' },
    { name: 'drops object keys whose value is undefined', value: { a: 1, gone: undefined, nested: { gone: undefined } }, text: '{"a":1,"nested":{}}' },
    { name: 'writes undefined array items as null, as JSON does', value: [1, undefined, 2], text: '[1,null,2]' },
    { name: 'writes an undefined value as null', value: undefined, text: 'null' },
    { name: 'keeps null values', value: { a: null }, text: '{"a":null}' },
    { name: 'writes scalars as JSON does', value: ['x', 1.5, true, false, null], text: '["x",1.5,true,false,null]' },
    { name: 'writes no spaces', value: { a: [1, { b: 'two words' }] }, text: '{"a":[1,{"b":"two words"}]}' },
    { name: 'escapes quotes and control characters in keys and values', value: { 'say "hi"': 'line\nbreak' }, text: '{"say \\"hi\\"":"line\\nbreak"}' },
    { name: 'keeps accented letters, CJK and emoji as they are', value: { città: 'São Paulo', 名前: '東京', emoji: '🌍' }, text: '{"città":"São Paulo","emoji":"🌍","名前":"東京"}' },
  ])('$name', ({ value, text }) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('reads back as the same value, unicode included', () => {
    const value = { name: 'Zoë Ångström', org: 'ccNSO', tags: ['IGF', 'WSIS+20', 'Σ'], nested: { 'ключ': 'значение' } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});

describe('sha256Hex', () => {
  it.each([
    { name: 'hashes the empty text to the well-known digest', text: '', hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { name: 'hashes "abc" to the well-known digest', text: 'abc', hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
  ])('$name', ({ text, hex }) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(sha256Hex('São Paulo 🌍')).toBe(createHash('sha256').update(Buffer.from('São Paulo 🌍', 'utf8')).digest('hex'));
  });
});

describe('contentHash', () => {
  const record = { id: 'P-0001', name: 'Ana Costa', organization: 'GNSO', roles: ['Chair', 'Member'], dates: { start: '2017-11-01', end: null } };

  it('is the SHA-256 of the canonical JSON, as 64 lower-case hex digits', () => {
    expect(contentHash(record)).toBe(sha256Hex(canonicalJson(record)));
    expect(contentHash(record)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same value written with its keys in another order at every depth', () => {
    const reordered = { roles: ['Chair', 'Member'], organization: 'GNSO', dates: { end: null, start: '2017-11-01' }, name: 'Ana Costa', id: 'P-0001' };
    expect(contentHash(reordered)).toBe(contentHash(record));
  });

  it('is the same whether an absent field is left out or undefined', () => {
    expect(contentHash({ ...record, extra: undefined })).toBe(contentHash(record));
  });

  it('is stable across runs: a known value always gives the same digest', () => {
    // Pinned: a stored hash must still match after an upgrade of Node or of this code.
    expect(contentHash({ b: [2, 1], a: 'é' })).toBe('265cdd44ca612f13fd2b8e14f6913a5513adf3142e6c82317e55ba51948f43f2');
  });

  it.each([
    { name: 'a changed value', other: { ...record, name: 'Ana Costa Silva' } },
    { name: 'a reordered array', other: { ...record, roles: ['Member', 'Chair'] } },
    { name: 'null instead of an empty text', other: { ...record, dates: { start: '2017-11-01', end: '' } } },
    { name: 'a number instead of its text', other: { ...record, id: 1 } },
    { name: 'an extra field', other: { ...record, region: 'Europe' } },
  ])('differs for $name', ({ other }) => {
    expect(contentHash(other)).not.toBe(contentHash(record));
  });
});

describe('canonicalJson of records laid out with their keys sorted (written by JSON.stringify, unsorted)', () => {
  /** The definition: every object's keys sorted, written member by member. */
  function reference(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
    if (Array.isArray(value)) return `[${value.map((item) => reference(item === undefined ? null : item)).join(',')}]`;
    const record = value as Record<string, unknown>;
    const members = Object.keys(record).sort().filter((key) => record[key] !== undefined).map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
    return `{${members.join(',')}}`;
  }

  it.each([
    { name: 'a parsed row: scalars, null, an undefined field and a list', value: { active: true, email: null, id: 'P-0001', left: undefined, roles: ['Chair', 'Member'], year: 2018 } },
    { name: 'a list with an undefined item', value: { a: [1, undefined, 'x'] } },
    { name: 'integer-like keys, which objects list first in numeric order', value: { 10: 'ten', 9: 'nine', a: 1 } },
    { name: 'keys that only look sorted by insertion', value: { b: 1, a: 2 } },
    { name: 'a nested object member', value: { a: { d: 1, c: 2 }, b: 1 } },
    { name: 'a list holding an object', value: { a: [{ d: 1, c: 2 }] } },
    { name: 'a date member', value: { a: new Date(0), b: 1 } },
    { name: 'a member with a toJSON of its own', value: { a: 1, toJSON: () => 'x' } },
    { name: 'an object without a prototype', value: Object.assign(Object.create(null) as object, { a: 1, b: 2 }) },
    { name: 'the empty object', value: {} },
  ])('$name gives the text the definition gives', ({ value }) => {
    expect(canonicalJson(value)).toBe(reference(value));
  });
});

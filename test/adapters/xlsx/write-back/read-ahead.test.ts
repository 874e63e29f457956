// Reading parts one step ahead: the first at once, the next when one is taken, any other when it is asked for.
import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../../../functions/adapters/xlsx/write-back/read-ahead.js';

/** A package that records which parts were read, in order. */
function recordingBook(): { read(part: string): Promise<string>; readonly reads: string[] } {
  const reads: string[] = [];
  return { reads, read: (part) => (reads.push(part), part === 'broken' ? Promise.reject(new Error('damaged')) : Promise.resolve(`<${part}/>`)) };
}

describe('ReadAhead', () => {
  it('starts the first part at once and each next one as the one before it is taken, reading each once', async () => {
    const book = recordingBook();
    const ahead = new ReadAhead(book, ['a', 'b', 'c']);
    expect(book.reads).toEqual(['a']);
    expect(await ahead.take('a')).toBe('<a/>');
    expect(book.reads).toEqual(['a', 'b']);
    expect(await ahead.take('b')).toBe('<b/>');
    expect(await ahead.take('c')).toBe('<c/>');
    expect(book.reads).toEqual(['a', 'b', 'c']);
  });

  it('reads a part it was not told of when it is taken', async () => {
    const book = recordingBook();
    const ahead = new ReadAhead(book, []);
    expect(await ahead.take('other')).toBe('<other/>');
    expect(book.reads).toEqual(['other']);
  });

  it('reports a failed read where the part is taken, and not before', async () => {
    const ahead = new ReadAhead(recordingBook(), ['broken']);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(ahead.take('broken')).rejects.toThrow('damaged');
  });
});

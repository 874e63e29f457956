// Reads the parts a write-back works through one step ahead: the next part inflates on zlib's threads while this one is patched.

/** What the read-ahead needs of a package: a part read as text, or as bytes (`T`). */
export interface PartReader<T = string> {
  read(part: string): Promise<T>;
}

/**
 * The parts `order` names, each started when the one before it is taken (the first at once), so that at most one
 * part waits in memory beside the one being worked on. A part it was not told of is read when taken.
 */
export class ReadAhead<T = string> {
  private readonly reads = new Map<string, Promise<T>>();

  constructor(
    private readonly book: PartReader<T>,
    private readonly order: readonly string[],
  ) {
    this.start(0);
  }

  /** What `read` gives of `part`, with the part after it set inflating; throws as `read` does. */
  take(part: string): Promise<T> {
    const read = this.reads.get(part) ?? this.book.read(part);
    this.reads.delete(part);
    const index = this.order.indexOf(part);
    if (index >= 0) this.start(index + 1);
    return read;
  }

  private start(index: number): void {
    const part = this.order[index];
    if (part === undefined || this.reads.has(part)) return;
    const read = this.book.read(part);
    // Reported where it is taken; a read never taken (the write-back stopped on a fault) reports nothing.
    read.catch(() => undefined);
    this.reads.set(part, read);
  }
}

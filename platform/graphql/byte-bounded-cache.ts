// A least-recently-used cache bounded by the bytes its entries hold, in the shape Apollo takes
// for its caches (Apollo's KeyValueCache: parsed documents, automatic persisted queries, the
// gateway's query plans). Apollo's own InMemoryLRUCache sizes a parsed document by its JSON,
// which leaves out the operation's text and the parser's tokens the document keeps: a 1 MB
// comment counted as a few hundred bytes (see operation-caches.ts for what is counted here).

export class ByteBoundedCache<V> {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently
  // used entry first, which is the one evicted.
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private heldBytes = 0;

  constructor(
    /** The most the entries may hold together; an entry larger than this is not kept. */
    readonly maxBytes: number,
    /** What one entry holds in memory, its key included. */
    private readonly sizeOf: (value: V, key: string) => number,
  ) {}

  /** What the entries hold now, by `sizeOf`. */
  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores an entry, evicting the least recently used ones until all fit. Apollo's `ttl` option is not needed here and not kept. */
  async set(key: string, value: V): Promise<void> {
    await this.delete(key);
    const bytes = this.sizeOf(value, key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.heldBytes += bytes;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.heldBytes <= this.maxBytes) break;
      this.entries.delete(oldestKey);
      this.heldBytes -= oldest.bytes;
    }
  }

  /** Empties the cache; the gateway does so when its schema changes. */
  clear(): void {
    this.entries.clear();
    this.heldBytes = 0;
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.heldBytes -= entry.bytes;
    return true;
  }
}

/**
 * Where each person's element of a people batch answer is, by id: an open-addressing hash table in one typed array,
 * for the lookups of `POST /employer/individual` (100 ids a request, random among up to 50,000 people).
 *
 * Why not a `Map<string, number>`: under load the table and the ids are out of the CPU's caches, and a Map probe is
 * a chain of dependent reads (bucket, entry, key string), each a cache miss, then another read for the element's
 * offsets. Here a probe is one read of a 16-byte slot holding the id's hash and the element's start and end, and the
 * 100 probes of a batch do not depend on each other, so the CPU overlaps their misses. The key itself is checked
 * against the element's own bytes (`{"individual_id":"<id>"…`), which the answer reads anyway. Measured on 10,000
 * elements of ~580 bytes with a 64 MB copy between lookups (caches cold, as under load): 100 Map probes 37–45 µs,
 * 100 probes here 9–17 µs. In `bench:api`'s scale run (wrk, 10 connections, single passes) the 50,000-person
 * company's p50 went from 1.66–1.99 ms to 1.34–1.38 ms (1,000 people: 1.02–1.08 ms either way), though a later
 * 3-round run swung from 1.50 to 2.50 ms between rounds. At 10,000 people under saturation the gain did not show:
 * the element bytes themselves, read from memory, are most of the cost there.
 *
 * Ids whose element bytes are not their characters as they are (a `"`, `\`, control character or anything outside
 * printable ASCII: JSON escapes some, UTF-8 re-encodes others) are kept in a small Map beside the table.
 */
export class ElementIndex {
  /** Per slot: [hash, start, end, unused]; end 0 marks an empty slot (every element has bytes). */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly unusual = new Map<string, number>();

  /** `ids[i]` is element i's id (null: not indexed); element i is `bytes[starts[i], starts[i + 1])`. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly starts: Uint32Array,
    ids: (string | null)[],
  ) {
    let size = 16;
    while (size < ids.length * 2) size *= 2; // load at most one half: probes stay short and mostly in one cache line
    this.slots = new Uint32Array(size * 4);
    this.mask = size - 1;
    ids.forEach((id, n) => {
      if (id !== null) this.add(id, n);
    });
  }

  /** Memory held, for the cache's byte budget. */
  get byteLength(): number {
    return this.slots.byteLength + this.unusual.size * 100;
  }

  /**
   * The elements of `ids`, in order: `spans[2i]` and `spans[2i + 1]` are the start and end of ids[i]'s element,
   * both 0 when there is none. Three passes, so that each pass's cache misses overlap: hash every id (no memory
   * read), probe every slot, then check every key against its element.
   */
  find(ids: string[]): Uint32Array {
    const count = ids.length;
    const hashes = new Uint32Array(count);
    for (let i = 0; i < count; i++) hashes[i] = plainHash(ids[i]!);
    const spans = new Uint32Array(count * 2);
    const { slots, mask } = this;
    for (let i = 0; i < count; i++) {
      const hash = hashes[i]!;
      if (hash === 0) continue; // not plain: in the Map (below)
      let slot = hash & mask;
      while (slots[slot * 4 + 2] !== 0 && slots[slot * 4] !== hash) slot = (slot + 1) & mask;
      spans[i * 2] = slots[slot * 4 + 1]!;
      spans[i * 2 + 1] = slots[slot * 4 + 2]!;
    }
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      if (spans[i * 2 + 1] !== 0 && !this.holds(spans[i * 2]!, id)) this.findSlowly(id, hashes[i]!, spans, i);
      if (spans[i * 2 + 1] === 0 && this.unusual.size > 0) this.findUnusual(id, spans, i);
    }
    return spans;
  }

  private add(id: string, n: number): void {
    const start = this.starts[n]!;
    const hash = plainHash(id);
    if (hash === 0 || !this.holds(start, id)) {
      if (!this.unusual.has(id)) this.unusual.set(id, n);
      return;
    }
    let slot = hash & this.mask;
    for (; this.slots[slot * 4 + 2] !== 0; slot = (slot + 1) & this.mask) {
      if (this.slots[slot * 4] === hash && this.holds(this.slots[slot * 4 + 1]!, id)) return; // a repeated id: the first stays
    }
    this.slots.set([hash, start, this.starts[n + 1]!], slot * 4);
  }

  /** Whether the element at `start` is `{"individual_id":"<id>"…`. */
  private holds(start: number, id: string): boolean {
    const at = start + KEY_PREFIX.length;
    if (at + id.length >= this.bytes.length || this.bytes[at + id.length] !== QUOTE) return false;
    for (let j = 0; j < KEY_PREFIX.length; j++) if (this.bytes[start + j] !== KEY_PREFIX[j]) return false;
    for (let j = 0; j < id.length; j++) if (this.bytes[at + j] !== id.charCodeAt(j)) return false;
    return true;
  }

  /** The whole probe sequence with every key checked: a different id with the same 32-bit hash came first. */
  private findSlowly(id: string, hash: number, spans: Uint32Array, i: number): void {
    spans[i * 2] = 0;
    spans[i * 2 + 1] = 0;
    for (let slot = hash & this.mask; this.slots[slot * 4 + 2] !== 0; slot = (slot + 1) & this.mask) {
      if (this.slots[slot * 4] === hash && this.holds(this.slots[slot * 4 + 1]!, id)) {
        spans[i * 2] = this.slots[slot * 4 + 1]!;
        spans[i * 2 + 1] = this.slots[slot * 4 + 2]!;
        return;
      }
    }
  }

  private findUnusual(id: string, spans: Uint32Array, i: number): void {
    const n = this.unusual.get(id);
    if (n === undefined) return;
    spans[i * 2] = this.starts[n]!;
    spans[i * 2 + 1] = this.starts[n + 1]!;
  }
}

/** `texts` back to back as UTF-8, and the index of `ids` over them (`ids[i]` names `texts[i]`; null: not indexed). */
export function packElements(texts: string[], ids: (string | null)[]): { bytes: Uint8Array; index: ElementIndex } {
  const starts = new Uint32Array(texts.length + 1);
  let offset = 0;
  texts.forEach((t, i) => {
    starts[i] = offset;
    offset += Buffer.byteLength(t);
  });
  starts[texts.length] = offset;
  const buffer = Buffer.from(texts.join(""));
  // a plain Uint8Array: `subarray` on it is cheaper than on a Buffer
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  return { bytes, index: new ElementIndex(bytes, starts, ids) };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** How every element begins (read-people.ts, snapshot-reader.ts `elementText`). */
const KEY_PREFIX = Uint8Array.from(Buffer.from('{"individual_id":"'));

/**
 * FNV-1a over the characters, then murmur3's finalizer (the table uses the low bits); never 0. 0 when the id is not
 * plain: printable ASCII without `"` and `\`, the ids whose element bytes are their characters as they are.
 */
function plainHash(id: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < id.length; j++) {
    const c = id.charCodeAt(j);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return 0;
    h = Math.imul(h ^ c, 0x01000193);
  }
  if (id.length === 0) return 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/** An append-only Uint32Array that doubles when full: millions of entries without JS arrays of numbers. */
export class GrowableUint32 {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for `count` entries in all; returns the backing array (valid until the next growth). */
  reserve(count: number): Uint32Array {
    if (count > this.data.length) {
      const grown = new Uint32Array(Math.max(count, this.data.length * 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    return this.data;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  /** The entries, trimmed to length (a copy: the backing array is released). */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Seeded randomness for the sandbox generator. Never Math.random or the clock: the same seed must always give the
 * same company, byte for byte. sfc32 is small, fast and passes PractRand; cyrb128 spreads any seed string over its
 * 128-bit state.
 */

/** A deterministic source of random choices. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Real number in [min, max). */
  real(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** One value from a compiled table: the fast path for draws made once per person. */
  draw<T>(table: WeightTable<T>): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** A weighted choice list compiled once: values and running totals of their weights. */
export interface WeightTable<T> {
  /** The values. */
  readonly values: readonly T[];
  /** Running totals, same length as values. */
  readonly cumulative: Float64Array;
}

/** Compiles `[value, weight]` pairs into a table for repeated draws. */
export function weightTable<T>(choices: readonly (readonly [T, number])[]): WeightTable<T> {
  const cumulative = new Float64Array(choices.length);
  let total = 0;
  choices.forEach(([, weight], i) => {
    total += weight;
    cumulative[i] = total;
  });
  return { values: choices.map(([value]) => value), cumulative };
}

/** cyrb128: four well-mixed 32-bit words from a string. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 over the given state: uniform floats in [0, 1). */
function sfc32(state: [number, number, number, number]): () => number {
  let [a, b, c, d] = state;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * A generator for one seed and one purpose. Each part of a company (org, each payroll run) draws from its own label,
 * so changing how much pay history is asked for never reshuffles the people.
 */
export function createRng(seed: string, label = ""): Rng {
  const next = sfc32(cyrb128(`${seed}\u0000${label}`));
  // The first outputs of sfc32 still echo the seed; discard them.
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    real: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (choices) => {
      // Indexed loops: choice lists differ in shape, and iterator destructuring deoptimises on that.
      let total = 0;
      for (let i = 0; i < choices.length; i++) total += choices[i]![1];
      let roll = next() * total;
      for (let i = 0; i < choices.length; i++) {
        const choice = choices[i]!;
        roll -= choice[1];
        if (roll < 0) return choice[0];
      }
      const last = choices[choices.length - 1];
      if (!last) throw new RangeError("weighted pick from an empty list");
      return last[0];
    },
    draw: (table) => {
      const { cumulative, values } = table;
      const roll = next() * cumulative[cumulative.length - 1]!;
      let i = 0;
      while (i < cumulative.length - 1 && roll >= cumulative[i]!) i++;
      return values[i]!;
    },
    shuffle: (items) => {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        const held = copy[i]!;
        copy[i] = copy[j]!;
        copy[j] = held;
      }
      return copy;
    },
  };
}

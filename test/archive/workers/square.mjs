// Test worker for runOrdered: squares n after `delay` ms, fails when asked.
// `running` (a SharedArrayBuffer of 2 Int32: now, max) measures how many
// tasks run at the same time across threads.
import { threadId } from 'node:worker_threads';

export default async function square({ n, delay = 0, fail = false, running }) {
  const counters = running === undefined ? undefined : new Int32Array(running);
  if (counters !== undefined) {
    const now = Atomics.add(counters, 0, 1) + 1;
    for (let max = Atomics.load(counters, 1); now > max; max = Atomics.load(counters, 1)) {
      if (Atomics.compareExchange(counters, 1, max, now) === max) break;
    }
  }
  try {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (fail) throw new Error(`cannot square ${n}`);
    return { n, square: n * n, threadId };
  } finally {
    if (counters !== undefined) Atomics.sub(counters, 0, 1);
  }
}

export function negate({ n }) {
  return -n;
}

import { describe, expect, it } from 'vitest';
import { runOrdered } from '../../src/archive/pool.js';
import type { Outcome } from '../../src/archive/pool.js';

const worker = { filename: new URL('./workers/square.mjs', import.meta.url).href };

interface Task {
  n: number;
  delay?: number;
  fail?: boolean;
  running?: SharedArrayBuffer;
}
interface Squared {
  n: number;
  square: number;
  threadId: number;
}

/** An input stream that counts how far it has been read. */
function counted<T>(values: readonly T[]): { items: AsyncIterable<T>; pulled(): number } {
  let pulled = 0;
  return {
    items: (async function* () {
      for (const value of values) {
        pulled++;
        yield value;
      }
    })(),
    pulled: () => pulled,
  };
}

async function collect<T, R>(iterable: AsyncIterable<Outcome<T, R>>): Promise<Outcome<T, R>[]> {
  const outcomes: Outcome<T, R>[] = [];
  for await (const outcome of iterable) outcomes.push(outcome);
  return outcomes;
}

/** Deterministic "random" delays, so a failure can be replayed. */
function delays(count: number, seed = 7): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % 40;
  });
}

describe('runOrdered', () => {
  it('yields in input order whatever the completion order (2 and 3 threads)', async () => {
    const tasks: Task[] = delays(40).map((delay, n) => ({ n, delay }));
    for (const jobs of [2, 3]) {
      const outcomes = await collect(runOrdered<Task, Squared>(tasks, worker, { jobs }));
      expect(outcomes.map((outcome) => outcome.item.n)).toEqual(tasks.map((task) => task.n));
      expect(outcomes.map((outcome) => outcome.result?.square)).toEqual(tasks.map((task) => task.n * task.n));
      expect(outcomes.every((outcome) => outcome.error === undefined)).toBe(true);
    }
  });

  it('keeps at most maxInFlight items pulled and not yet yielded, and at most jobs running', async () => {
    const running = new SharedArrayBuffer(8);
    const tasks: Task[] = delays(30, 3).map((delay, n) => ({ n, delay, running }));
    const { items, pulled } = counted(tasks);
    let yielded = 0;
    let most = 0;
    for await (const outcome of runOrdered<Task, Squared>(items, worker, { jobs: 2, maxInFlight: 5 })) {
      most = Math.max(most, pulled() - yielded);
      yielded++;
      expect(outcome.result?.n).toBe(outcome.item.n);
      // A slow consumer: the reading must wait for it.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(yielded).toBe(30);
    expect(most).toBeLessThanOrEqual(5);
    expect(most).toBeGreaterThan(1); // parallel, not one at a time
    expect(Atomics.load(new Int32Array(running), 1)).toBe(2); // both threads used, never more
  });

  it('reuses long-lived threads rather than one per item', async () => {
    const tasks: Task[] = Array.from({ length: 24 }, (_, n) => ({ n, delay: 2 }));
    const outcomes = await collect(runOrdered<Task, Squared>(tasks, worker, { jobs: 2 }));
    const threads = new Set(outcomes.map((outcome) => outcome.result?.threadId));
    expect(threads.size).toBeLessThanOrEqual(2);
    expect(threads.has(0)).toBe(false); // not the main thread
  });

  it('reports a failure on its own item and goes on', async () => {
    const tasks: Task[] = Array.from({ length: 12 }, (_, n) => ({ n, delay: (n * 7) % 11, fail: n % 5 === 3 }));
    const outcomes = await collect(runOrdered<Task, Squared>(tasks, worker, { jobs: 2 }));
    expect(outcomes.map((outcome) => outcome.item.n)).toEqual(tasks.map((task) => task.n));
    for (const outcome of outcomes) {
      if (outcome.item.fail === true) {
        expect(outcome.result).toBeUndefined();
        expect((outcome.error as Error).message).toBe(`cannot square ${outcome.item.n}`);
      } else {
        expect(outcome.error).toBeUndefined();
        expect(outcome.result?.square).toBe(outcome.item.n ** 2);
      }
    }
  });

  it('stops on abort: throws the reason, cancels the running tasks, stops reading', async () => {
    const tasks: Task[] = Array.from({ length: 100 }, (_, n) => ({ n, delay: n < 3 ? 0 : 60_000 }));
    const { items, pulled } = counted(tasks);
    const controller = new AbortController();
    const seen: number[] = [];
    const started = Date.now();
    const run = (async () => {
      for await (const outcome of runOrdered<Task, Squared>(items, worker, { jobs: 2, maxInFlight: 4, signal: controller.signal })) {
        seen.push(outcome.item.n);
        if (seen.length === 3) setTimeout(() => controller.abort(new Error('interrupted')), 50);
      }
    })();
    await expect(run).rejects.toThrow('interrupted');
    expect(Date.now() - started).toBeLessThan(10_000); // the 60 s tasks were cancelled
    expect(seen).toEqual([0, 1, 2]);
    expect(pulled()).toBeLessThanOrEqual(3 + 4);
  });

  it('throws at once when the signal is already aborted', async () => {
    const iterator = runOrdered<Task, Squared>([{ n: 1 }], worker, { jobs: 2, signal: AbortSignal.abort(new Error('too late')) });
    await expect(iterator.next()).rejects.toThrow('too late');
  });

  it('ends cleanly when the consumer breaks early', async () => {
    const tasks: Task[] = Array.from({ length: 50 }, (_, n) => ({ n, delay: n === 0 ? 0 : 60_000 }));
    const started = Date.now();
    for await (const outcome of runOrdered<Task, Squared>(tasks, worker, { jobs: 2 })) {
      expect(outcome.item.n).toBe(0);
      break;
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs in the main thread with jobs 0, and in one worker thread with jobs 1, with the same results', async () => {
    const tasks: Task[] = delays(10).map((delay, n) => ({ n, delay, fail: n === 4 }));
    for (const jobs of [0, 1]) {
      const outcomes = await collect(runOrdered<Task, Squared>(tasks, worker, { jobs }));
      expect(outcomes.map((outcome) => outcome.result?.square ?? 'error')).toEqual(tasks.map((task) => (task.n === 4 ? 'error' : task.n ** 2)));
      expect(outcomes[0]?.result?.threadId === 0).toBe(jobs === 0);
    }
  });

  it('runs the items inCallingThread picks in the main thread and the others in the threads, in input order', async () => {
    const tasks: Task[] = delays(12, 11).map((delay, n) => ({ n, delay, fail: n === 7 }));
    const outcomes = await collect(runOrdered<Task, Squared>(tasks, { ...worker, inCallingThread: (task) => task.n % 3 !== 0 }, { jobs: 1 }));
    expect(outcomes.map((outcome) => outcome.item.n)).toEqual(tasks.map((task) => task.n));
    expect(outcomes.map((outcome) => outcome.result?.square ?? (outcome.error as Error).message)).toEqual(tasks.map((task) => (task.n === 7 ? 'cannot square 7' : task.n ** 2)));
    for (const outcome of outcomes) if (outcome.result) expect(outcome.result.threadId === 0, `item ${outcome.item.n}`).toBe(outcome.item.n % 3 !== 0);
  });

  it('loads the calling thread its own module (callingThreadFilename), and starts no thread when every item stays there', async () => {
    // A thread given this filename would fail every item: none is started.
    const routed = { filename: new URL('./workers/no-such-worker.mjs', import.meta.url).href, callingThreadFilename: worker.filename, inCallingThread: () => true };
    const outcomes = await collect(runOrdered<Task, Squared>([{ n: 2 }, { n: 3 }], routed, { jobs: 2 }));
    expect(outcomes.map((outcome) => [outcome.result?.square, outcome.result?.threadId])).toEqual([
      [4, 0],
      [9, 0],
    ]);
  });

  it('maps items to tasks and calls a named export', async () => {
    const items = [{ label: 'a', value: 2 }, { label: 'b', value: 5 }];
    for (const jobs of [1, 2]) {
      const outcomes = await collect(
        runOrdered<(typeof items)[number], number>(items, { ...worker, name: 'negate', task: (item) => ({ n: item.value }) }, { jobs }),
      );
      expect(outcomes.map((outcome) => [outcome.item.label, outcome.result])).toEqual([
        ['a', -2],
        ['b', -5],
      ]);
    }
  });

  it('passes items that need no work through in their place, without a worker', async () => {
    // Sent to a worker, a `fail` item would come back with an error.
    const tasks: Task[] = delays(12, 5).map((delay, n) => ({ n, delay, fail: n % 3 === 0 }));
    for (const jobs of [0, 2]) {
      const outcomes = await collect(runOrdered<Task, Squared>(tasks, { ...worker, passThrough: (task) => task.fail === true }, { jobs }));
      expect(outcomes.map((outcome) => outcome.item.n)).toEqual(tasks.map((task) => task.n));
      for (const outcome of outcomes) {
        if (outcome.item.fail === true) expect(outcome).toEqual({ item: outcome.item });
        else expect(outcome.result?.square).toBe(outcome.item.n ** 2);
      }
    }
  });

  it('lets a task ask the main thread about its item while it runs (threads and main thread alike)', async () => {
    const asker = { filename: new URL('./workers/ask.mjs', import.meta.url).href, task: (item: { n: number }) => item };
    const items = Array.from({ length: 10 }, (_, n) => ({ n }));
    const asked: number[] = [];
    // Only the odd items may ask; an answerer that throws fails its item alone.
    const answerer = (item: { n: number }) =>
      item.n % 2 === 0
        ? undefined
        : (question: unknown) => {
            asked.push(question as number);
            if (item.n === 7) throw new Error('no answer for 7');
            return `answer to ${item.n}`;
          };
    for (const jobs of [0, 1, 2]) {
      asked.length = 0;
      type Answered = { n: number; asked: boolean; answer?: string; threadId: number };
      const outcomes = await collect(runOrdered<{ n: number }, Answered>(items, { ...asker, answerer }, { jobs }));
      expect(outcomes.map((outcome) => outcome.result ?? (outcome.error as Error).message)).toEqual(
        items.map(({ n }) =>
          n === 7 ? 'no answer for 7' : expect.objectContaining(n % 2 === 0 ? { n, asked: false } : { n, asked: true, answer: `answer to ${n}` }),
        ),
      );
      expect(asked.sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9]);
    }
  });
});

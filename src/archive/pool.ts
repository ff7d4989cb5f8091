/**
 * Ordered parallel map over an async stream of items, on piscina worker threads.
 *
 * - Results come out in input order whatever order they complete in, so
 *   outputs are byte-identical from run to run and `--jobs` only changes speed.
 * - At most `maxInFlight` items are pulled from the input and not yet yielded
 *   (running, queued, or finished and waiting for an earlier one): memory stays
 *   flat on an archive of any size, and a slow consumer (the writer) slows
 *   down reading rather than piling up results.
 * - An item's failure is its own: `{ item, error }`, and the run goes on.
 * - Workers are long-lived (`idleTimeout: Infinity`, all started up front and
 *   reused for every item): a segmenter such as nodejieba costs ~250 MB per
 *   thread, loaded once per worker and never given back when a worker exits,
 *   so a worker per file would exhaust memory.
 * - `jobs` 0 runs the worker module in the main thread: no thread, no
 *   second copy of the dictionaries.
 * - `worker.inCallingThread` picks items to run in the main thread even with
 *   threads (analyzeFiles: small documents with one job). The threads and
 *   piscina itself are then started only when an item needs them, so a run
 *   whose items all stay in the calling thread starts no thread at all.
 * - An item with nothing to do (`worker.passThrough`: a file that could not be
 *   read) keeps its place in the output without reaching a worker.
 *
 * A worker module exports a function (default, or `worker.name`) taking the
 * task (structured-cloned: plain data, no functions) and returning the result
 * or a promise of it. `worker.task` maps an item to its task (e.g. a
 * DocumentSource to its `task`). With `worker.answerer`, a task can ask the
 * main thread questions while it runs (questions.ts).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { openQuestions } from './questions.js';

export interface WorkerModule<T> {
  /** Path (relative to the working directory) or file: URL of the worker module (.js/.mjs: worker threads do not compile TypeScript). */
  filename: string;
  /** The same module for the calling thread, when it differs (the TypeScript source under test). Default: `filename`. */
  callingThreadFilename?: string;
  /**
   * Items to run in the calling thread even when `jobs` ≥ 1: no copy to a
   * thread and back, no second heap. For small items only: the calling thread
   * is blocked while a synchronous task runs, and an item that exhausts memory
   * there ends the process where in a thread it fails alone.
   */
  inCallingThread?: (item: T) => boolean;
  /** Exported function to call; default: the default export. */
  name?: string;
  /** What to send to the worker for an item; default: the item itself. */
  task?: (item: T) => unknown;
  /** Items that need no work: yielded in their place with neither result nor error, never sent to a worker. */
  passThrough?: (item: T) => boolean;
  /**
   * What answers the questions an item's task asks while it runs, or
   * undefined when it will ask none (questions.ts). When set, the worker
   * function receives `{ task, questions }` (a QuestionedTask) instead of the
   * task, and asks with `ask(questions, …)`.
   */
  answerer?: (item: T) => ((question: unknown) => unknown) | undefined;
}

export interface RunOrderedOptions {
  /** Worker threads; 0 runs in the main thread. */
  jobs: number;
  /** Stops reading input, cancels the tasks in flight (their threads are terminated) and makes the iteration throw `signal.reason`. */
  signal?: AbortSignal;
  /** Items pulled and not yet yielded, at most. Default: 2 × jobs (at least 1), enough to keep every thread busy. */
  maxInFlight?: number;
}

export interface Outcome<T, R> {
  item: T;
  result?: R;
  /** What the worker threw; absent on success. */
  error?: unknown;
}

type Execute = (task: unknown, transfer: readonly MessagePort[], signal: AbortSignal) => Promise<unknown>;

export async function* runOrdered<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  worker: WorkerModule<T>,
  options: RunOrderedOptions,
): AsyncGenerator<Outcome<T, R>> {
  const { signal } = options;
  signal?.throwIfAborted();
  const jobs = Math.max(0, Math.floor(options.jobs));
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight ?? 2 * Math.max(1, jobs)));
  const toTask = worker.task ?? ((item: T): unknown => item);

  // Aborted by the caller's signal, and by the end of the iteration (a `break`
  // in the caller's loop), so no task outlives the run.
  const cancel = new AbortController();
  const onAbort = (): void => cancel.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  // Each executor is made on first need: threads (and piscina) only if an item goes to one.
  let callingThread: Promise<Executor> | undefined;
  let threads: Promise<Executor> | undefined;
  const executorFor = (item: T): Promise<Executor> =>
    jobs === 0 || worker.inCallingThread?.(item) === true
      ? (callingThread ??= mainThreadExecutor(worker))
      : (threads ??= threadExecutor(worker, jobs));
  // With jobs 0, a module that does not load fails the run at once, as before, not each item.
  if (jobs === 0) await (callingThread = mainThreadExecutor(worker));
  const run = async (item: T): Promise<Outcome<T, R>> => {
    const answer = worker.answerer?.(item);
    const questions = answer === undefined ? undefined : openQuestions(answer);
    try {
      const task = worker.answerer === undefined ? toTask(item) : { task: toTask(item), questions: questions?.port };
      const executor = await executorFor(item);
      return { item, result: (await executor.execute(task, questions === undefined ? [] : [questions.port], cancel.signal)) as R };
    } catch (error) {
      return { item, error };
    } finally {
      questions?.close();
    }
  };
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const inFlight: Promise<Outcome<T, R>>[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && inFlight.length < maxInFlight && !cancel.signal.aborted) {
        const next = await iterator.next();
        if (next.done === true) {
          exhausted = true;
          break;
        }
        const item = next.value;
        // Settled into an Outcome at once: a failure waiting its turn is never an unhandled rejection.
        const outcome = worker.passThrough?.(item) === true ? Promise.resolve({ item }) : run(item);
        inFlight.push(outcome);
      }
      signal?.throwIfAborted();
      const head = inFlight.shift();
      if (head === undefined) return;
      const outcome = await untilAborted(head, cancel.signal);
      signal?.throwIfAborted();
      yield outcome;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    cancel.abort(new Error('runOrdered ended'));
    if (!exhausted) await iterator.return?.();
    await Promise.all([callingThread, threads].map(async (executor) => (await executor?.catch(() => undefined))?.close()));
  }
}

/** The head's outcome; rejects with the abort reason as soon as the run is cancelled, without waiting for a task that cannot be interrupted (main thread). */
function untilAborted<V>(promise: Promise<V>, signal: AbortSignal): Promise<V> {
  if (signal.aborted) return promise;
  return new Promise<V>((resolvePromise, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolvePromise(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

interface Executor {
  execute: Execute;
  close(): Promise<void>;
}

async function threadExecutor<T>(worker: WorkerModule<T>, jobs: number): Promise<Executor> {
  // Loaded here, not at the top: a run that keeps every item in the calling thread never loads it.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: moduleUrl(worker.filename),
    ...(worker.name === undefined ? {} : { name: worker.name }),
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: Infinity,
    // A parse allocates many small, short-lived nodes: a larger young generation
    // halves the time spent in garbage collection (measured: 85 → 64 ms/MB).
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  return {
    execute: (task, transfer, signal) => pool.run(task, { signal, transferList: [...transfer] }),
    close: () => pool.destroy(),
  };
}

async function mainThreadExecutor<T>(worker: WorkerModule<T>): Promise<Executor> {
  const filename = worker.callingThreadFilename ?? worker.filename;
  const module = (await import(moduleUrl(filename))) as Record<string, unknown>;
  const exported = module[worker.name ?? 'default'];
  if (typeof exported !== 'function') {
    throw new TypeError(`${filename} does not export a function ${worker.name ?? 'as default'}`);
  }
  const run = exported as (task: unknown) => unknown;
  return {
    execute: async (task, transfer, signal) => {
      signal.throwIfAborted();
      // structuredClone: the same contract as a worker thread (no shared objects, no functions).
      return run(structuredClone(task, { transfer: [...transfer] }));
    },
    close: async () => {},
  };
}

function moduleUrl(filename: string): string {
  return filename.startsWith('file:') ? filename : pathToFileURL(resolve(filename)).href;
}

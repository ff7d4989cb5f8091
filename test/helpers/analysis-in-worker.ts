/**
 * parse + analyzeJson (or lintText, or an archive format function) of a text in a worker thread, with a time limit: a hang
 * (a regex backtracking without end) fails the test that asked instead of blocking the suite.
 * Uses the built dist/ (npm test builds first).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisJson } from '../../src/index.js';

export interface WorkerAnalysis {
  parseMs: number;
  analyzeJsonMs: number;
  /** toString(parse(text).tree) === text */
  lossless: boolean;
  outline: string;
  parseWarnings: Array<{ rule: string; offset: number }>;
  json: AnalysisJson;
  /** JSON.stringify(toJson(analyze(text))) === JSON.stringify(analyzeJson(text)), when asked. */
  sameAsAnalyze: boolean | null;
}

export interface WorkerLint {
  lintMs: number;
  /** lintText's messages with every rule on (the recommended preset), in text order. */
  messages: Array<{ ruleId: string; reason: string; start: number | null; end: number | null }>;
}

const workerFile = fileURLToPath(new URL('./analysis-worker.mjs', import.meta.url));
const distIndex = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

export class AnalysisWorker {
  private worker: Worker | null = null;
  private nextId = 0;

  /** Rejects when the analysis throws or takes longer than `limitMs` (the worker is then terminated). */
  analyze(text: string, limitMs: number, options: { compareWithAnalyze?: boolean } = {}): Promise<WorkerAnalysis> {
    return this.request({ text, compareWithAnalyze: options.compareWithAnalyze === true }, limitMs, `${text.length} characters`);
  }

  /** The same for lintText with the recommended preset. */
  lint(text: string, limitMs: number): Promise<WorkerLint> {
    return this.request({ text, lint: true }, limitMs, `${text.length} characters`);
  }

  /** The same for a function of src/archive/formats.ts (built), called with `args` (structured-cloned): its result, awaited. */
  formats<T>(name: string, args: unknown[], limitMs: number): Promise<{ ms: number; value: T }> {
    return this.request({ formats: name, args }, limitMs, `formats.${name}`);
  }

  private async request<T>(payload: Record<string, unknown>, limitMs: number, what: string): Promise<T> {
    if (!existsSync(distIndex)) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
    const worker = (this.worker ??= new Worker(workerFile));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        this.worker = null;
        void worker.terminate();
        reject(new Error(`no result after ${limitMs} ms (${what}): the analysis hangs or is far too slow`));
      }, limitMs);
      const onMessage = (message: { id: number; error?: string } & T) => {
        if (message.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message);
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, ...payload });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

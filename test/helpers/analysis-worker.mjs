// A worker thread that parses and analyzes (or lints) the texts it is sent, or calls a function of
// dist/archive/formats.js, with the built dist/
// (npm test builds first). Run in a worker so that a test can terminate an analysis that
// hangs (a regex backtracking without end blocks its thread: no timer fires in it).
import { parentPort } from 'node:worker_threads';
import { analyze, analyzeJson, outline, parse, toJson, toString } from '../../dist/index.js';
import { lintText } from '../../dist/lint/index.js';

async function lint(id, text) {
  const started = performance.now();
  const file = await lintText(text);
  const lintMs = performance.now() - started;
  const messages = file.messages.map((message) => ({ ruleId: message.ruleId, reason: message.reason, start: message.place?.start?.offset ?? null, end: message.place?.end?.offset ?? null }));
  parentPort.postMessage({ id, lintMs, messages });
}

async function callFormats(id, name, args) {
  const formats = await import('../../dist/archive/formats.js');
  const started = performance.now();
  const value = await formats[name](...args);
  parentPort.postMessage({ id, ms: performance.now() - started, value });
}

const failed = (id) => (error) => parentPort.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });

parentPort.on('message', ({ id, text, compareWithAnalyze, lint: asLint, formats, args }) => {
  if (asLint) {
    lint(id, text).catch(failed(id));
    return;
  }
  if (formats !== undefined) {
    callFormats(id, formats, args).catch(failed(id));
    return;
  }
  try {
    let started = performance.now();
    const report = parse(text, { segmenter: 'runs' });
    const parseMs = performance.now() - started;
    started = performance.now();
    const json = analyzeJson(text);
    const analyzeJsonMs = performance.now() - started;
    // analyze with the dictionary-free segmenter: its JSON must equal analyzeJson's.
    const sameAsAnalyze = compareWithAnalyze ? JSON.stringify(toJson(analyze(text, { segmenter: 'runs' }))) === JSON.stringify(json) : null;
    parentPort.postMessage({
      id,
      parseMs,
      analyzeJsonMs,
      lossless: toString(report.tree) === text,
      outline: outline(report),
      parseWarnings: report.warnings.map((warning) => ({ rule: warning.rule, offset: warning.offset })),
      json,
      sameAsAnalyze,
    });
  } catch (error) {
    failed(id)(error);
  }
});

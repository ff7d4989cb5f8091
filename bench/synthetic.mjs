// The synthetic archive every benchmark uses: the shared records repeated to `count` reports,
// each copy numbered in `copy`, written once to `path` (kept for the next run).
import { createWriteStream, existsSync } from 'node:fs';

/** Writes `count` records cycling through `records` to `path`, unless it exists. */
export async function writeSynthetic(path, count, records) {
  if (existsSync(path)) return;
  const stream = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    const record = records[i % records.length];
    if (!stream.write(JSON.stringify({ ...record, copy: Math.floor(i / records.length) }) + '\n')) await new Promise((resolve) => stream.once('drain', resolve));
  }
  await new Promise((resolve) => stream.end(resolve));
}

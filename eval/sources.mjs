/**
 * The text of an annotated report, from eval/sources.json (provincial .docx, congress reports) or
 * from the annotation's own `source` (national reports, seed fixtures). One reader for the scorer,
 * the candidate sheets and the draft converter, so all three see the same characters.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');
/** The national and congress archives: fixtures/archive/ (in the repository), or $GONGWEN_CORPORA. */
export const corpora = process.env.GONGWEN_CORPORA ?? join(root, 'fixtures', 'archive');
export const sources = JSON.parse(readFileSync(join(here, 'sources.json'), 'utf8'));

const corpusCache = new Map();
function corpusRecords(corpus) {
  const path = join(corpora, corpus);
  if (!existsSync(path)) return null;
  if (!corpusCache.has(path)) {
    corpusCache.set(path, readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line)));
  }
  return corpusCache.get(path);
}

/** The source description of an id: eval/sources.json, else the annotation's own. */
export function sourceOf(id, annotation) {
  return sources[id] ?? annotation?.source ?? null;
}

/** The group an annotated report is scored in. */
export function groupOf(id, annotation) {
  const source = sourceOf(id, annotation);
  if (source?.group) return source.group;
  if (id.startsWith('seed-')) return 'templates';
  if (id.startsWith('gwr-')) return 'national';
  return 'other';
}

/** `{ text }`, or `{ text: null, why }` when the text is not on this machine. */
export async function loadSource(id, annotation, dist = join(root, 'dist')) {
  const source = sourceOf(id, annotation);
  if (!source) return { text: null, why: `no source for ${id}` };
  if (source.docx) {
    const { extractText } = await import(join(dist, 'archive', 'index.js'));
    const extracted = await extractText(readFileSync(join(root, source.docx)));
    return { text: extracted.text };
  }
  if (source.fixture) return { text: readFileSync(join(root, 'fixtures', source.fixture), 'utf8') };
  const records = corpusRecords(source.corpus);
  if (!records) return { text: null, why: `${source.corpus} not found in ${corpora}` };
  const record = records.find((candidate) =>
    source.congress !== undefined ? String(candidate.congress) === String(source.congress) : String(candidate.year) === String(source.year),
  );
  return record?.content ? { text: record.content } : { text: null, why: `no record for ${id}` };
}

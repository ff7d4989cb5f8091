/**
 * Build step (`npm run build`): dicts/slogans.yaml parsed once and written as JSON next to the
 * compiled code (`dist/dicts/slogans.json`), with the SHA-256 of the YAML it came from, so that
 * loadSloganDictionary reads JSON instead of parsing YAML in every process and worker. The YAML
 * stays the only source: a copy whose hash no longer matches is ignored.
 *
 * Run as `node dist/extract/compile-dictionary.js`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileSloganDictionary } from './slogan-dictionary.js';

const yamlPath = fileURLToPath(new URL('../../dicts/slogans.yaml', import.meta.url));
const outFolder = fileURLToPath(new URL('../dicts/', import.meta.url));

const compiled = compileSloganDictionary(readFileSync(yamlPath, 'utf8'), 'dicts/slogans.yaml');
mkdirSync(outFolder, { recursive: true });
writeFileSync(`${outFolder}slogans.json`, JSON.stringify(compiled));

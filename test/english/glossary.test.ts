/** The bilingual glossary (dicts/slogans-en.yaml) and its exports for translators. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../src/index.js';
import { loadSloganDictionary, parseSloganDictionary } from '../../src/extract/slogan-dictionary.js';
import { englishRendering, GlossaryError, loadGlossary, parseGlossary } from '../../src/english/glossary.js';
import { glossaryToCsv, glossaryToJson, glossaryToTbx, type GlossaryJsonEntry } from '../../src/english/glossary-export.js';
import { runCli } from '../helpers/cli.js';

const chineseYaml = readFileSync(new URL('../../dicts/slogans.yaml', import.meta.url), 'utf8');

describe('the glossary file', () => {
  it('gives every slogan of dicts/slogans.yaml a rendering with a source, or an absence saying where it was looked for', () => {
    const canonicals = (parseYaml(chineseYaml) as Array<{ canonical: string }>).map((entry) => entry.canonical);
    // Strict: a formula added to the Chinese dictionary without its English entry fails here.
    const glossary = parseGlossary(readFileSync(new URL('../../dicts/slogans-en.yaml', import.meta.url), 'utf8'), loadSloganDictionary().entries);
    expect(glossary.entries.every((entry) => entry.reviewed)).toBe(true);
    expect(glossary.entries.map((entry) => entry.canonical)).toEqual(canonicals);
    for (const entry of glossary.entries) {
      if (entry.renderings.length === 0) expect(entry.absenceChecked.length, entry.canonical).toBeGreaterThan(0);
      for (const rendering of entry.renderings) expect(rendering.sources.length, `${entry.canonical}: ${rendering.text}`).toBeGreaterThan(0);
    }
    expect(glossary.entries.filter((entry) => entry.renderings.length > 0).length).toBe(60);
  });

  it('names the preferred rendering, and none for a slogan without an official one', () => {
    expect(englishRendering('两个维护')).toBe('Two Upholds');
    expect(englishRendering('三步走')).toBe('three-step development strategy');
    expect(englishRendering('三重一大')).toBeNull();
    expect(englishRendering('不是提法')).toBeNull();
  });

  it('refuses a glossary that misses a slogan, names an unknown one, or gives a rendering without a source', () => {
    const chinese = parseSloganDictionary(`- { canonical: 两个维护, count: 2, year: null, sources: [{ ref: x, facts: [usage] }] }`).entries;
    const ok = parseGlossary('两个维护: { renderings: [{ text: Two Upholds, sources: [s] }] }', chinese);
    expect(ok.byCanonical.get('两个维护')?.renderings[0]?.text).toBe('Two Upholds');
    expect(() => parseGlossary('{}', chinese)).toThrow(/两个维护.*missing/);
    expect(() => parseGlossary('两个维护: { absent: { checked: [x] } }\n四风: { absent: { checked: [x] } }', chinese)).toThrow(/"四风" is not a canonical form/);
    expect(() => parseGlossary('两个维护: { renderings: [{ text: Two Upholds }] }', chinese)).toThrow(/has no source/);
    expect(() => parseGlossary('两个维护: { absent: { checked: [] } }', chinese)).toThrow(/where a rendering was looked for/);
    expect(() => parseGlossary('两个维护: { renderings: [{ text: a, sources: [s] }], absent: { checked: [x] } }', chinese)).toThrow(GlossaryError);
    // At run time a formula not yet in the glossary has no English, rather than stopping the analysis.
    const lenient = parseGlossary('四风: { absent: { checked: [x] } }', chinese, 'g', { strict: false });
    expect(lenient.byCanonical.get('两个维护')).toMatchObject({ reviewed: false, renderings: [] });
    expect(() => parseGlossary('两个维护: { renderings: [{ text: a }] }', chinese, 'g', { strict: false })).toThrow(/has no source/);
  });
});

describe('english on the Chinese records', () => {
  it('every slogan record of analyze carries its rendering, null where none was found', () => {
    const analysis = analyze('坚决做到“两个维护”，落实“三重一大”制度，提出“五问”。', { segmenter: 'runs' });
    expect(analysis.slogans.map((slogan) => [slogan.canonical, slogan.english])).toEqual([
      ['两个维护', 'Two Upholds'],
      ['三重一大', null],
      ['五问', null],
    ]);
  });
});

describe('TBX export', () => {
  const tbx = glossaryToTbx(loadGlossary());
  const document = parseDocument(tbx, { xmlMode: true });
  const concepts = DomUtils.getElementsByTagName('conceptEntry', document);
  const text = (element: Element) => DomUtils.textContent(element);
  const langSec = (concept: Element, lang: string) => DomUtils.getElementsByTagName('langSec', concept).find((section) => section.attribs['xml:lang'] === lang);

  it('reads back with an XML parser as TBX-Basic: one concept per slogan, the Chinese forms and the English terms with their sources', () => {
    const root = DomUtils.getElementsByTagName('tbx', document)[0]!;
    expect(root.attribs).toMatchObject({ type: 'TBX-Basic', style: 'dca', xmlns: 'urn:iso:std:iso:30042:ed-2' });
    expect(concepts).toHaveLength(130);
    const upholds = concepts.find((concept) => DomUtils.getElementsByTagName('term', langSec(concept, 'zh')!).some((term) => text(term) === '两个维护'))!;
    const zhTerms = DomUtils.getElementsByTagName('termSec', langSec(upholds, 'zh')!).map((termSec) => [
      text(DomUtils.getElementsByTagName('term', termSec)[0]!),
      text(DomUtils.getElementsByTagName('termNote', termSec).find((note) => note.attribs.type === 'administrativeStatus')!),
    ]);
    expect(zhTerms).toEqual([
      ['两个维护', 'preferredTerm-admn-sts'],
      ['二个维护', 'deprecatedTerm-admn-sts'],
      ['2个维护', 'deprecatedTerm-admn-sts'],
    ]);
    const enTerms = DomUtils.getElementsByTagName('termSec', langSec(upholds, 'en')!).map((termSec) => ({
      term: text(DomUtils.getElementsByTagName('term', termSec)[0]!),
      sources: DomUtils.getElementsByTagName('admin', termSec).filter((admin) => admin.attribs.type === 'source').map(text),
    }));
    expect(enTerms).toEqual([
      { term: 'Two Upholds', sources: ['https://en.wikipedia.org/wiki/Two_Upholds'] },
      { term: 'two safeguards', sources: ['https://sinocism.com/p/party-constitution-two-upholds-politburo'] },
    ]);
  });

  it('gives every English term a source, and a slogan without a rendering a note instead of an English section', () => {
    for (const concept of concepts) {
      const en = langSec(concept, 'en');
      if (en === undefined) {
        expect(DomUtils.getElementsByTagName('note', concept).map(text).join(' ')).toMatch(/No official English rendering found; looked for in: \S/);
        continue;
      }
      for (const termSec of DomUtils.getElementsByTagName('termSec', en)) {
        expect(DomUtils.getElementsByTagName('admin', termSec).filter((admin) => admin.attribs.type === 'source').length).toBeGreaterThan(0);
      }
    }
    expect(concepts.filter((concept) => langSec(concept, 'en') !== undefined)).toHaveLength(60);
  });

  it('escapes what XML must: a source with & and < reads back as written', () => {
    const chinese = parseSloganDictionary(`- { canonical: 两个维护, count: 2, year: null, sources: [{ ref: x, facts: [usage] }] }`).entries;
    const glossary = parseGlossary(`两个维护: { renderings: [{ text: "Two <Upholds> & \\"co\\"", sources: ["https://example.org/?a=1&b=<2>"] }] }`, chinese);
    const readBack = parseDocument(glossaryToTbx(glossary), { xmlMode: true, decodeEntities: true });
    expect(DomUtils.getElementsByTagName('term', readBack).map((term) => DomUtils.textContent(term))).toContain('Two <Upholds> & "co"');
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('admin', readBack)[0]!)).toBe('https://example.org/?a=1&b=<2>');
  });
});

describe('CSV and JSON exports', () => {
  it('JSON: one entry per slogan, renderings with status and sources, or the absence', () => {
    const entries = JSON.parse(glossaryToJson(loadGlossary())) as GlossaryJsonEntry[];
    expect(entries).toHaveLength(loadSloganDictionary().entries.length);
    expect(entries.find((entry) => entry.canonical === '四个意识')).toMatchObject({
      count: 4,
      members: ['政治意识', '大局意识', '核心意识', '看齐意识'],
      english: [{ text: 'Four Consciousnesses', status: 'preferred', gloss: expect.stringContaining('maintaining political integrity') }],
      absent: null,
    });
    expect(entries.find((entry) => entry.canonical === '三公经费')).toMatchObject({ english: [], absent: { checked: [expect.stringContaining('searched')] } });
  });

  it('CSV: a row per rendering and an absent row, quoted where a field holds commas', () => {
    const csv = glossaryToCsv(loadGlossary());
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('canonical,count,english,status,year,sources,gloss,absent_checked,note');
    expect(lines).toContain('两个维护,2,Two Upholds,preferred,,https://en.wikipedia.org/wiki/Two_Upholds,,,');
    expect(lines.some((line) => line.startsWith('三重一大,4,,absent,'))).toBe(true);
    expect(csv).toContain('"cutting overcapacity, reducing excess inventory, deleveraging, lowering costs, and strengthening points of weakness"');
  });
});

describe('gongwen glossary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-glossary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints TBX by default, writes the format of --out’s extension, and refuses an unknown format', async () => {
    const printed = await runCli(['glossary']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toBe(glossaryToTbx(loadGlossary()));
    const out = join(dir, 'glossary.json');
    const written = await runCli(['glossary', '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(130);
    expect(written.stderr).toContain('130 formulas, 60 with an English rendering');
    const refused = await runCli(['glossary', '--format', 'xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--format takes tbx, csv, json');
  });
});

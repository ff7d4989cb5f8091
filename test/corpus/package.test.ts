/** gongwen/corpus as users import it: the built entry point, with every analysis as a function. */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/archive-files.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

describe('gongwen/corpus', () => {
  it('exports openCorpus, the analyses as functions, the registry and the writers', async () => {
    const corpus = await import('gongwen/corpus');
    for (const name of ['openCorpus', 'parseWhere', 'slogans', 'metrics', 'targets', 'kwic', 'compare', 'tableToCsv', 'tableToJson', 'tableToTerminal', 'renderSvg', 'chartHtml']) {
      expect(typeof (corpus as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(corpus.ANALYSES.map((analysis) => analysis.name)).toEqual(expect.arrayContaining(['slogans', 'metrics', 'targets', 'kwic', 'compare']));
  });

  it('runs an analysis over a .jsonl archive from the API', async () => {
    const { openCorpus, kwic, tableToCsv } = await import('gongwen/corpus');
    const temp = await makeTempDir('gongwen-corpus-api-');
    try {
      const archive = join(temp.dir, 'reports.jsonl');
      await writeFile(archive, JSON.stringify({ year: '2019', content: readFixture('gwr-2019') }) + '\n');
      const table = await kwic(openCorpus(archive, { jobs: 0, cache: false }), { patterns: [{ kind: 'word', value: '两个维护' }], window: 4 });
      // 坚决做到“两个维护”，自觉在思想上
      expect(table.rows).toEqual([expect.objectContaining({ group: 2019, left: '决做到“', match: '两个维护', right: '”，自觉' })]);
      expect(tableToCsv(table).split('\n')[0]).toBe('document,group,offset,left,match,right,pattern');
    } finally {
      await temp.remove();
    }
  });
});

/** The corpus command's seam: analyses plug in with their own flags; the union must stay readable. */
import { describe, expect, it } from 'vitest';
import { corpusOptions, makeCorpusCommand } from '../../src/cli/corpus-command.js';
import { ANALYSES } from '../../src/corpus/analyses/index.js';
import type { CorpusAnalysis } from '../../src/corpus/types.js';

const analysis = (name: string, options: CorpusAnalysis<unknown>['options']): CorpusAnalysis<unknown> => ({
  name,
  usage: `${name}  …`,
  options,
  fromFlags: () => ({}),
  run: async () => ({ columns: [], rows: [] }),
});

describe('gongwen corpus options', () => {
  it('are the shared options plus every analysis flag', () => {
    const options = corpusOptions(ANALYSES);
    for (const name of ['group', 'where', 'format', 'out', 'chart', 'html', 'top', 'formula', 'subject', 'stance', 'indicator', 'word', 'regex', 'window', 'window-unit', 'a', 'b']) {
      expect(options[name], name).toBeDefined();
    }
  });

  it('let two analyses share a flag read alike, and refuse one read differently', () => {
    expect(() => corpusOptions([analysis('one', { top: { type: 'string' } }), analysis('two', { top: { type: 'string' } })])).not.toThrow();
    expect(() => corpusOptions([analysis('one', { group: { type: 'string' } })])).not.toThrow();
    expect(() => corpusOptions([analysis('one', { top: { type: 'string' } }), analysis('two', { top: { type: 'boolean' } })])).toThrow(/--top/);
    expect(() => corpusOptions([analysis('one', { formula: { type: 'string', multiple: true } }), analysis('two', { formula: { type: 'string' } })])).toThrow(/--formula/);
  });

  it('list every analysis in the usage', () => {
    // A plugged-in analysis with a name and a flag that no built-in one has.
    const command = makeCorpusCommand([...ANALYSES, analysis('plugged-in', { 'plugged-flag': { type: 'string' } })]);
    expect(command.usage).toMatch(/^\s+plugged-in\s/m);
    expect(command.options['plugged-flag']).toBeDefined();
    expect(makeCorpusCommand(ANALYSES).options['plugged-flag']).toBeUndefined();
  });
});

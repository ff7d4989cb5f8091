/** The textlint preset through textlint's own API (createLinter over a kernel descriptor), on a seed report. */
import { TextlintKernelDescriptor } from '@textlint/kernel';
import textPlugin from '@textlint/textlint-plugin-text';
import { createLinter } from 'textlint';
import { describe, expect, it } from 'vitest';
import preset from '../../src/textlint.js';
import { applyFixes, lintText } from '../../src/lint/index.js';
import { fixturePath, readFixture } from './helpers.js';

function linter() {
  const descriptor = new TextlintKernelDescriptor({
    rules: Object.entries(preset.rules).map(([ruleId, rule]) => ({ ruleId, rule: rule as never, options: preset.rulesConfig[ruleId as keyof typeof preset.rulesConfig] })),
    plugins: [{ pluginId: 'text', plugin: textPlugin as never }],
    filterRules: [],
  });
  return createLinter({ descriptor });
}

describe('gongwen/textlint', () => {
  it('reports seed-004’s problems at the exact ranges, with the same rule ids as gongwen lint', async () => {
    const text = readFixture('seed-004');
    const result = await linter().lintText(text, fixturePath('seed-004'));
    const variant = result.messages.find((message) => message.ruleId === 'slogan-variant')!;
    expect(text.slice(variant.range[0], variant.range[1])).toBe('六项纪律');
    expect(variant.loc.start).toEqual({ line: 12, column: 1716 }); // as gongwen lint reports it: 12:1716
    const quote = result.messages.find((message) => message.ruleId === 'quote-balance')!;
    expect(text.slice(quote.range[0], quote.range[1])).toBe('"');

    const ours = await lintText(text);
    const count = (ids: Array<string | undefined | null>) => ids.reduce<Record<string, number>>((counts, id) => ({ ...counts, [String(id)]: (counts[String(id)] ?? 0) + 1 }), {});
    expect(count(result.messages.map((message) => message.ruleId))).toEqual(count(ours.messages.map((message) => message.ruleId)));
  });

  it('fixes what gongwen lint --fix fixes, byte for byte', async () => {
    const text = readFixture('seed-000');
    const fixed = await linter().fixText(text, fixturePath('seed-000'));
    expect(fixed.output).toBe(applyFixes(text, (await lintText(text)).messages));
    expect(fixed.output).not.toContain('##paidbegin##');
  });
});

/** The tables' CSV writer against csv-stringify with the options extract used before it (output.ts). */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/archive/csv-records.js';

const reference = (records: unknown[][]): string =>
  stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { boolean: (value) => (value ? 'true' : 'false') } });

const field = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', '二', ',', '"', '\r', '\n', ' ', '“', '\t', '=', '-') }),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
);

describe('csvRecords', () => {
  it('writes what csv-stringify wrote, byte for byte, on arbitrary fields', () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 8 }), { maxLength: 5 }), (records) => {
        expect(csvRecords(records)).toBe(reference(records));
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes a field with a comma, a quote or a line break, and only those', () => {
    expect(csvRecords([['甲,乙', '说"好"', '一\n二', '一\r二', '“引号”', '', null, true, 0]])).toBe('"甲,乙","说""好""","一\n二","一\r二",“引号”,,,true,0\r\n');
  });
});

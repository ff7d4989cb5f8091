/**
 * The node budget of a tree: how many positions (nodes, warnings, findings) the builder may make
 * for an input before it keeps the rest as text (see TreeBuilder.keepRestAsText).
 *
 * Why a budget: memory follows the number of nodes, and the number of nodes follows how densely
 * the text is cut, not its size. 6 MB of `一、\n` lines are 860,000 headings; at ~1.5 KB each
 * (Section, Heading, marker, line end, positions, warning, record) `analyze --json` took 3 GB.
 * With the budget, nodes grow with the input's bytes, and so does memory.
 *
 * Real reports stay far below it. Over the 72 reports of the national archive, the densest makes
 * 0.021 block positions per UTF-8 byte (sections, paragraphs, sentences, list items, line ends,
 * warnings, findings) and 0.1 word positions per byte (0.3 per character). A floor keeps every
 * document of a few hundred KB whole, however it is cut.
 */

export interface NodeBudget {
  /** Every position but the words': blocks, line ends, inline spans, warnings, findings. */
  blocks: number;
  /**
   * The words, punctuation and spaces of the word level (BuildOptions.words), and the Slogan,
   * Metric and Placeholder nodes around them: what exists only with words, so that the block
   * count, and where the budget stops a report, is the same in analyze and analyzeJson.
   */
  words: number;
}

/** 20,000 headings of a line each (a heading is ~5 positions) are read whole, whatever their size. */
const BLOCK_FLOOR = 100_000;
const BLOCKS_PER_BYTE = 0.05;
const WORD_FLOOR = 100_000;
/** A token is at least one character, up to 3 bytes: 0.5 a byte is more than any CJK text can use. */
const WORDS_PER_BYTE = 0.5;

export function nodeBudget(input: string): NodeBudget {
  const bytes = utf8Length(input);
  return { blocks: BLOCK_FLOOR + Math.ceil(bytes * BLOCKS_PER_BYTE), words: WORD_FLOOR + Math.ceil(bytes * WORDS_PER_BYTE) };
}

/** Bytes of `text` in UTF-8 (a lone surrogate counts as U+FFFD would: 3), without Buffer, which browsers lack. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

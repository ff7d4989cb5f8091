/**
 * Control characters: the sign of binary data read as text, or of text decoded
 * with the wrong encoding. One rule for which characters count, and two
 * thresholds for what their share means:
 *
 * - a file (archive/decode.ts) is refused as BINARY above `BINARY_FILE_SHARE`:
 *   reading it as a report would fill the outputs with garbage;
 * - a string already decoded (parse()'s input, text/input-checks.ts) only gets
 *   a `binary-input` warning above `SUSPICIOUS_TEXT_SHARE`: it still parses
 *   losslessly, the caller is told something is odd.
 *
 * A NUL is decisive for both, whatever the share: no text encoding but UTF-16
 * and UTF-32 produces it (decode.ts hints at UTF-16 without a BOM).
 */

/**
 * Share of control characters above which a file is binary, not text. A text
 * file with a few form feeds or colour codes is far below it. Binary data
 * nearly always holds a NUL, decisive on its own; this catches the rest
 * (a file that is mostly `\x01`, `\x02`… without a zero byte).
 */
export const BINARY_FILE_SHARE = 0.1;

/**
 * Share of control characters above which a decoded string is suspicious
 * (1 %): lower than for a file, because only a warning is at stake and a
 * report's text holds none at all.
 */
export const SUSPICIOUS_TEXT_SHARE = 0.01;

/** How much of the input the share is measured on: the first 64 Ki bytes (a file) or UTF-16 code units (a string). */
export const CONTROL_SAMPLE_LENGTH = 65_536;

/**
 * C0 controls and DEL, except tab, the line ends (LF, VT, FF, CR) and ESC: old
 * text files break lines and pages with VT and FF, and ANSI colour codes
 * (`\x1b[0m`) start with ESC. Works on bytes as on code units: no byte of a
 * multi-byte UTF-8, GB18030 or Big5 character is below 0x30 or is 0x7F, so in
 * those encodings a control byte is a control character.
 */
export function isControlCharacter(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d) && code !== 0x1b) || code === 0x7f;
}

/** Control characters in the first CONTROL_SAMPLE_LENGTH bytes or code units, and how many were looked at. */
export function countControlCharacters(input: string | Uint8Array): { controls: number; sampled: number } {
  const sampled = Math.min(input.length, CONTROL_SAMPLE_LENGTH);
  let controls = 0;
  if (typeof input === 'string') {
    for (let i = 0; i < sampled; i++) if (isControlCharacter(input.charCodeAt(i))) controls++;
  } else {
    for (let i = 0; i < sampled; i++) if (isControlCharacter(input[i]!)) controls++;
  }
  return { controls, sampled };
}

/** Whether `controls` of `sampled` is more than `share` (BINARY_FILE_SHARE or SUSPICIOUS_TEXT_SHARE). */
export function exceedsControlShare({ controls, sampled }: { controls: number; sampled: number }, share: number): boolean {
  return sampled > 0 && controls / sampled > share;
}

/** Offset of the first control character of `text`, -1 if none. */
export function indexOfControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) if (isControlCharacter(text.charCodeAt(i))) return i;
  return -1;
}

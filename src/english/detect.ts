/**
 * Which language a report is in, from its letters: English when Latin letters outnumber
 * Chinese characters four to one over the first 20,000 characters (a Chinese report quotes
 * GDP, CPI and URLs, never that much). Anything else stays on the Chinese path.
 */
export type ReportLanguage = 'zh' | 'en';
export type LanguageChoice = ReportLanguage | 'auto';

const SAMPLE = 20_000;
const MIN_LETTERS = 20;

/** How often (in characters) the count stops to see whether the rest of the sample could still change the answer. */
const SETTLE_CHECK = 512;

export function detectLanguage(text: string): ReportLanguage {
  let latin = 0;
  let han = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
    // Settled when the characters left could not change it even if all were Latin (or all Han):
    // a Chinese report is decided after ~5,000 characters instead of 20,000 (per document of an archive).
    if (i % SETTLE_CHECK === SETTLE_CHECK - 1) {
      const left = end - i - 1;
      if (latin + left <= 4 * han) return 'zh';
      if (latin >= MIN_LETTERS && latin > 4 * (han + left)) return 'en';
    }
  }
  return latin >= MIN_LETTERS && latin > 4 * han ? 'en' : 'zh';
}

/** The language to read `text` in: the caller's choice, or detected. */
export function resolveLanguage(text: string, choice: LanguageChoice | undefined): ReportLanguage {
  if (choice === 'zh' || choice === 'en') return choice;
  if (choice !== undefined && choice !== 'auto') throw new TypeError(`language must be 'zh', 'en' or 'auto', got ${JSON.stringify(choice)}`);
  return detectLanguage(text);
}

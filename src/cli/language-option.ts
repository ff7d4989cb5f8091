/** `--lang zh|en|auto` of parse and analyze: the report's language (default auto). */
import { GongwenError } from '../diagnostics.js';
import type { LanguageChoice } from '../english/detect.js';

const CHOICES: readonly LanguageChoice[] = ['zh', 'en', 'auto'];

export function languageOption(value: string | undefined): LanguageChoice {
  if (value === undefined) return 'auto';
  if ((CHOICES as readonly string[]).includes(value)) return value as LanguageChoice;
  throw new GongwenError('USAGE', `--lang takes zh, en or auto, not "${value}"`);
}

/**
 * Identity of a document's content, independent of its file: the same report
 * saved as GBK and as UTF-8 (or with and without a BOM, which decoding strips)
 * has the same hash, so `--resume` and de-duplication see one report.
 * Line ends are part of the text: a CRLF copy hashes differently.
 */
import { createHash } from 'node:crypto';

/** SHA-256, hex, of the text's UTF-8 bytes. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The text items of a PDF's pages, one page at a time, within the limit.
 *
 * unpdf's `extractTextItems` asks pdf.js for every page at once
 * (`Promise.all` over `numPages`), so a 120 KB PDF whose page tree lists one
 * page 20,000 times held 20,000 parsed pages together: 3.76 GB, killed at
 * 60 s. Here pages are read in order, each released before the next; a page
 * object reached a second time is refused (a page tree is a tree: a page
 * listed twice is a crafted file, and it is how a small file multiplies its
 * text); and the characters are counted as the pages come, so reading stops
 * as soon as the text passes `maxBytes`. The items are those of
 * `extractTextItems` (same fields, same order).
 */
import type { getDocumentProxy, StructuredTextItem } from 'unpdf';
import { GongwenError } from '../diagnostics.js';
import { formatSize, tooLarge } from './limits.js';

interface TextItemLike {
  str?: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  dir: string;
  hasEOL: boolean;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

export async function readPdfPages(pdf: PdfDocument, maxBytes: number): Promise<StructuredTextItem[][]> {
  const pages: StructuredTextItem[][] = [];
  const seen = new Map<string, number>();
  let characters = 0;
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    try {
      const key = `${page.ref?.num ?? number} ${page.ref?.gen ?? 0}`;
      const first = seen.get(key);
      if (first !== undefined) {
        throw new GongwenError('FORMAT', `the .pdf's page tree lists page ${first} again as page ${number} (of ${pdf.numPages}): a crafted file, not read`);
      }
      seen.set(key, number);
      const content = await page.getTextContent();
      const styles = content.styles as Record<string, { fontFamily?: string } | undefined>;
      const items: StructuredTextItem[] = [];
      for (const raw of content.items as TextItemLike[]) {
        if (raw.str == null) continue;
        const [, , c = 0, d = 0, e = 0, f = 0] = raw.transform;
        items.push({ str: raw.str, x: e, y: f, width: raw.width, height: raw.height, fontSize: Math.hypot(c, d), fontFamily: styles[raw.fontName]?.fontFamily ?? '', dir: raw.dir, hasEOL: raw.hasEOL });
        characters += raw.str.length;
      }
      // The text layer is measured as it is read, before it is joined.
      if (characters > maxBytes) throw tooLarge(`the .pdf holds more than ${formatSize(maxBytes)} of text`, maxBytes);
      pages.push(items);
    } finally {
      page.cleanup();
    }
  }
  return pages;
}

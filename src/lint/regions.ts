/**
 * The text regions rules scan with patterns of their own: title, salutation,
 * headings and paragraphs, as the tree delimits them, with the debris inside
 * them cut out (debris is the debris rule's; no other rule reads it as text).
 */
import type { ReportNode, RootNode } from '../tree/types.js';
import { allNodesOfType, endOf, nodesOfType, startOf } from './walk.js';

export interface TextRegion {
  node: ReportNode;
  /** [start, end) offsets into the original input. */
  start: number;
  end: number;
}

const REGION_TYPES = new Set(['Title', 'Salutation', 'Heading', 'ParagraphNode']);
const DEBRIS = new Set(['Debris']);

/** Title, salutation, headings and paragraphs, split around debris, in document order. */
export function textRegions(tree: RootNode): TextRegion[] {
  const regions: TextRegion[] = [];
  for (const node of nodesOfType(tree, REGION_TYPES)) {
    let cursor = startOf(node);
    for (const debris of allNodesOfType(node, DEBRIS)) {
      if (startOf(debris) > cursor) regions.push({ node, start: cursor, end: startOf(debris) });
      cursor = endOf(debris);
    }
    if (endOf(node) > cursor) regions.push({ node, start: cursor, end: endOf(node) });
  }
  return regions;
}

/** Every match of a global pattern in the regions, with offsets into the input. */
export function* matchesIn(text: string, regions: readonly TextRegion[], pattern: RegExp): Generator<{ match: RegExpExecArray; start: number; end: number; region: TextRegion }> {
  if (!pattern.global) throw new Error('matchesIn needs a global pattern');
  for (const region of regions) {
    const slice = text.slice(region.start, region.end);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      yield { match, start: region.start + match.index, end: region.start + match.index + match[0].length, region };
    }
  }
}

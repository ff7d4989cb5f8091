/** The flat record of a section's heading, as `analyze --json` lists it (Chinese and English trees alike). */
import type { HeadingRecord } from '../extract/types.js';
import type { Heading, Section } from './types.js';

export function headingRecord(section: Section): HeadingRecord {
  const heading = section.children[0] as Heading;
  const marker = heading.children.find((child) => child.type === 'HeadingMarker');
  // An unnumbered heading (`2024年工作回顾`) has no marker leaf: its offset is its text's, past the
  // indentation and debris leaves that open the heading (present with or without words).
  let offset = marker?.position.start.offset ?? heading.position.start.offset!;
  if (!marker) {
    for (const child of heading.children) {
      if (child.type !== 'WhiteSpaceNode' && child.type !== 'Debris') break;
      offset = child.position.end.offset!;
    }
  }
  return {
    depth: section.depth,
    marker: section.marker.raw,
    style: section.marker.style,
    ordinal: section.marker.ordinal,
    text: section.text,
    role: section.role,
    offset,
  };
}

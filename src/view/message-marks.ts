/**
 * Underlines messages in the page's text. The text is rendered leaf by leaf in document
 * order; each leaf's characters go through `MessageMarks.render`, which cuts them where a
 * message starts or ends and wraps each piece in one `span.message` per message covering it.
 * A message that crosses element boundaries (a heading into its paragraph, into a slogan)
 * becomes several fragments with the same `data-message`; the first carries the
 * `message-N` id the panel links to.
 *
 * A point-wide message (start == end: `slogan-variant` at the end of a line, a lint rule
 * pointing between two characters) gets an empty `span.message-point` anchor, drawn by CSS
 * (so the page's text content stays the input), and underlines the character after it
 * unless that is a line end.
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { PlacedMessage } from './messages.js';


interface Underline {
  message: PlacedMessage;
  start: number;
  end: number;
  /** Whether a fragment already carries the anchor id (a point's marker carries it). */
  anchored: boolean;
}

export class MessageMarks {
  private readonly underlines: Underline[];
  private readonly points: PlacedMessage[];
  private nextUnderline = 0;
  private nextPoint = 0;
  private active: Underline[] = [];
  private position = 0;

  constructor(private readonly text: string, messages: readonly PlacedMessage[]) {
    const underlines: Underline[] = [];
    const points: PlacedMessage[] = [];
    for (const message of messages) {
      if (message.start === null || message.end === null) continue; // file-level: panel only
      if (message.end > message.start) {
        underlines.push({ message, start: message.start, end: message.end, anchored: false });
        continue;
      }
      points.push(message);
      const next = text.codePointAt(message.start);
      if (next !== undefined && next !== 0x0a && next !== 0x0d && next !== 0x2028 && next !== 0x2029) {
        underlines.push({ message, start: message.start, end: message.start + (next > 0xffff ? 2 : 1), anchored: true });
      }
    }
    this.underlines = underlines.sort((a, b) => a.start - b.start || b.end - a.end);
    this.points = points.sort((a, b) => a.start! - b.start!);
  }

  /** The hast for `value`, the text at `start`: leaves must come in document order. */
  render(start: number, value: string): ElementContent[] {
    if (start < this.position) throw new Error(`view: text rendered out of order (${start} after ${this.position})`);
    const end = start + value.length;
    const out: ElementContent[] = [];
    let cursor = start;
    while (cursor < end) {
      this.emitPoints(cursor, out);
      while (this.nextUnderline < this.underlines.length && this.underlines[this.nextUnderline]!.start <= cursor) {
        this.active.push(this.underlines[this.nextUnderline++]!);
      }
      this.active = this.active.filter((underline) => underline.end > cursor);
      let next = end;
      const upcoming = this.underlines[this.nextUnderline];
      if (upcoming) next = Math.min(next, upcoming.start);
      const point = this.points[this.nextPoint];
      if (point && point.start! > cursor) next = Math.min(next, point.start!);
      for (const underline of this.active) next = Math.min(next, underline.end);
      out.push(...this.wrap([{ type: 'text', value: value.slice(cursor - start, next - start) }]));
      cursor = next;
    }
    this.position = end;
    return out;
  }

  /** Anchors of point messages at or past the end of the text (a missing final line, say). */
  finish(): ElementContent[] {
    const out: ElementContent[] = [];
    this.emitPoints(Number.POSITIVE_INFINITY, out);
    return out;
  }

  private emitPoints(upTo: number, out: ElementContent[]): void {
    while (this.nextPoint < this.points.length && this.points[this.nextPoint]!.start! <= upTo) {
      const message = this.points[this.nextPoint++]!;
      out.push(
        h('span', {
          className: ['message-point', `severity-${message.severity}`],
          id: `message-${message.index}`,
          dataMessage: message.index,
          dataTip: tipOf(message),
        }),
      );
    }
  }

  /** Nests the piece in one span per covering message, the earliest-starting outermost. */
  private wrap(children: ElementContent[]): ElementContent[] {
    let wrapped = children;
    for (let i = this.active.length - 1; i >= 0; i--) {
      const underline = this.active[i]!;
      const message = underline.message;
      const properties: Record<string, string | number | string[]> = {
        className: ['message', `severity-${message.severity}`],
        dataMessage: message.index,
        dataTip: tipOf(message),
      };
      if (!underline.anchored) {
        properties.id = `message-${message.index}`;
        underline.anchored = true;
      }
      wrapped = [h('span', properties, wrapped)];
    }
    return wrapped;
  }
}

/** What hovering a message shows: `rule: reason`. */
export function tipOf(message: PlacedMessage): string {
  const rule = message.message.ruleId ?? message.message.source ?? 'message';
  return `${rule}: ${message.message.reason}`;
}

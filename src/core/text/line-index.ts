import type { Point, Span } from '../types.js';

/**
 * Maps 0-based UTF-16 offsets to 1-based line/column points. Line ends are
 * CRLF, LF and lone CR, as LSP counts them, so positions agree with editors.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.starts[lo] as number) + 1, offset: clamped };
  }

  span(start: number, end: number): Span {
    const a = this.point(start);
    const b = this.point(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: a.offset, endOffset: b.offset };
  }
}

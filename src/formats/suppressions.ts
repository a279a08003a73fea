/**
 * Inline suppression comments, shared by the Markdown and HTML front ends:
 *
 *   <!-- klar-disable sv/passive/ long-word -- quoted from the statute -->
 *   <!-- klar-enable sv/passive/ -->
 *   <!-- klar-disable-next-line long-sentence -- the law's own wording -->
 *
 * Rule ids are separated by spaces or commas; no ids means every rule; an id
 * ending in "/" is a prefix. A reason follows " -- ". Only comments are read, so a
 * directive shown inside a code block (documentation about klar) is not one.
 */
import { LineIndex } from '../core/text/line-index.js';
import type { Suppression } from './types.js';

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^klar-(disable-next-line|disable|enable)(?=\s|$)([\s\S]*)$/;
// The reason separator: "--" standing alone, also right after the directive.
const REASON = /(?:^|\s)--(?:\s|$)/;

/** Reads the inside of one comment (without `<!--` and `-->`); undefined when it is no klar directive. */
export function parseDirective(body: string): Pick<Suppression, 'kind' | 'rules' | 'reason'> | undefined {
  const match = DIRECTIVE.exec(body.trim());
  if (!match) return undefined;
  const kind = match[1] as Suppression['kind'];
  const rest = match[2] as string;
  const cut = REASON.exec(rest);
  const ids = cut ? rest.slice(0, cut.index) : rest;
  const reason = cut ? rest.slice(cut.index + cut[0].length).trim().replace(/\s+/g, ' ') : '';
  const rules = ids.split(/[\s,]+/).filter((id) => id.length > 0);
  return { kind, rules, ...(reason ? { reason } : {}) };
}

/**
 * Finds the klar directives in the comments inside the given source ranges (the
 * HTML comment nodes a parser found), in source order. `line` is the comment's
 * first line; a `disable-next-line` applies to the line after it.
 */
export function findSuppressions(source: string, ranges: Iterable<readonly [number, number]>): Suppression[] {
  let lines: LineIndex | undefined;
  const out: Suppression[] = [];
  for (const [start, end] of ranges) {
    const slice = source.slice(start, end);
    if (!slice.includes('klar-')) continue;
    COMMENT.lastIndex = 0;
    for (let m = COMMENT.exec(slice); m; m = COMMENT.exec(slice)) {
      const directive = parseDirective(m[1] as string);
      if (!directive) continue;
      const offset = start + m.index;
      lines ??= new LineIndex(source);
      out.push({ ...directive, offset, line: lines.point(offset).line });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

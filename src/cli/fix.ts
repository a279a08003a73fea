/**
 * `--fix` and `--fix-dry-run`: apply the safe replacements (Diagnostic.fix) to a
 * text file's source, and show them as a unified diff.
 */
import type { Diagnostic } from '../core/types.js';

/** Applies non-overlapping fixes from the end backwards, so earlier offsets stay valid. */
export function applyFixes(source: string, diagnostics: readonly Diagnostic[]): { text: string; applied: number } {
  const fixes = diagnostics
    .filter((d) => d.fix && d.endOffset <= source.length)
    .sort((a, b) => a.offset - b.offset || b.endOffset - a.endOffset);
  const chosen: Diagnostic[] = [];
  let reach = -1;
  for (const d of fixes) {
    if (d.offset < reach) continue; // overlaps a fix already chosen
    chosen.push(d);
    reach = d.endOffset;
  }
  let text = source;
  for (const d of chosen.reverse()) text = text.slice(0, d.offset) + (d.fix as { replacement: string }).replacement + text.slice(d.endOffset);
  return { text, applied: chosen.length };
}

function splitLines(text: string): string[] {
  // Keep each line's own ending so CRLF files diff as they are.
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** A unified diff of two texts whose lines were only changed in place (fixes never add or remove lines). */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length !== b.length) throw new Error('fixes changed the number of lines');
  const changed = a.map((line, i) => line !== b[i]);
  const hunks: string[] = [];
  let i = 0;
  while (i < a.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while changes are within two contexts of each other.
    for (let j = i; j < a.length; j++) if (changed[j] && j - end <= 2 * context) end = j;
    const stop = Math.min(a.length, end + context + 1);
    const body: string[] = [];
    for (let k = start; k < stop; k++) {
      const show = (s: string): string => s.replace(/\r?\n$|\r$/, '');
      if (changed[k]) body.push(`-${show(a[k] as string)}`, `+${show(b[k] as string)}`);
      else body.push(` ${show(a[k] as string)}`);
    }
    const n = stop - start;
    hunks.push(`@@ -${start + 1},${n} +${start + 1},${n} @@`, ...body);
    i = stop;
  }
  if (hunks.length === 0) return '';
  return [`--- a/${path}`, `+++ b/${path}`, ...hunks, ''].join('\n');
}

/**
 * Precision and recall of rule findings against sentences whose officialese
 * expressions are marked by hand (tests/labelled/<lang>.tsv and the shared
 * evaluation set: `sentence<TAB>expr | expr …`).
 */
import type { Diagnostic } from '../core/types.js';

export interface LabelledSentence {
  sentence: string;
  expressions: string[];
}

/** Findings that are not about a marked expression: the core's length checks and the familiarity check. */
const NOT_EXPRESSIONS = new Set(['long-sentence', 'long-word']);

export function parseLabelled(tsv: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  for (const [i, line] of tsv.split(/\r?\n/).entries()) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [sentence, expressions = ''] = line.split('\t');
    if (i === 0 && sentence === 'sentence') continue;
    out.push({
      sentence: sentence as string,
      expressions: expressions
        .split('|')
        .map((e) => e.trim())
        .filter(Boolean),
    });
  }
  return out;
}

export function countsAsExpression(d: Diagnostic): boolean {
  return !NOT_EXPRESSIONS.has(d.ruleId) && !d.ruleId.endsWith('/unfamiliar-word');
}

function ranges(sentence: string, expression: string): [number, number][] {
  const out: [number, number][] = [];
  const hay = sentence.toLowerCase();
  const needle = expression.toLowerCase();
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

export interface Tally {
  predictions: number;
  correct: number;
  expressions: number;
  found: number;
  byCategory: Map<string, { predictions: number; correct: number }>;
  falsePositives: string[];
  misses: string[];
}

export function emptyTally(): Tally {
  return { predictions: 0, correct: 0, expressions: 0, found: 0, byCategory: new Map(), falsePositives: [], misses: [] };
}

/** Adds one sentence: a finding is correct when it overlaps a marked expression; an expression is found when a finding overlaps it. */
export function tallySentence(t: Tally, item: LabelledSentence, diagnostics: Diagnostic[]): void {
  const gold = item.expressions.map((e) => ({ e, at: ranges(item.sentence, e) }));
  const findings = diagnostics.filter(countsAsExpression);
  const overlaps = (d: Diagnostic, [s, e]: [number, number]): boolean => d.offset < e && s < d.endOffset;
  for (const d of findings) {
    const ok = gold.some((g) => g.at.some((r) => overlaps(d, r)));
    t.predictions++;
    if (ok) t.correct++;
    else t.falsePositives.push(`${d.ruleId}: “${d.excerpt}” in: ${item.sentence}`);
    const c = t.byCategory.get(d.category) ?? { predictions: 0, correct: 0 };
    c.predictions++;
    if (ok) c.correct++;
    t.byCategory.set(d.category, c);
  }
  for (const g of gold) {
    t.expressions++;
    if (g.at.some((r) => findings.some((d) => overlaps(d, r)))) t.found++;
    else t.misses.push(`“${g.e}” in: ${item.sentence}`);
  }
}

export const precision = (t: { predictions: number; correct: number }): number | null => (t.predictions ? t.correct / t.predictions : null);
export const recall = (t: Tally): number | null => (t.expressions ? t.found / t.expressions : null);

/**
 * Inline suppressions from Markdown and HTML comments:
 * `<!-- klar-disable rule-id -- reason -->` … `<!-- klar-enable rule-id -->`, and
 * `<!-- klar-disable-next-line rule-id -- reason -->`.
 */
import type { Diagnostic } from '../core/types.js';
import type { Suppression } from '../formats/types.js';

export interface SuppressionUse {
  suppression: Suppression;
  /** How many findings it hid. */
  hidden: number;
}

function covers(rules: string[], ruleId: string): boolean {
  return rules.length === 0 || rules.some((r) => r === ruleId || (r.endsWith('/') && ruleId.startsWith(r)));
}

/** Splits findings into those shown and those a suppression hides, and counts each suppression's use. */
export function applySuppressions(
  diagnostics: Diagnostic[],
  suppressions: readonly Suppression[],
): { kept: Diagnostic[]; uses: SuppressionUse[] } {
  const uses = suppressions.map((suppression) => ({ suppression, hidden: 0 }));
  if (suppressions.length === 0) return { kept: diagnostics, uses };
  const ordered = [...uses].sort((a, b) => a.suppression.offset - b.suppression.offset);
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    let hiddenBy: SuppressionUse | undefined;
    // The latest disable/enable before the finding decides, per rule.
    for (const use of ordered) {
      const s = use.suppression;
      if (s.offset > d.offset) break;
      if (!covers(s.rules, d.ruleId) && !(s.kind === 'enable' && s.rules.length === 0)) continue;
      if (s.kind === 'disable') hiddenBy = use;
      else if (s.kind === 'enable') hiddenBy = undefined;
    }
    if (!hiddenBy) {
      hiddenBy = uses.find((u) => u.suppression.kind === 'disable-next-line' && u.suppression.line + 1 === d.line && covers(u.suppression.rules, d.ruleId));
    }
    if (hiddenBy) hiddenBy.hidden++;
    else kept.push(d);
  }
  return { kept, uses };
}

/** Findings for suppressions without a reason, when the organisation requires one. */
export function missingReasons(suppressions: readonly Suppression[], lineText: (line: number) => string): Diagnostic[] {
  return suppressions
    .filter((s) => s.kind !== 'enable' && !s.reason?.trim())
    .map((s) => {
      const text = lineText(s.line);
      const column = Math.max(1, text.indexOf('klar-') + 1);
      return {
        ruleId: 'klar/suppression-reason',
        category: 'suppression',
        severity: 'error' as const,
        message: 'This klar suppression has no reason: add one after "--", e.g. <!-- klar-disable sv/passive/ -- quoted from the law -->.',
        messageEn: 'This klar suppression has no reason: add one after "--", e.g. <!-- klar-disable sv/passive/ -- quoted from the law -->.',
        line: s.line,
        column,
        endLine: s.line,
        endColumn: column + 4,
        offset: s.offset,
        endOffset: s.offset + 4,
        suggestions: [],
        excerpt: text.trim().slice(0, 200),
      };
    });
}

import type { FileReport } from './check.js';

function fmt(n: number | null, digits = 0): string {
  return n === null ? '–' : n.toFixed(digits);
}

/** A short, readable summary per file, then one line per finding. */
export function formatText(reports: FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const m = r.metrics;
    out.push(r.path);
    out.push(
      `  language ${r.language} · ${m.words} words · ${m.sentences} sentences · LIX ${fmt(m.lix)}${m.lixBand ? ` (${m.lixBand})` : ''} · difficulty ${fmt(m.difficulty)}${m.difficultyBand ? ` (${m.difficultyBand})` : ''}`,
    );
    for (const d of r.diagnostics) {
      out.push(`  ${d.line}:${d.column}  ${d.severity.padEnd(7)}  ${d.message}  ${d.ruleId}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

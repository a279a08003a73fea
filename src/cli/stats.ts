/** `klar stats`: the readability summary of documents as a table. */
import type { Language, Metrics, Profile } from '../core/types.js';
import { checkDocument, ConfigResolver } from './check-file.js';
import { EXIT, UserError } from './errors.js';
import { expandPaths } from './files.js';
import { readBytes } from './read.js';

export interface StatsOptions {
  lang?: Language | 'auto';
  profile?: Profile;
  config?: string;
  locale?: Language;
}

function n(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? '–' : value.toFixed(digits);
}

function row(name: string, m: Metrics): string[] {
  return [
    name,
    String(m.words),
    String(m.sentences),
    n(m.meanSentenceLength, 1),
    m.longWordShare === null ? '–' : `${(100 * m.longWordShare).toFixed(0)} %`,
    `${n(m.lix)}${m.lixBand ? ` ${m.lixBand}` : ''}`,
    n(m.ovix),
    `${n(m.difficulty)}${m.difficultyBand ? ` ${m.difficultyBand}` : ''}`,
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

export async function runStats(paths: string[], opts: StatsOptions): Promise<number> {
  const files = await expandPaths(paths);
  const configs = new ConfigResolver(opts.config);
  let failed = false;
  const header = ['', 'words', 'sentences', 'words/sentence', 'long words', 'LIX', 'OVIX', 'difficulty'];
  for (const path of files) {
    try {
      const { report } = await checkDocument(path, await readBytes(path), { ...(opts.lang ? { lang: opts.lang } : {}), ...(opts.profile ? { profile: opts.profile } : {}) }, configs);
      const rows = [header, row(`${report.path} (${report.language})`, report.metrics)];
      for (const s of report.sections) rows.push(row(`  ${s.heading ?? '(before the first heading)'}`.slice(0, 60), s.metrics));
      process.stdout.write(`${table(rows)}\n\n`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      process.stderr.write(`klar: ${error.message}\n`);
      failed = true;
    }
  }
  return failed ? EXIT.usage : EXIT.ok;
}

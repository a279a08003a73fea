/**
 * The server re-analyses only the paragraphs an edit touched. Whatever the edit
 * (letters, line breaks, blank lines, list markers, headings, deletions), the
 * writer must see exactly what `klar check` reports for the text as it now is.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, ConfigResolver } from '../../src/cli/check-file.js';
import { analyseDocument, newBlockCache } from '../../src/server/analysis.js';
import { ProjectConfigs } from '../../src/server/project.js';
import { defaultSettings } from '../../src/server/settings.js';
import { root } from './client.js';

const PIECES = ['e', 'E', ' ', '\n', '\n\n', '\r\n', '- ', '1. ', '# ', 'Kort rubrik\n\n', '.', 'erhåller ', 'Härmed ', 'ikkje ', '\t'];

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('incremental analysis', () => {
  it('gives the findings and scores of a full `klar check` after every edit', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'klar-incremental-'));
    const examples = join(root, 'examples');
    let text = readdirSync(examples)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(examples, f), 'utf8'))
      .join('\n\n');
    const path = join(folder, 'text.txt');
    const projects = new ProjectConfigs(() => undefined, () => [folder]);
    const config = projects.forDocument(path, defaultSettings());
    const cache = newBlockCache();
    const next = random(42);
    const shape = (d: { ruleId: string; offset: number; endOffset: number; line: number; column: number; message: string }) =>
      `${d.ruleId} ${d.offset}-${d.endOffset} ${d.line}:${d.column} ${d.message}`;
    for (let edit = 0; edit <= 120; edit++) {
      if (edit > 0) {
        const at = Math.floor(next() * (text.length + 1));
        const removed = next() < 0.3 ? Math.floor(next() * 6) : 0;
        const inserted = next() < 0.8 ? (PIECES[Math.floor(next() * PIECES.length)] as string) : '';
        text = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
      }
      const server = await analyseDocument({ text, format: 'text', config, cache, stopped: () => false });
      writeFileSync(path, text);
      const cli = await checkDocument(path, readFileSync(path), {}, new ConfigResolver(undefined));
      expect(server?.findings.map(shape), `after edit ${edit}`).toEqual(cli.report.diagnostics.map(shape));
      if (edit % 40 === 0) {
        expect(server?.stats().metrics, `after edit ${edit}`).toEqual(cli.report.metrics);
        expect(server?.stats().sections, `after edit ${edit}`).toEqual(cli.report.sections);
      }
    }
  });
});

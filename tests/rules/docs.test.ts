/** The generated rule pages (docs/rules) match the rule files: regenerate with `npm run docs:rules`. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAll } from '../../src/scripts/docs-rules.js';

const docs = join(import.meta.dirname, '..', '..', 'docs', 'rules');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('rule pages', () => {
  it('are current: one page per rule with its finds, why, examples and source', () => {
    const pages = renderAll();
    const onDisk = listFiles(docs).map((f) => relative(docs, f).split('\\').join('/')).sort();
    expect(onDisk).toEqual([...pages.keys()].sort());
    for (const [path, content] of pages) expect(readFileSync(join(docs, path), 'utf8'), `${path} is stale: run npm run docs:rules`).toBe(content);
    const page = pages.get('sv/officialese/erhalla.md') ?? '';
    expect(page).toContain('## What it finds');
    expect(page).toContain('erhålla');
    expect(page).toMatch(/## Examples\n\n- ✗ /);
    expect(page).toContain('## Source');
  });
});

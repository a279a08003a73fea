/**
 * Turns the command line's files, folders and globs into the list of documents to
 * check: folders are walked respecting .gitignore and .klarignore (as git reads
 * them: each folder's file applies to what is below it), globs expand as users
 * expect, and the result is in a stable order.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UserError } from './errors.js';

export const CHECKED_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.mdx', '.html', '.htm', '.docx', '.odt', '.pdf']);

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

function readIgnoreLayer(folder: string): IgnoreLayer | undefined {
  let rules: Ignore | undefined;
  for (const name of ['.gitignore', '.klarignore']) {
    const file = join(folder, name);
    if (!existsSync(file)) continue;
    rules ??= ignore();
    rules.add(readFileSync(file, 'utf8'));
  }
  return rules ? { base: folder, rules } : undefined;
}

function ignored(layers: IgnoreLayer[], path: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = relative(layer.base, path).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** Ignore files of the folders above the walked one (up to the repository root) also apply. */
function ancestorLayers(folder: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  let dir = resolve(folder);
  for (;;) {
    const parent = resolve(dir, '..');
    if (parent === dir) break;
    dir = parent;
    const layer = readIgnoreLayer(dir);
    if (layer) layers.unshift(layer);
    if (existsSync(join(dir, '.git'))) break;
  }
  return layers;
}

async function walk(folder: string, layers: IgnoreLayer[], out: string[]): Promise<void> {
  const own = readIgnoreLayer(folder);
  const active = own ? [...layers, own] : layers;
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!ignored(active, path, true)) await walk(path, active, out);
    } else if (entry.isFile() && CHECKED_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !ignored(active, path, false)) {
      out.push(path);
    }
  }
}

/**
 * Most wildcards one path segment of a glob may hold. The glob library turns a
 * pattern into a backtracking regular expression, and `a*a*a*a*a*a*b` against a long
 * file name of a's takes minutes; four stars in one name cover every real pattern.
 */
export const MAX_SEGMENT_WILDCARDS = 4;

/** Refuses a glob that could take hours to match, before any file is read. */
function checkGlobCost(pattern: string): void {
  for (const segment of pattern.split(/[\\/]/)) {
    if (segment === '**') continue;
    const wildcards = segment.match(/[*?]|[+@!]\(/g)?.length ?? 0;
    if (wildcards > MAX_SEGMENT_WILDCARDS) {
      throw new UserError(`${pattern}: too many wildcards in one name (${wildcards}, at most ${MAX_SEGMENT_WILDCARDS}); matching it could take hours`);
    }
  }
}

/** Files, folders and globs → documents to check, in a stable order, without duplicates. */
export async function expandPaths(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    if (!existsSync(arg) && isDynamicPattern(arg)) {
      checkGlobCost(arg);
      const matches = (await glob(arg, { onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false })).sort();
      const documents = matches.filter((m) => CHECKED_EXTENSIONS.has(extname(m).toLowerCase()));
      if (documents.length === 0) throw new UserError(`${arg}: no documents match this pattern`);
      out.push(...documents);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      throw new UserError(`${arg}: no such file or folder; check the path`);
    }
    if (isDir) {
      const found: string[] = [];
      await walk(arg, ancestorLayers(arg), found);
      if (found.length === 0) throw new UserError(`${arg}: no documents to check in this folder (.txt, .md, .html, .docx, .odt, .pdf)`);
      out.push(...found);
    } else out.push(arg);
  }
  return [...new Set(out)];
}

/** `--shard i/n`: a deterministic share of the files, for CI matrix jobs. */
export function shard(files: string[], spec: string): string[] {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UserError(`--shard ${spec}: write it as i/n with 1 ≤ i ≤ n, e.g. --shard 2/4`);
  // By position in the sorted list, so every file lands in exactly one shard and shards stay even.
  return files.filter((_, i) => i % count === index - 1);
}

import { readFile, readdir, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { UserError } from './errors.js';

/** Extensions `klar check` reads as text when it walks a folder. */
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist']);

export interface Input {
  path: string;
  text: string;
}

async function walk(folder: string, out: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
}

/** Expands folders into the text files inside them, in a stable order. */
export async function expandPaths(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch {
      throw new UserError(`${arg}: no such file or folder; check the path`);
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      await walk(arg, found);
      if (found.length === 0) throw new UserError(`${arg}: no .txt or .md files in this folder`);
      out.push(...found);
    } else out.push(arg);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 (a BOM is dropped, as editors do, so columns match theirs). */
export function decodeText(path: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UserError(`${path}: not UTF-8 text; save the file as UTF-8 and try again`);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readInput(path: string): Promise<Input> {
  if (path === '-') return { path: '<stdin>', text: decodeText('<stdin>', await readStdin()) };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    throw new UserError(`${path}: ${why}; check the file and try again`);
  }
  return { path, text: decodeText(path, bytes) };
}

import { readFile, stat } from 'node:fs/promises';
import { UserError } from './errors.js';

/** Larger inputs are refused: analysing them would take minutes and gigabytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function tooLarge(path: string, size: number): UserError {
  return new UserError(`${path}: ${(size / 1024 / 1024).toFixed(0)} MB is more than klar checks at once (${MAX_INPUT_BYTES / 1024 / 1024} MB); split the document`);
}

/** Reads a file's bytes, or standard input for "-", with one-line errors. */
export async function readBytes(path: string): Promise<Uint8Array> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_INPUT_BYTES) throw tooLarge('<stdin>', size);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError(`${path}: is a folder; give the folder itself to check everything in it`);
    if (info.size > MAX_INPUT_BYTES) throw tooLarge(path, info.size);
    return await readFile(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'cannot be read';
    throw new UserError(`${path}: ${why}; check the file and try again`);
  }
}

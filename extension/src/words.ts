/**
 * The project's word list (`.klar/words.txt`): one word a line, `#` starts a
 * comment. Kept as text so that it diffs well in review; this module only edits
 * the text, the caller reads and writes the file.
 */

/** What a new list starts with, so that whoever opens it knows what it is for. */
export const NEW_LIST_HEADER =
  '# Words klar accepts in this project: names, terms and abbreviations the organisation uses.\n' +
  '# One word a line; lines starting with # are comments.\n';

export type AddWordResult =
  | { kind: 'added'; text: string; word: string }
  | { kind: 'present'; word: string }
  | { kind: 'invalid'; reason: 'empty' | 'whitespace' };

/** Cleans a word the way the checker compares words: trimmed and in NFC. */
export function normaliseWord(word: string): string {
  return word.trim().normalize('NFC');
}

/**
 * Adds `word` to the list text (`undefined` when the file does not exist yet).
 * Words are compared without regard to case, as the checker does; the line
 * endings of the existing text are kept.
 */
export function addWordToList(existing: string | undefined, rawWord: string): AddWordResult {
  const word = normaliseWord(rawWord);
  if (word === '') return { kind: 'invalid', reason: 'empty' };
  // The checker matches single words; a phrase would never match and would only confuse.
  if (/\s/u.test(word)) return { kind: 'invalid', reason: 'whitespace' };

  const text = existing ?? NEW_LIST_HEADER;
  if (listedWords(text).has(word.toLowerCase())) return { kind: 'present', word };

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  return { kind: 'added', text: `${text}${separator}${word}${eol}`, word };
}

/** The words a list holds, lower case, without comments and blank lines. */
export function listedWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const entry = line.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    words.add(entry.normalize('NFC').toLowerCase());
  }
  return words;
}

/** Longest excerpt a finding quotes. */
const MAX_EXCERPT = 200;

/** The words a finding covers, as a reader sees them: without the invisible padding front ends add. */
export function excerptOf(text: string, start: number, end: number): string {
  return text.slice(start, Math.min(end, start + MAX_EXCERPT)).replace(/\u034f/g, '');
}

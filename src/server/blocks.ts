/**
 * Plain-text blocks after an edit, without splitting the whole text again.
 *
 * The core's `splitBlocks` decides a block's extent from its lines alone, and a
 * blank line always ends a block; then a short paragraph becomes a heading
 * depending on itself and the block after it. So the text falls into chunks
 * separated by blank lines, each split on its own, and only neighbouring blocks
 * affect each other across a chunk boundary. After an edit, the chunks around it
 * are split again — two more on each side than the edit touched, which covers
 * a blank line added or removed at the edit's edge and the heading decision of
 * the block before and after — and every other block is kept, shifted.
 */
import { splitBlocks } from '../core/text/segment.js';
import type { TextBlock } from '../core/types.js';

export interface BlockSplit {
  blocks: TextBlock[];
  /** Index range [from, to) of `blocks` that were split again; the others are the old blocks, shifted. */
  from: number;
  to: number;
  /** Offset change of the blocks after `to`, and the index in the old blocks where they start. */
  delta: number;
  oldTo: number;
}

/** Offsets [start, end) in the old text that differ from the new one, and the length change. */
export function changedRange(before: string, after: string): { start: number; end: number; delta: number } {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, delta: after.length - before.length };
}

/** Whether a blank line lies between two blocks: two line breaks in the gap (CRLF counts once). */
function blankBetween(text: string, a: TextBlock, b: TextBlock): boolean {
  let breaks = 0;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
    if (breaks >= 2) return true;
  }
  return false;
}

function shift(block: TextBlock, delta: number): TextBlock {
  return delta === 0 ? block : { ...block, start: block.start + delta, contentStart: block.contentStart + delta, end: block.end + delta };
}

/** The blocks of `after`, given the blocks of `before` (from `splitBlocks` or from this function). */
export function resplitBlocks(before: string, oldBlocks: readonly TextBlock[], after: string): BlockSplit {
  if (oldBlocks.length === 0) {
    const blocks = splitBlocks(after);
    return { blocks, from: 0, to: blocks.length, delta: 0, oldTo: 0 };
  }
  const { start: changeStart, end: changeEnd, delta } = changedRange(before, after);
  // Chunks: runs of blocks with no blank line between them.
  const chunkOf: number[] = [0];
  const chunkFirst: number[] = [0];
  for (let i = 1; i < oldBlocks.length; i++) {
    const hard = blankBetween(before, oldBlocks[i - 1] as TextBlock, oldBlocks[i] as TextBlock);
    if (hard) chunkFirst.push(i);
    chunkOf.push(chunkFirst.length - 1);
  }
  const chunks = chunkFirst.length;
  const firstTouched = oldBlocks.findIndex((b) => b.end >= changeStart - 1);
  let lastTouched = -1;
  for (let i = oldBlocks.length - 1; i >= 0; i--) {
    if ((oldBlocks[i] as TextBlock).start <= changeEnd + 1) {
      lastTouched = i;
      break;
    }
  }
  const c0 = firstTouched < 0 ? chunks : (chunkOf[firstTouched] as number);
  const c1 = lastTouched < 0 ? -1 : (chunkOf[lastTouched] as number);
  const lo = Math.max(0, Math.min(c0, c1 + 1) - 2);
  const hi = Math.min(chunks - 1, Math.max(c1, c0 - 1) + 2);

  const fromBlock = chunkFirst[lo] as number;
  const sliceStart = lo === 0 ? 0 : (oldBlocks[fromBlock] as TextBlock).start;
  const atEnd = hi === chunks - 1;
  const hiFirst = chunkFirst[hi] as number;
  // Through the blank lines after the last chunk: the splitter peeks a character or two past a line's end.
  const sliceEnd = atEnd ? after.length : (oldBlocks[chunkFirst[hi + 1] as number] as TextBlock).start + delta;
  // The last chunk of the slice is only context for the one before it (unless the slice reaches the end).
  const keepBefore = atEnd ? Infinity : (oldBlocks[hiFirst] as TextBlock).start + delta;

  const fresh = splitBlocks(after.slice(sliceStart, sliceEnd))
    .map((b) => shift(b, sliceStart))
    .filter((b) => b.start < keepBefore);
  const oldTo = atEnd ? oldBlocks.length : hiFirst;
  const blocks = [...oldBlocks.slice(0, fromBlock), ...fresh, ...oldBlocks.slice(oldTo).map((b) => shift(b, delta))];
  return { blocks, from: fromBlock, to: fromBlock + fresh.length, delta, oldTo };
}

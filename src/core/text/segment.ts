import type { BlockKind, FrequencyTable, Language, Lexicon } from '../types.js';
import { splitBlocks, type Block } from './blocks.js';
import { splitSentences } from './sentences.js';
import { collectWords, tokenize, type Token, type Word } from './tokens.js';

export interface SentenceModel {
  start: number;
  end: number;
  words: Word[];
}

export interface ParagraphModel {
  kind: BlockKind;
  start: number;
  end: number;
  language: Language;
  tokens: Token[];
  words: Word[];
  sentences: SentenceModel[];
}

export interface SegmentEvidence {
  lexicon?: Lexicon | undefined;
  frequency?: FrequencyTable | undefined;
}

export { splitBlocks, type Block };

/** Segments one block (already assigned a language) into tokens, words and sentences. */
export function segmentBlock(text: string, block: Block, language: Language, evidence: SegmentEvidence): ParagraphModel {
  const tokens = tokenize(text, block.contentStart, block.end, language);
  const words = collectWords(text, tokens, evidence);
  const ranges = splitSentences(text, tokens, language, evidence.frequency);
  const sentences: SentenceModel[] = [];
  let w = 0;
  for (const r of ranges) {
    const own: Word[] = [];
    while (w < words.length && (words[w] as Word).start < r.end) {
      const word = words[w] as Word;
      if (word.start >= r.start) own.push(word);
      w++;
    }
    // A stretch without words ("22/4554-4", "–") is not a sentence for any measure.
    if (own.length > 0) sentences.push({ start: r.start, end: r.end, words: own });
  }
  return { kind: block.kind, start: block.start, end: block.end, language, tokens, words, sentences };
}

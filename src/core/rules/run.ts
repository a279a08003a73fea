import { excerptOf } from '../text/excerpt.js';
import type { LineIndex } from '../text/line-index.js';
import type { ParagraphModel } from '../text/segment.js';
import type { AnalyseOptions, Diagnostic, Language, Profile } from '../types.js';
import { compileRules, matchSentence, normalise, NO_MORPHOLOGY, type RuleMatch } from './engine.js';
import { unfamiliarWords } from './familiarity.js';
import { misspelt } from './spelling.js';
import { KINDS } from './kinds/index.js';
import type { RuleEntry, RuleWord, SentenceView } from './types.js';

const SPELLING_MESSAGE: Record<Language, string> = {
  sv: '”{match}” finns inte i ordlistan. Kontrollera stavningen.',
  nb: '«{match}» finnes ikke i ordlisten. Kontroller stavemåten.',
  nn: '«{match}» finst ikkje i ordlista. Kontroller stavemåten.',
  fi: '”{match}” ei ole sanastossa. Tarkista kirjoitusasu.',
  en: '“{match}” is not in the dictionary. Check the spelling.',
};

const UNFAMILIAR_MESSAGE: Record<Language, string> = {
  sv: '”{match}” är ett ovanligt ord. Förklara det eller välj ett vanligare ord.',
  nb: '«{match}» er et uvanlig ord. Forklar det eller velg et vanligere ord.',
  nn: '«{match}» er eit uvanleg ord. Forklar det eller vel eit vanlegare ord.',
  fi: '”{match}” on harvinainen sana. Selitä se tai valitse tutumpi sana.',
  en: '“{match}” is an uncommon word. Explain it or choose a more common word.',
};

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => params[key] ?? all);
}

function sentenceViews(text: string, p: ParagraphModel): SentenceView[] {
  return p.sentences.map((s) => ({
    text,
    start: s.start,
    end: s.end,
    words: s.words.map((w) => ({ form: w.form, lower: normalise(w.form), start: w.start, end: w.end })),
  }));
}

function toDiagnostic(text: string, lines: LineIndex, language: Language, m: RuleMatch): Diagnostic {
  const { entry } = m;
  const excerpt = excerptOf(text, m.start, m.end);
  const params = { match: excerpt.replace(/\s+/g, ' '), ...m.params };
  const explanation = entry.explanation?.[language];
  const fix = safeFix(entry, excerpt, m.suggestions ?? entry.suggestions);
  return {
    ruleId: entry.id,
    category: entry.category,
    severity: entry.severity,
    message: fill(entry.message[language] ?? entry.message.en, params),
    messageEn: fill(entry.message.en, params),
    ...lines.span(m.start, m.end),
    suggestions: m.suggestions ?? entry.suggestions,
    excerpt,
    ...(explanation ? { explanation } : {}),
    ...(fix ? { fix } : {}),
  };
}

/** Keeps the capital of a sentence-initial match: "Erhålla" → "Få". */
function matchCase(replacement: string, original: string): string {
  return /^\p{Lu}/u.test(original) && !/^\p{Lu}/u.test(replacement) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/**
 * A replacement is safe only when it cannot break grammar: exactly one
 * suggestion, and the match is written exactly as the rule lists it (an
 * abbreviation, a fixed phrase, the listed form), not an inflected form that the
 * suggestion would have to be inflected to match.
 */
function safeFix(entry: RuleEntry, excerpt: string, suggestions: readonly string[]): { replacement: string } | undefined {
  if (suggestions.length !== 1 || excerpt.includes('\n') || excerpt.includes('\r')) return undefined;
  const written = normalise(excerpt.replace(/\s+/g, ' '));
  const listed = [...(entry.forms ?? []), ...(entry.lemmas ?? []), ...(entry.phrases ?? []).filter((p) => !p.includes('{') && !p.includes('|'))];
  if (!listed.some((f) => normalise(f.replace(/\s+/g, ' ')) === written)) return undefined;
  return { replacement: matchCase(suggestions[0] as string, excerpt) };
}

/** A finding of one of klar's own word checks (spelling, familiarity): no suggestion to offer. */
function wordFinding(
  text: string,
  lines: LineIndex,
  ruleId: string,
  category: string,
  messages: Record<Language, string>,
  language: Language,
  w: RuleWord,
): Diagnostic {
  const params = { match: w.form };
  return {
    ruleId,
    category,
    severity: 'info',
    message: fill(messages[language], params),
    messageEn: fill(messages.en, params),
    ...lines.span(w.start, w.end),
    suggestions: [],
    excerpt: excerptOf(text, w.start, w.end),
  };
}

/** Runs the rule entries and the easy-read familiarity check over every sentence. */
export function ruleFindings(
  text: string,
  lines: LineIndex,
  paragraphs: ParagraphModel[],
  profile: Profile,
  options: AnalyseOptions,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rules: readonly RuleEntry[] = options.rules ?? [];
  const resources = options.resources;
  const byLanguage = new Map<Language, SentenceView[]>();
  const explainedOnce = new Set<string>();
  // Words an easy-read rule knows, reported or not: the familiarity check leaves them alone.
  const covered = new Set<number>();
  for (const p of paragraphs) {
    const views = sentenceViews(text, p);
    const list = byLanguage.get(p.language);
    if (list) list.push(...views);
    else byLanguage.set(p.language, views);
    if (rules.length === 0) continue;
    const morphology = resources?.morphology?.[p.language] ?? NO_MORPHOLOGY;
    const compiled = compileRules(rules, p.language, profile, morphology, KINDS[p.language]);
    const ctx = { language: p.language, morphology, lexicon: resources?.lexicons?.[p.language], frequency: resources?.frequency?.[p.language] };
    for (const view of views) {
      for (const m of matchSentence(compiled, view, ctx)) {
        // An easy-read word is explained once per text, not at every use.
        if (m.entry.category === 'easy-read') {
          covered.add(m.start);
          if (explainedOnce.has(m.entry.id)) continue;
          explainedOnce.add(m.entry.id);
        }
        out.push(toDiagnostic(text, lines, p.language, m));
      }
    }
  }
  if (options.spelling) {
    for (const [language, views] of byLanguage) {
      const id = `${language}/spelling/unknown-word`;
      const lexicon = resources?.lexicons?.[language];
      if (!lexicon || options.disabled?.has(id)) continue;
      const flagged = new Set(out.map((d) => d.offset));
      for (const view of views) {
        for (const w of misspelt(view, lexicon, options.knownWords)) {
          if (flagged.has(w.start)) continue;
          // Suggestions are slow (0.1–0.25 s a word): editors ask for them on demand, never here.
          out.push(wordFinding(text, lines, id, 'spelling', SPELLING_MESSAGE, language, w));
        }
      }
    }
  }
  if (profile === 'easy-read') {
    for (const [language, views] of byLanguage) {
      const id = `${language}/easy-read/unfamiliar-word`;
      const frequency = resources?.frequency?.[language];
      if (!frequency || options.disabled?.has(id)) continue;
      const morphology = resources?.morphology?.[language] ?? NO_MORPHOLOGY;
      // Words a rule already flags carry a better message; skip them here.
      const flagged = new Set(out.map((d) => d.offset));
      for (const w of unfamiliarWords(views, { language, frequency, morphology })) {
        if (flagged.has(w.start) || covered.has(w.start) || options.knownWords?.has(w.lower)) continue;
        out.push(wordFinding(text, lines, id, 'easy-read', UNFAMILIAR_MESSAGE, language, w));
      }
    }
  }
  return out;
}

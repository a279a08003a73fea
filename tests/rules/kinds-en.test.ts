/**
 * The English code-backed kinds (passive, nominalisation), called directly with the shipped
 * entries from rules/en/*.yaml, so the tests cover the exception lists the rules really use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS_EN } from '../../src/core/rules/kinds/en.js';
import type { KindContext, KindMatch, Morphology, RuleEntry, SentenceView } from '../../src/core/rules/types.js';
import { parseRuleFile } from '../../src/node/rules.js';
import { sentenceView } from './sentence-view.js';

const RULES = join(import.meta.dirname, '..', '..', 'rules', 'en');

function entryOf(file: string, kind: string): RuleEntry {
  const entries = parseRuleFile(file, readFileSync(join(RULES, file), 'utf8'), 'en');
  const entry = entries.find((e) => e.kind === kind);
  if (!entry) throw new Error(`no ${kind} entry in ${file}`);
  return entry;
}

const passiveEntry = entryOf('passive.yaml', 'passive');
const nominalEntry = entryOf('nominalisation.yaml', 'nominalisation');

/** Just the support-verb forms the sentences below use. */
const LEMMAS: Record<string, string[]> = {
  made: ['make'],
  makes: ['make'],
  making: ['make'],
  gave: ['give'],
  given: ['give'],
  carried: ['carry'],
  conducted: ['conduct'],
  took: ['take'],
  taken: ['take'],
  reached: ['reach'],
  came: ['come'],
  submitted: ['submit'],
};
const morphology: Morphology = {
  lemmasOf: (form) => LEMMAS[form] ?? [],
  formsOf: () => [],
};
const ctx: KindContext = { language: 'en', morphology };

const view = sentenceView;

function run(kind: 'passive' | 'nominalisation', sentence: string): KindMatch[] {
  const check = KINDS_EN[kind];
  if (!check) throw new Error(`no ${kind} kind`);
  return check(view(sentence), kind === 'passive' ? passiveEntry : nominalEntry, ctx);
}

const texts = (kind: 'passive' | 'nominalisation', sentence: string): string[] =>
  run(kind, sentence).map((m) => sentence.slice(m.start, m.end));

describe('en passive', () => {
  it('finds be + regular and irregular participles with the whole verb group', () => {
    expect(texts('passive', 'Bins are emptied every Tuesday.')).toEqual(['are emptied']);
    expect(texts('passive', 'The form must be signed by both tenants.')).toEqual(['must be signed']);
    expect(texts('passive', 'A decision has been made about your claim.')).toEqual(['has been made']);
    expect(texts('passive', 'The decision was taken in May.')).toEqual(['was taken']);
    expect(texts('passive', 'The road is being resurfaced.')).toEqual(['is being resurfaced']);
  });

  it('reads adverbs, negation and contractions inside the verb group', () => {
    expect(texts('passive', 'Late forms will not be accepted.')).toEqual(['will not be accepted']);
    expect(texts('passive', 'Fines are usually issued by wardens.')).toEqual(['are usually issued']);
    expect(texts('passive', 'Bills that aren’t paid are sent to an agency.')).toEqual(['aren’t paid', 'are sent']);
    expect(texts('passive', "You're required to show a passport.")).toEqual(["You're required"]);
  });

  it('finds the get-passive but not get-idioms', () => {
    expect(texts('passive', 'The parcel got damaged on the way.')).toEqual(['got damaged']);
    expect(texts('passive', 'You will get paid on Friday.')).toEqual([]);
    expect(texts('passive', 'Many couples get married here.')).toEqual([]);
  });

  it('skips participles that are adjectives after be', () => {
    expect(texts('passive', 'If you are interested, call us.')).toEqual([]);
    expect(texts('passive', 'The office is located next to the library.')).toEqual([]);
    expect(texts('passive', 'You are entitled to free parking.')).toEqual([]);
    expect(texts('passive', 'The centre is closed on Sundays.')).toEqual([]);
    expect(texts('passive', 'The number of visits is unlimited.')).toEqual([]);
  });

  it('skips existential there, idioms and compound adjectives', () => {
    expect(texts('passive', 'There are limited places on the course.')).toEqual([]);
    expect(texts('passive', 'There will be reduced fares at weekends.')).toEqual([]);
    expect(texts('passive', 'Children are used to the new timetable.')).toEqual([]);
    expect(texts('passive', 'The money is used for repairs.')).toEqual(['is used']);
    expect(texts('passive', 'We are committed to fair pay.')).toEqual([]);
    expect(texts('passive', 'The scheme is state-funded.')).toEqual([]);
    expect(texts('passive', 'The case was re-examined last week.')).toEqual(['was re-examined']);
  });

  it('does not take -ed nouns, -eed verbs, names or genitives for participles', () => {
    expect(texts('passive', 'The warning light is red.')).toEqual([]);
    expect(texts('passive', 'We need more staff, and the staff need training.')).toEqual([]);
    expect(texts('passive', 'The new manager is Ahmed.')).toEqual([]);
    expect(texts('passive', "The council's approved plan is online.")).toEqual([]);
    expect(texts('passive', 'She has worked here since 2010.')).toEqual([]);
  });

  it('stops at punctuation between be and the participle', () => {
    expect(texts('passive', 'The form is, as we agreed, signed by you.')).toEqual([]);
  });

  it('reports absolute offsets and the match for the message', () => {
    const prefix = 'First sentence here. ';
    const sentence = 'Your form will be\nchecked soon.';
    const [m] = KINDS_EN.passive!(view(sentence, prefix), passiveEntry, ctx);
    expect(m).toBeDefined();
    expect(prefix + sentence).toContain((prefix + sentence).slice(m!.start, m!.end));
    expect((prefix + sentence).slice(m!.start, m!.end)).toBe('will be\nchecked');
    expect(m!.params?.match).toBe('will be checked');
  });

  it('never throws, whatever the options', () => {
    const broken = { ...passiveEntry, options: { be: 'is', irregular: [1, null], maxGap: 'two', idioms: [] } } as unknown as RuleEntry;
    expect(KINDS_EN.passive!(view('It is sent.'), broken, ctx)).toEqual([]);
    const none = { ...passiveEntry, options: undefined } as RuleEntry;
    expect(KINDS_EN.passive!(view('It is sent.'), none, ctx)).toEqual([]);
  });
});

describe('en nominalisation', () => {
  it('finds support verb + action noun, inflected and with determiners or adjectives', () => {
    expect(texts('nominalisation', 'We will make a decision within eight weeks.')).toEqual(['make a decision']);
    expect(texts('nominalisation', 'The board made a final decision on Monday.')).toEqual(['made a final decision']);
    expect(texts('nominalisation', 'The panel gave careful consideration to your letter.')).toEqual(['gave careful consideration']);
    expect(texts('nominalisation', 'Please make payment by 1 May.')).toEqual(['make payment']);
    expect(texts('nominalisation', 'Staff make improvements every year.')).toEqual(['make improvements']);
    expect(texts('nominalisation', 'You can make enquiries at the desk.')).toEqual(['make enquiries']);
  });

  it('needs the particle of a phrasal support verb', () => {
    expect(texts('nominalisation', 'An officer carried out an inspection of the flat.')).toEqual(['carried out an inspection']);
    expect(texts('nominalisation', 'The van carried an inspection team.')).toEqual([]);
    expect(texts('nominalisation', 'The panel came to a decision.')).toEqual(['came to a decision']);
  });

  it('keeps restricted verbs to their own nouns', () => {
    expect(texts('nominalisation', 'The committee took a decision in May.')).toEqual(['took a decision']);
    expect(texts('nominalisation', 'Take action now to protect your home.')).toEqual([]);
    expect(texts('nominalisation', 'You must submit an application for a permit.')).toEqual(['submit an application']);
    expect(texts('nominalisation', 'You must submit a statement of costs.')).toEqual([]);
  });

  it('skips exceptions and fixed pairs', () => {
    expect(texts('nominalisation', 'The change will make a difference to families.')).toEqual([]);
    expect(texts('nominalisation', 'Please make an appointment with your doctor.')).toEqual([]);
    expect(texts('nominalisation', 'We will give you information about the service.')).toEqual([]);
    expect(texts('nominalisation', 'Please give a reference from your employer.')).toEqual([]);
    expect(texts('nominalisation', 'You can make a reference to the earlier letter.')).toEqual(['make a reference']);
  });

  it('does not take the first part of a longer noun phrase for the object', () => {
    expect(texts('nominalisation', 'This will make the application process simpler.')).toEqual([]);
    expect(texts('nominalisation', 'You can make an application online.')).toEqual(['make an application']);
    expect(texts('nominalisation', 'We made the payment, and it arrived.')).toEqual(['made the payment']);
  });

  it('suggests the verb when it knows it', () => {
    const [m] = run('nominalisation', 'We will make a decision soon.');
    expect(m?.suggestions).toEqual(['decide']);
    expect(m?.params).toMatchObject({ match: 'make a decision', noun: 'decision', verb: 'decide' });
    const [other] = run('nominalisation', 'We will make a declaration soon.');
    expect(other?.suggestions).toBeUndefined();
  });

  it('never throws, whatever the options', () => {
    const broken = { ...nominalEntry, options: { supportVerbs: [null, 3, { verb: 7 }, 'make'], suffixes: 'tion' } } as unknown as RuleEntry;
    expect(() => KINDS_EN.nominalisation!(view('We make a decision.'), broken, ctx)).not.toThrow();
    const none = { ...nominalEntry, options: undefined } as RuleEntry;
    expect(KINDS_EN.nominalisation!(view('We make a decision.'), none, ctx)).toEqual([]);
  });
});

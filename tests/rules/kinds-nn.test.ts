/**
 * The nynorsk rule kinds (passive, nominalisation, consistency), called directly with the real
 * entries of rules/nn/*.yaml, so that both the logic and the word lists in `options` are tested.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS_NN } from '../../src/core/rules/kinds/nn.js';
import type { KindCheck, KindContext, Morphology, RuleEntry, SentenceView } from '../../src/core/rules/types.js';
import { loadRuleFile } from '../../src/node/rules.js';
import { sentenceView } from './sentence-view.js';

const RULES = join(import.meta.dirname, '..', '..', 'rules', 'nn');

function entry(file: string, id: string): RuleEntry {
  const found = loadRuleFile(join(RULES, file)).find((e) => e.id === id);
  if (!found) throw new Error(`${id} not found in ${file}`);
  return found;
}

const view = sentenceView;

/** A stub morphology: just the support-verb forms the nominalisation tests need. */
const FORMS: Record<string, string> = { gjennomførte: 'gjennomføre', gjer: 'gjere', føretek: 'føreta' };
const morphology: Morphology = {
  lemmasOf: (form) => (FORMS[form] ? [FORMS[form] as string] : []),
  formsOf: () => [],
};
const ctx: KindContext = { language: 'nn', morphology };

function found(check: KindCheck | undefined, rule: RuleEntry, sentence: string): string[] {
  if (!check) throw new Error('kind missing');
  const s = view(sentence);
  return check(s, rule, ctx).map((m) => s.text.slice(m.start, m.end));
}

describe('nn passive: -ast without a modal (the commonest nynorsk error)', () => {
  const rule = entry('passive.yaml', 'nn/passive/st-passiv-utan-modalverb');
  const check = KINDS_NN.passive;

  it('is an error-severity rule', () => {
    expect(rule.severity).toBe('error');
  });

  it('finds present-tense -ast passives', () => {
    expect(found(check, rule, 'Søknaden behandlast innan tre veker.')).toEqual(['behandlast']);
    expect(found(check, rule, 'Tilskotet utbetalast kvar månad.')).toEqual(['utbetalast']);
    expect(found(check, rule, 'Når søknaden sendast inn, får du svar.')).toEqual(['sendast']);
  });

  it('accepts -ast after a modal verb or the infinitive marker', () => {
    for (const s of [
      'Søknaden må behandlast innan tre veker.',
      'Skjemaet kan ikkje sendast inn på papir.',
      'Kan søknaden sendast i dag?',
      'Saka skal lesast og vurderast av to personar.',
      'Ho ønskjer å veljast inn i styret.',
    ]) {
      expect(found(check, rule, s), s).toEqual([]);
    }
  });

  it('leaves superlatives, deponents and nouns in -ast alone', () => {
    for (const s of [
      'Dette er den enklaste måten.',
      'Det er viktigast å søkje tidleg.',
      'Vi svarer seinast i mai.',
      'Det er raskast å søkje på nettet.',
      'Det finnast fleire måtar.',
      'Elevane trivast på skulen.',
      'Han har skrive eit utkast til brevet.',
      'Vi gler oss til å møtast.',
      'Skulen er aller tryggast om vinteren.',
    ]) {
      expect(found(check, rule, s), s).toEqual([]);
    }
  });

  it('does not count a modal in another clause', () => {
    expect(found(check, rule, 'Du må vite at søknaden sendast vidare.')).toEqual(['sendast']);
  });
});

describe('nn passive: -ast after a modal', () => {
  const rule = entry('passive.yaml', 'nn/passive/st-passiv');
  const check = KINDS_NN.passive;

  it('reports the correct s-passive as an ordinary passive, and only that', () => {
    expect(rule.severity).toBe('info');
    expect(found(check, rule, 'Vedtaket kan påklagast.')).toEqual(['påklagast']);
    expect(found(check, rule, 'Søknaden behandlast i dag.')).toEqual([]);
  });
});

describe('nn passive: bli/verte/vere + participle', () => {
  const rule = entry('passive.yaml', 'nn/passive/bli-passiv');
  const check = KINDS_NN.passive;

  it('finds blir/vert/vart/er + participle', () => {
    expect(found(check, rule, 'Søknaden blir behandla av eit utval.')).toEqual(['blir behandla']);
    expect(found(check, rule, 'Klaga vart sendt til fylket.')).toEqual(['vart sendt']);
    expect(found(check, rule, 'Søknaden din er innvilga.')).toEqual(['er innvilga']);
    expect(found(check, rule, 'Kostnadene vert dekte av staten.')).toEqual(['vert dekte']);
    expect(found(check, rule, 'Når blir saka behandla?')).toEqual(['blir saka behandla']);
  });

  it('leaves feminine nouns, adjectives and states alone', () => {
    for (const s of [
      'Dette er saka vi snakka om.',
      'Det blir vanskeleg å rekkje fristen.',
      'Du blir kjend med dei andre.',
      'Kontoret er stengt i juli.',
      'Han er fødd i Bergen.',
      'Han er i målgruppa for tilbodet.',
      'Søknaden er i god behandling.',
    ]) {
      expect(found(check, rule, s), s).toEqual([]);
    }
  });
});

describe('nn nominalisation', () => {
  const rule = entry('nominalisation.yaml', 'nn/nominalisation/tomt-verb');
  const check = KINDS_NN.nominalisation;

  it('finds a support verb with a verbal noun and suggests the verb', () => {
    const s = view('Vi skal gjennomføre ei kartlegging av behovet.');
    const [m] = check!(s, rule, ctx);
    expect(s.text.slice(m!.start, m!.end)).toBe('gjennomføre ei kartlegging');
    expect(m!.suggestions).toEqual(['kartleggje']);
    expect(found(check, rule, 'Legen gjer ei undersøking av skaden.')).toEqual(['gjer ei undersøking']);
    expect(found(check, rule, 'Styret skal treffe ei avgjerd i mai.')).toEqual(['treffe ei avgjerd']);
  });

  it('leaves nouns that are not verbal nouns alone', () => {
    expect(found(check, rule, 'Vi gjer mange ting for deg.')).toEqual([]);
    expect(found(check, rule, 'Ho gjennomførte utdanninga på tre år.')).toEqual([]);
  });
});

describe('nn consistency', () => {
  const rule = entry('consistency.yaml', 'nn/consistency/bokmal-i-nynorsk');
  const check = KINDS_NN.consistency;

  it('reports bokmål forms with the nynorsk form as suggestion', () => {
    const s = view('Jeg kan ikke kome fra kontoret.');
    const out = check!(s, rule, ctx);
    expect(out.map((m) => s.text.slice(m.start, m.end))).toEqual(['Jeg', 'ikke', 'fra']);
    expect(out.map((m) => m.suggestions?.[0])).toEqual(['Eg', 'ikkje', 'frå']);
  });

  it('applies the -inger ending rule, and leaves forms both standards allow', () => {
    expect(found(check, rule, 'Vi har fått nye opplysninger.')).toEqual(['opplysninger']);
    expect(found(check, rule, 'Derfor har eg blitt med i styret, og òg i rådet.')).toEqual([]);
    expect(found(check, rule, 'Telefonen ringer heile dagen.')).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on odd options or empty sentences', () => {
    const base = entry('passive.yaml', 'nn/passive/st-passiv-utan-modalverb');
    const odd: RuleEntry = { ...base, options: { mode: 'ast-present', modals: 'skal', minLength: null } };
    expect(() => found(KINDS_NN.passive, odd, 'Søknaden behandlast.')).not.toThrow();
    expect(KINDS_NN.passive!(view(''), base, ctx)).toEqual([]);
    const none: RuleEntry = { ...base, options: undefined };
    expect(found(KINDS_NN.passive, none, 'Dette er ein test.')).toEqual([]);
  });
});

/**
 * The bokmål rule kinds (passive, nominalisation, consistency), called directly with the real
 * entries of rules/nb/*.yaml, so that both the logic and the word lists in `options` are tested.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS_NB } from '../../src/core/rules/kinds/nb.js';
import type { KindCheck, KindContext, Morphology, RuleEntry, SentenceView } from '../../src/core/rules/types.js';
import { loadRuleFile } from '../../src/node/rules.js';
import { sentenceView } from './sentence-view.js';

const RULES = join(import.meta.dirname, '..', '..', 'rules', 'nb');

function entry(file: string, id: string): RuleEntry {
  const found = loadRuleFile(join(RULES, file)).find((e) => e.id === id);
  if (!found) throw new Error(`${id} not found in ${file}`);
  return found;
}

const view = sentenceView;

/** A stub morphology: just the support-verb forms the nominalisation tests need. */
const FORMS: Record<string, string> = { foretar: 'foreta', foretok: 'foreta', foretas: 'foreta', gjennomførte: 'gjennomføre', gjør: 'gjøre', traff: 'treffe' };
const morphology: Morphology = {
  lemmasOf: (form) => (FORMS[form] ? [FORMS[form] as string] : []),
  formsOf: () => [],
};
const ctx: KindContext = { language: 'nb', morphology };

function found(check: KindCheck | undefined, rule: RuleEntry, sentence: string): string[] {
  if (!check) throw new Error('kind missing');
  const s = view(sentence);
  return check(s, rule, ctx).map((m) => s.text.slice(m.start, m.end));
}

describe('nb passive: s-passive', () => {
  const rule = entry('passive.yaml', 'nb/passive/s-passiv');
  const check = KINDS_NB.passive;

  it('finds s-passives, including short forms and sentence-initial verbs', () => {
    expect(found(check, rule, 'Søknaden behandles innen tre uker.')).toEqual(['behandles']);
    expect(found(check, rule, 'Det gis ikke tilskudd til reiser.')).toEqual(['gis']);
    expect(found(check, rule, 'Saken foretas av styret og ivaretas av rådmannen.')).toEqual(['foretas', 'ivaretas']);
    expect(found(check, rule, 'Behandles den i dag?')).toEqual(['Behandles']);
  });

  it('leaves deponents alone', () => {
    for (const s of [
      'Det finnes flere måter å søke på.',
      'Hun synes det er vanskelig.',
      'Barna trives i barnehagen.',
      'Elevene lykkes når de får hjelp.',
      'Forsinkelsen skyldes snøen.',
      'Vi møtes klokken ni.',
      'Det fantes ingen kopi.',
    ]) {
      expect(found(check, rule, s), s).toEqual([]);
    }
  });

  it('never takes a genitive for a passive', () => {
    for (const s of [
      'Kommunens tilbud gjelder alle.',
      'Norges største by er Oslo.',
      'Det er en kommunes plikt å svare.',
      'Hver skoles plan skal være klar.',
      'Innbyggernes behov kommer først.',
      'Kommunenes økonomi er stram.',
      'De eldres behov er viktige.',
      'Vi tok hensyn til den enkeltes ønsker.',
      'Agnes bor i Bergen.',
      'Dette er deres og hennes ansvar.',
    ]) {
      expect(found(check, rule, s), s).toEqual([]);
    }
  });

  it('reads de/den + -es as a verb only when a function word or the clause end follows', () => {
    expect(found(check, rule, 'Brevene er klare, og de sendes ut i dag.')).toEqual(['sendes']);
    expect(found(check, rule, 'Skjemaet er nytt, og den brukes.')).toEqual(['brukes']);
    expect(found(check, rule, 'Vi hørte de ansattes forslag.')).toEqual([]);
  });

  it('treats treffes after vi/dere/de as reciprocal, otherwise as passive', () => {
    expect(found(check, rule, 'Vi treffes på kontoret.')).toEqual([]);
    expect(found(check, rule, 'Vedtaket treffes av styret.')).toEqual(['treffes']);
  });

  it('reports exact absolute offsets', () => {
    const s = view('Søknaden behandles nå.', 10);
    const [m] = KINDS_NB.passive!(s, rule, ctx);
    expect(m).toMatchObject({ start: 19, end: 28, params: { match: 'behandles' } });
    expect(s.text.slice(m!.start, m!.end)).toBe('behandles');
  });
});

describe('nb passive: bli/være + participle', () => {
  const rule = entry('passive.yaml', 'nb/passive/bli-passiv');
  const check = KINDS_NB.passive;

  it('finds bli/være + participle, across a negation or subject', () => {
    expect(found(check, rule, 'Søknaden blir behandlet av et utvalg.')).toEqual(['blir behandlet']);
    expect(found(check, rule, 'Du vil bli kontaktet av oss.')).toEqual(['bli kontaktet']);
    expect(found(check, rule, 'Søknaden din er innvilget.')).toEqual(['er innvilget']);
    expect(found(check, rule, 'Hvis skjemaet ikke blir sendt inn, mister du retten.')).toEqual(['blir sendt']);
    expect(found(check, rule, 'Når blir vedtaket sendt ut?')).toEqual(['blir vedtaket sendt']);
    expect(found(check, rule, 'Saken har blitt vurdert på nytt.')).toEqual(['blitt vurdert']);
  });

  it('leaves adjectives, states, nouns and motion perfects alone', () => {
    for (const s of [
      'Det blir vanskelig å rekke fristen.',
      'Du blir kjent med de andre.',
      'Kontoret er stengt i juli.',
      'Han er født i Bergen.',
      'Dette er resultatet av undersøkelsen.',
      'Hva er beløpet?',
      'Renten er 5 prosent.',
      'Prisen blir lavere neste år.',
      'Han er kommet hjem.',
      'Hun er student.',
      'Det blir et mer sammensatt bilde.',
      'Tiltaket blir mer målrettet.',
      'Fylket er Innlandet.',
      'Det er lurt å søke tidlig.',
    ]) {
      expect(found(check, rule, s), s).toEqual([]);
    }
  });

  it('does not join words across punctuation', () => {
    expect(found(check, rule, 'Det blir, innvilget eller ikke, et svar.')).toEqual([]);
  });
});

describe('nb nominalisation', () => {
  const rule = entry('nominalisation.yaml', 'nb/nominalisation/tomt-verb');
  const check = KINDS_NB.nominalisation;

  it('finds a support verb with a verbal noun and suggests the verb', () => {
    const s = view('Vi skal foreta en grundig vurdering av saken.');
    const [m] = check!(s, rule, ctx);
    expect(s.text.slice(m!.start, m!.end)).toBe('foreta en grundig vurdering');
    expect(m!.suggestions).toEqual(['vurdere']);
    expect(found(check, rule, 'Kommunen gjennomførte en kartlegging av behovet.')).toEqual(['gjennomførte en kartlegging']);
    expect(found(check, rule, 'Det foretas en ny beregning hvert år.')).toEqual(['foretas en ny beregning']);
    expect(found(check, rule, 'Styret traff en beslutning.')).toEqual(['traff en beslutning']);
  });

  it('uses the irregular map for verbs the endings get wrong', () => {
    const s = view('Styret vil treffe en beslutning i mai.');
    expect(check!(s, rule, ctx)[0]?.suggestions).toEqual(['beslutte']);
  });

  it('leaves nouns that are not verbal nouns alone', () => {
    expect(found(check, rule, 'Vi gjør mange ting for deg.')).toEqual([]);
    expect(found(check, rule, 'Hun gjennomførte utdanningen på tre år.')).toEqual([]);
    expect(found(check, rule, 'Vi gjør det vi kan.')).toEqual([]);
  });
});

describe('nb consistency', () => {
  const rule = entry('consistency.yaml', 'nb/consistency/nynorsk-i-bokmal');
  const check = KINDS_NB.consistency;

  it('reports nynorsk forms with the bokmål form as suggestion, keeping the capital', () => {
    const s = view('Eg kan ikkje komme frå kontoret.');
    const out = check!(s, rule, ctx);
    expect(out.map((m) => s.text.slice(m.start, m.end))).toEqual(['Eg', 'ikkje', 'frå']);
    expect(out.map((m) => m.suggestions?.[0])).toEqual(['Jeg', 'ikke', 'fra']);
  });

  it('applies the -ingar ending rule and skips names', () => {
    expect(found(check, rule, 'Vi har fått nye opplysningar.')).toEqual(['opplysningar']);
    expect(found(check, rule, 'Anna bor i Kvam, og Eirik bor i Eid.')).toEqual([]);
    expect(found(check, rule, 'Du kan ikke søke etter fristen.')).toEqual([]);
  });
});

describe('robustness', () => {
  const broken: RuleEntry = {
    ...entry('passive.yaml', 'nb/passive/s-passiv'),
    options: { mode: 's-passive', deponents: 'finnes', shortForms: [1, null, 'gis'], minLength: 'x' },
  };

  it('tolerates mistyped options and never throws', () => {
    expect(found(KINDS_NB.passive, broken, 'Det gis tilskudd.')).toEqual(['gis']);
    const odd: RuleEntry = { ...broken, options: { mode: 'periphrastic', auxiliaries: { bli: true } } };
    expect(found(KINDS_NB.passive, odd, 'Søknaden blir behandlet.')).toEqual([]);
    const none: RuleEntry = { ...broken, options: undefined };
    expect(() => found(KINDS_NB.nominalisation, none, 'Vi skal foreta en vurdering.')).not.toThrow();
    expect(() => found(KINDS_NB.consistency, none, 'Eg veit ikkje.')).not.toThrow();
  });

  it('handles empty sentences and gives the same answer on repeated calls', () => {
    const rule = entry('passive.yaml', 'nb/passive/s-passiv');
    expect(KINDS_NB.passive!(view(''), rule, ctx)).toEqual([]);
    const s = view('Søknaden behandles.');
    expect(KINDS_NB.passive!(s, rule, ctx)).toEqual(KINDS_NB.passive!(s, rule, ctx));
  });
});

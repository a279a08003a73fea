/**
 * The Swedish code-backed kinds (passive, double passive, nominalisation, double negation),
 * called directly with the shipped entries from rules/sv/*.yaml, so the tests cover the
 * exception lists and suffix tables the rules really use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS_SV } from '../../src/core/rules/kinds/sv.js';
import type { Kind, KindCheck, KindContext, KindMatch, Morphology, RuleEntry, SentenceView } from '../../src/core/rules/types.js';
import type { Lexicon } from '../../src/core/types.js';
import { parseRuleFile } from '../../src/node/rules.js';
import { sentenceView } from './sentence-view.js';

const RULES = join(import.meta.dirname, '..', '..', 'rules', 'sv');

function entry(file: string, id: string): RuleEntry {
  const found = parseRuleFile(file, readFileSync(join(RULES, file), 'utf8'), 'sv').find((e) => e.id === id);
  if (!found) throw new Error(`no ${id} in ${file}`);
  return found;
}

const passive = entry('passive.yaml', 'sv/passive/s-passive');
const doublePassive = entry('passive.yaml', 'sv/passive/double');
const nominal = entry('nominalisation.yaml', 'sv/nominalisation/support-verb');
const negation = entry('double-negation.yaml', 'sv/double-negation/inte-o');

/** Just the forms the sentences below need from dictionaries/morphology/sv.tsv. */
const LEMMAS: Record<string, string[]> = {
  bestäms: ['bestämma'],
  väljs: ['välja'],
  gicks: ['gå'],
  genomföra: ['genomföra'],
  genomför: ['genomföra'],
  genomförs: ['genomföra'],
  gör: ['göra'],
  görs: ['göra'],
  göra: ['göra'],
  gjorde: ['göra'],
  utför: ['utföra'],
  sker: ['ske'],
  skedde: ['ske'],
  vidtar: ['vidta'],
};
const morphology: Morphology = { lemmasOf: (form) => LEMMAS[form] ?? [], formsOf: () => [] };
const ctx: KindContext = { language: 'sv', morphology };

const view = sentenceView;

function check(kind: Kind): KindCheck {
  const found = KINDS_SV[kind];
  if (!found) throw new Error(`no ${kind} kind`);
  return found;
}

function run(kind: Kind, e: RuleEntry, sentence: string, context: KindContext = ctx): KindMatch[] {
  return check(kind)(view(sentence), e, context);
}

/** The matched text of every finding. */
function found(kind: Kind, e: RuleEntry, sentence: string, context: KindContext = ctx): string[] {
  return run(kind, e, sentence, context).map((m) => sentence.slice(m.start, m.end));
}

const passives = (sentence: string): string[] => found('passive', passive, sentence);

describe('sv passive', () => {
  it.each([
    ['Ansökan beviljas av nämnden.', ['beviljas']],
    ['Beslutet skickades i går.', ['skickades']],
    ['Ärendet har prövats två gånger.', ['prövats']],
    ['Ansökan görs på en blankett.', ['görs']],
    ['Tillstånd gavs för ett år.', ['gavs']],
    ['Stödet har getts till alla.', ['getts']],
    ['Boken har skrivits om.', ['skrivits']],
    ['Avgiften höjs i januari.', ['höjs']],
    ['Skolan stängs i juni.', ['stängs']],
    ['Ärendet handläggs av kommunen.', ['handläggs']],
    ['Hyran bestäms varje år.', ['bestäms']],
    ['Ordföranden väljs av styrelsen.', ['väljs']],
    ['Förslaget gicks igenom noga.', ['gicks']],
    ['Han har varnats två gånger.', ['varnats']],
    ['Beviljas stödet får du ett brev.', ['Beviljas']],
  ])('flags the s-passive in %s', (sentence, expected) => {
    expect(passives(sentence)).toEqual(expected);
  });

  it('includes a following verb particle in the finding', () => {
    expect(passives('Blanketten ska lämnas in före maj.')).toEqual(['lämnas in']);
    expect(passives('Avgiften tas ut varje månad.')).toEqual(['tas ut']);
    expect(passives('Ärendet behandlas av nämnden.')).toEqual(['behandlas']);
  });

  it.each([
    'Det finns plats för alla.',
    'Vi hoppas att du trivs här.',
    'Vi lyckades till slut.',
    'Hon minns inte datumet.',
    'Han andas lugnt och låtsas sova.',
    'Alla svettas när det är varmt.',
    'Befolkningen åldras snabbt.',
    'De umgås ofta och slåss aldrig.',
    'Det syns inte och tycks inte störa.',
    'Det känns bra och det behövs.',
    'Det krävs inget intyg.',
    'Vi ses i morgon.',
    'Ni hörs väl på telefon.',
    'Barnet föddes i maj.',
  ])('leaves deponents and reciprocal verbs alone: %s', (sentence) => {
    expect(passives(sentence)).toEqual([]);
  });

  it.each([
    'Kommunens beslut gäller barnets skola.',
    'Förvaltningens svar kom i går.',
    'Försäkringskassans handläggare ringer.',
    'Kommunernas och regionernas samarbete fortsätter.',
    'Områdenas gränser är desamma.',
    'Lärarnas fack och läkarnas förbund.',
    'Det gäller för barns rätt.',
    'Det är en kvinnas rätt att välja.',
    'Varje människas värde är lika.',
    'Den sökandes inkomst avgör.',
    'De anställdas fack svarade.',
    'Den försäkrades inkomst avgör.',
    'Det är vår skolas uppgift.',
    'Vi har två års erfarenhet.',
    'Tre månaders uppsägning gäller.',
    'Barns och ungas rätt är viktig.',
    'Deras och andras åsikter räknas lika.',
  ])('never reads a genitive as a passive: %s', (sentence) => {
    expect(passives(sentence).filter((m) => m !== 'räknas')).toEqual([]);
  });

  it.each([
    'Sveriges regering är vald.',
    'Vi reser till Annas familj.',
    'Arbetsplats och parkeringsplats finns.',
    'Vänta tills du får svar, annars ringer vi.',
    'Det spelar ingen roll alls.',
    'Du får förstås ringa.',
    'Diabetes är vanligt.',
    'Kursen är gratis och har hög status.',
    'Enligt OECD:s rapport är det så.',
    'Vi arbetar med kultur-, idrotts- och fritidsfrågor.',
    'Vi gick längs ån tillsammans.',
    'Det gäller LSS och SFB.',
    'Det tar tid, dvs. flera veckor.',
  ])('never reads a noun, name or adverb as a passive: %s', (sentence) => {
    expect(passives(sentence)).toEqual([]);
  });

  it('reports exact absolute offsets inside a longer text', () => {
    const prefix = 'Första meningen. ';
    const sentence = 'Beslutet skickas i dag.';
    const [match] = check('passive')(view(sentence, prefix), passive, ctx);
    expect(match).toBeDefined();
    expect(prefix + sentence).toContain('skickas');
    expect((prefix + sentence).slice(match!.start, match!.end)).toBe('skickas');
    expect(match!.start).toBe(prefix.length + sentence.indexOf('skickas'));
    expect(match!.params?.match).toBe('skickas');
  });

  it('leaves a double passive to the double-passive entry', () => {
    expect(passives('En ny nämnd föreslås inrättas.')).toEqual([]);
    expect(found('passive', doublePassive, 'En ny nämnd föreslås inrättas.')).toEqual(['föreslås inrättas']);
    expect(found('passive', doublePassive, 'Avgiften beräknas höjas i höst.')).toEqual(['beräknas höjas']);
    expect(found('passive', doublePassive, 'Ansökan beviljas, och pengarna betalas ut.')).toEqual([]);
  });
});

const nominalisations = (sentence: string, context: KindContext = ctx): string[] => found('nominalisation', nominal, sentence, context);

describe('sv nominalisation', () => {
  it.each([
    ['Kommunen ska genomföra en utvärdering av verksamheten.', 'genomföra en utvärdering', 'utvärdera'],
    ['Handläggaren gör en bedömning av behovet.', 'gör en bedömning', 'bedöma'],
    ['Vi utför kontroller varje vecka.', 'utför kontroller', 'kontrollera'],
    ['Kommunen ska genomföra en omfattande utredning.', 'genomföra en omfattande utredning', 'utreda'],
    ['Utbetalningen sker den 25:e.', 'Utbetalningen sker', 'betala ut'],
    ['Ansökan om bidrag görs på webben.', 'Ansökan om bidrag görs', 'söka'],
    ['Under våren genomförs en kartläggning.', 'genomförs en kartläggning', 'kartlägga'],
    ['Vi vidtar en ändring av reglerna.', 'vidtar en ändring', 'ändra'],
  ])('flags %s', (sentence, match, suggestion) => {
    const [m, ...rest] = run('nominalisation', nominal, sentence);
    expect(rest).toEqual([]);
    expect(m && sentence.slice(m.start, m.end)).toBe(match);
    expect(m?.suggestions).toEqual([suggestion]);
  });

  it.each([
    'Vi gör ingenting utan ditt samtycke.',
    'Efter bedömningen görs en plan.',
    'Regeringen genomför en reform.',
    'Utbildningen gör oss starkare.',
    'Vi genomför arbetet i samarbete med skolan.',
    'Det gör det möjligt att bo kvar.',
    'Vi gör det här för familjens skull.',
    'Föreningen gör en resa till fjällen.',
  ])('leaves %s alone', (sentence) => {
    expect(nominalisations(sentence)).toEqual([]);
  });

  it('offers a derived verb only when it is unambiguous or the lexicon confirms it', () => {
    const sentence = 'Vi gör en avvägning mellan behoven.';
    const [plain] = run('nominalisation', nominal, sentence);
    expect(plain && sentence.slice(plain.start, plain.end)).toBe('gör en avvägning');
    expect(plain?.suggestions).toBeUndefined();
    const lexicon: Lexicon = { isWord: (w) => w === 'avväga' };
    const [withLexicon] = run('nominalisation', nominal, sentence, { ...ctx, lexicon });
    expect(withLexicon?.suggestions).toEqual(['avväga']);
  });

  it('takes the verb the frequency table knows, with or without a lexicon, so the suggestion never depends on which dictionaries happened to load', () => {
    const sentence = 'Vi gör en avvägning mellan behoven.';
    const frequency = { size: 1, rank: (w: string) => (w === 'avväga' ? 1 : undefined) };
    const [tableOnly] = run('nominalisation', nominal, sentence, { ...ctx, frequency });
    const [both] = run('nominalisation', nominal, sentence, { ...ctx, frequency, lexicon: { isWord: () => false } });
    expect(tableOnly?.suggestions).toEqual(['avväga']);
    expect(both?.suggestions).toEqual(['avväga']);
  });
});

const negations = (sentence: string, context: KindContext = ctx): string[] => found('double-negation', negation, sentence, context);

describe('sv double negation', () => {
  it('flags a negator before an o-adjective', () => {
    expect(negations('Det är inte ovanligt att det tar tid.')).toEqual(['inte ovanligt']);
    expect(negations('Det är inte helt omöjligt.')).toEqual(['inte helt omöjligt']);
    expect(negations('Kostnaden är ej obetydlig.')).toEqual(['ej obetydlig']);
  });

  it('leaves o-words whose o- negates nothing alone', () => {
    expect(negations('Han är inte orolig.')).toEqual([]);
    expect(negations('Det är inte offentligt än.')).toEqual([]);
    expect(negations('De är inte olika.')).toEqual([]);
    expect(negations('Det sker inte omedelbart.')).toEqual([]);
    expect(negations('Vi kommer inte om det regnar.')).toEqual([]);
  });

  it('uses the lexicon for o-adjectives the list lacks', () => {
    const sentence = 'Utgången är inte oförutsägbar.';
    expect(negations(sentence)).toEqual([]);
    const lexicon: Lexicon = { isWord: (w) => w === 'förutsägbar' };
    expect(negations(sentence, { ...ctx, lexicon })).toEqual(['inte oförutsägbar']);
  });
});

describe('sv kinds are robust', () => {
  const broken: RuleEntry = {
    ...passive,
    options: { exceptions: 5, passiveEndings: 'as', verbs: [null, 3], mode: 7, particles: {} },
  };
  const bare: RuleEntry = { ...passive, options: undefined };

  it('never throw on broken options, empty sentences or a failing morphology', () => {
    const failing: Morphology = {
      lemmasOf: () => {
        throw new Error('boom');
      },
      formsOf: () => [],
    };
    const lexicon: Lexicon = {
      isWord: () => {
        throw new Error('boom');
      },
    };
    for (const kind of ['passive', 'nominalisation', 'double-negation'] as const) {
      for (const e of [broken, bare, passive, nominal, negation]) {
        expect(() => run(kind, e, '')).not.toThrow();
        expect(() => run(kind, e, 'Ansökan görs och beviljas inte ovanligt.', { language: 'sv', morphology: failing, lexicon })).not.toThrow();
      }
    }
    expect(run('passive', bare, 'Ansökan beviljas.')).toEqual([]);
  });

  it('stays fast on a long document', () => {
    const sentences = [
      'Ansökan om bidrag görs på webben och beviljas av nämnden.',
      'Kommunens beslut gäller barnets skola och familjens bostad.',
      'Vi hoppas att du trivs och att det finns plats för alla.',
      'Det är inte ovanligt att handläggaren gör en bedömning av behovet.',
    ].map((s) => view(s));
    const started = performance.now();
    for (let i = 0; i < 5000; i++) {
      const s = sentences[i % sentences.length] as SentenceView;
      check('passive')(s, passive, ctx);
      check('passive')(s, doublePassive, ctx);
      check('nominalisation')(s, nominal, ctx);
      check('double-negation')(s, negation, ctx);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

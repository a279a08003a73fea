/**
 * The Finnish code-backed kinds (src/core/rules/kinds/fi*.ts), called directly with
 * sentence views built here. Small hand-made entries test the logic; the shipped
 * entries (rules/fi/*.yaml) are checked on a few sentences each.
 */
import { describe, expect, it } from 'vitest';
import { KINDS_FI } from '../../src/core/rules/kinds/fi.js';
import type { KindCheck, KindContext, Morphology, RuleEntry, SentenceView } from '../../src/core/rules/types.js';
import { loadBuiltinRules } from '../../src/node/rules.js';
import { sentenceView } from './sentence-view.js';

const view = sentenceView;

/** A morphology that knows only the forms a test needs. */
function morphology(table: Record<string, string>): Morphology {
  return {
    lemmasOf: (form) => (table[form] ? [table[form] as string] : []),
    formsOf: (lemma) => Object.keys(table).filter((f) => table[f] === lemma),
  };
}

const EMPTY = morphology({});

function entry(kind: RuleEntry['kind'], options: Record<string, unknown>): RuleEntry {
  return {
    id: `fi/${kind}/test`,
    category: kind === 'double-negation' ? 'double-negation' : kind === 'passive' ? 'passive' : 'nominalisation',
    kind,
    severity: 'info',
    suggestions: [],
    message: { fi: '{match}', en: '{match}' },
    profiles: ['plain'],
    source: 'test',
    examples: { bad: [], good: [] },
    options,
    language: 'fi',
    file: 'test',
    line: 1,
  };
}

function run(check: KindCheck | undefined, e: RuleEntry, text: string, m: Morphology = EMPTY): string[] {
  if (!check) throw new Error('kind missing');
  const ctx: KindContext = { language: 'fi', morphology: m };
  return check(view(text), e, ctx).map((x) => text.slice(x.start, x.end));
}

const passive = KINDS_FI.passive;
const nominalisation = KINDS_FI.nominalisation;
const negation = KINDS_FI['double-negation'];

describe('fi passive: agent phrase', () => {
  const e = entry('passive', { constructions: ['agent'], agentWords: ['toimesta', 'taholta'] });
  it('reports the genitive and the agent word', () => {
    expect(run(passive, e, 'Talo tarkastetaan kunnan toimesta.')).toEqual(['kunnan toimesta']);
    expect(run(passive, e, 'Asiaa on käsitelty THL:n taholta.')).toEqual(['THL:n taholta']);
  });
  it('leaves "omasta toimesta", a possessive form and a comma alone', () => {
    expect(run(passive, e, 'Hän lähti omasta toimesta.')).toEqual([]);
    expect(run(passive, e, 'Hän lopetti omasta toimestaan.')).toEqual([]);
    expect(run(passive, e, 'Kävin kunnan, toimesta en tiedä.')).toEqual([]);
  });
});

describe('fi passive: modal and necessive', () => {
  const e = entry('passive', {
    constructions: ['modal', 'necessive'],
    auxiliaries: ['voidaan'],
    futureAuxiliaries: ['tullaan'],
    infinitiveEndings: ['ia', 'iä', 'aa', 'ää', 'da', 'dä'],
    futureEndings: ['maan', 'mään'],
    copulas: ['on'],
    personalGenitives: ['sinun'],
    adverbs: ['myös'],
    necessiveEndings: ['ttava', 'ttävä', 'htävä'],
    exceptions: ['riittävä'],
    exceptionEndings: ['kattava'],
  });
  it('reports auxiliary + infinitive and the agentless necessive', () => {
    expect(run(passive, e, 'Maksu voidaan periä takaisin.')).toEqual(['voidaan periä']);
    expect(run(passive, e, 'Asiasta tullaan tiedottamaan.')).toEqual(['tullaan tiedottamaan']);
    expect(run(passive, e, 'Hakemus on jätettävä ajoissa.')).toEqual(['on jätettävä']);
    expect(run(passive, e, 'Todistus on myös liitettävä mukaan.')).toEqual(['on myös liitettävä']);
  });
  it('needs the right infinitive after the auxiliary', () => {
    expect(run(passive, e, 'Kotiin tullaan illalla.')).toEqual([]);
    expect(run(passive, e, 'Tähän voidaan.')).toEqual([]);
  });
  it('skips a named actor, listed adjectives and compounds of them', () => {
    expect(run(passive, e, 'Sinun on jätettävä hakemus.')).toEqual([]);
    expect(run(passive, e, 'Palvelu on riittävä.')).toEqual([]);
    expect(run(passive, e, 'Opas on kokonaiskattava.')).toEqual([]);
  });
});

describe('fi passive: finite forms', () => {
  const e = entry('passive', {
    constructions: ['present', 'past', 'conditional', 'negative', 'perfect'],
    copulas: ['on', 'ole'],
    negators: ['ei'],
    adverbs: ['vielä'],
    presentEndings: ['etaan', 'etään', 'hdään'],
    pastEndings: ['ttiin', 'htiin'],
    conditionalEndings: ['täisiin'],
    connegativeEndings: ['etä', 'eta'],
    participleEndings: ['ttu', 'tty', 'hty'],
    negativeParticipleEndings: ['tty', 'hty'],
    exceptions: ['lähetä', 'tuttu'],
  });
  it('reports present, past, conditional, negative and perfect passives', () => {
    expect(run(passive, e, 'Tuki maksetaan kuun alussa.')).toEqual(['maksetaan']);
    expect(run(passive, e, 'Päätös tehtiin eilen.')).toEqual(['tehtiin']);
    expect(run(passive, e, 'Asia tehtäisiin nopeasti.')).toEqual(['tehtäisiin']);
    expect(run(passive, e, 'Maksua ei palauteta.')).toEqual(['ei palauteta']);
    expect(run(passive, e, 'Hakemusta ei hyväksytty.')).toEqual(['ei hyväksytty']);
    expect(run(passive, e, 'Lomake on vielä lähetetty.')).toEqual(['on vielä lähetetty']);
    expect(run(passive, e, 'Asiaa ei ole tehty.')).toEqual(['ole tehty']);
  });
  it('skips exceptions and names', () => {
    expect(run(passive, e, 'Ei lähetä mitään.')).toEqual([]);
    expect(run(passive, e, 'Tämä on tuttu asia.')).toEqual([]);
    expect(run(passive, e, 'Tapasin Anna Virtasen Helsingissä.')).toEqual([]);
  });
});

describe('fi nominalisation: support verbs', () => {
  const e = entry('nominalisation', {
    window: 1,
    pairs: [
      { verbs: ['suorittaa'], nouns: ['tarkastus'], suggestion: 'tarkastaa' },
      { verbs: ['antaa'], nouns: ['tiedoksi'], suggestion: 'ilmoittaa' },
    ],
  });
  const m = morphology({ suoritetaan: 'suorittaa', suoritti: 'suorittaa', tarkastus: 'tarkastus', tarkastuksen: 'tarkastus', annetaan: 'antaa' });
  it('finds the pair in either order, with one word between', () => {
    expect(run(nominalisation, e, 'Tarkastus suoritetaan keväällä.', m)).toEqual(['Tarkastus suoritetaan']);
    expect(run(nominalisation, e, 'Kunta suoritti talossa tarkastuksen.', m)).toEqual(['suoritti talossa tarkastuksen']);
    expect(run(nominalisation, e, 'Päätös annetaan tiedoksi kirjeellä.', m)).toEqual(['annetaan tiedoksi']);
  });
  it('offers the verb as suggestion', () => {
    const ctx: KindContext = { language: 'fi', morphology: m };
    const [match] = nominalisation?.(view('Tarkastus suoritetaan.'), e, ctx) ?? [];
    expect(match?.suggestions).toEqual(['tarkastaa']);
    expect(match?.params).toEqual({ suggestion: 'tarkastaa' });
  });
  it('does not reach across punctuation or too far', () => {
    expect(run(nominalisation, e, 'Tarkastus, jonka kunta suoritti, oli nopea.', m)).toEqual([]);
    expect(run(nominalisation, e, 'Kunta suoritti tänä vuonna laajan tarkastuksen.', m)).toEqual([]);
  });
});

describe('fi nominalisation: verbal nouns', () => {
  const e = entry('nominalisation', {
    suffixes: ['minen', 'misen', 'mista', 'mistä', 'misestä'],
    exceptions: ['asuminen'],
    notModifiers: ['ennen', 'sinun'],
    modifierExceptionEndings: ['mmin', 'taan', 'tään'],
    coordinators: ['ja'],
    minSentenceWords: 4,
  });
  it('reports a genitive + -minen and a coordinated second one', () => {
    expect(run(nominalisation, e, 'Tuen myöntäminen vie aikaa.')).toEqual(['Tuen myöntäminen']);
    expect(run(nominalisation, e, 'Saat ohjeet hakemuksen lähettämisestä.')).toEqual(['hakemuksen lähettämisestä']);
    expect(run(nominalisation, e, 'Tuen myöntäminen ja maksaminen kestää.')).toEqual(['Tuen myöntäminen', 'maksaminen']);
  });
  it('leaves bare, lexicalised and non-genitive uses alone', () => {
    expect(run(nominalisation, e, 'Hakeminen on helppoa ja nopeaa.')).toEqual([]);
    expect(run(nominalisation, e, 'Kaupungin asuminen on kallista.')).toEqual([]);
    expect(run(nominalisation, e, 'Tarkista tiedot ennen lähettämistä.')).toEqual([]);
    expect(run(nominalisation, e, 'Tietoja tarvitaan tunnistamista varten.')).toEqual([]);
    expect(run(nominalisation, e, 'Ihmisen oikeudet ovat tärkeitä.')).toEqual([]);
    expect(run(nominalisation, e, 'Kysy asiasta Matin Niemiseltä.')).toEqual([]);
  });
  it('skips headings', () => {
    expect(run(nominalisation, e, 'Tuen hakeminen')).toEqual([]);
  });
});

describe('fi double negation', () => {
  const e = entry('double-negation', {
    negators: ['ei'],
    copulas: ['ole'],
    adverbs: ['lainkaan'],
    negativePrefixes: ['epä'],
    negativeSuffixes: ['ton', 'tonta'],
    negativeWords: ['harvinaista'],
    exceptions: ['epäillyt'],
  });
  it('reports a negated negative', () => {
    expect(run(negation, e, 'Muutos ei ole mahdoton.')).toEqual(['ei ole mahdoton']);
    expect(run(negation, e, 'Se ei ole lainkaan epätavallista.')).toEqual(['ei ole lainkaan epätavallista']);
    expect(run(negation, e, 'Viive ei ole harvinaista.')).toEqual(['ei ole harvinaista']);
  });
  it('leaves a plain negation alone', () => {
    expect(run(negation, e, 'Toimisto ei ole auki.')).toEqual([]);
    expect(run(negation, e, 'Poliisi ei ole epäillyt häntä.')).toEqual([]);
  });
});

describe('fi kinds never throw', () => {
  const broken = [
    entry('passive', { constructions: 'agent', agentWords: 5 }),
    entry('passive', { constructions: ['modal', 'necessive', 'present'], auxiliaries: [null, 3], presentEndings: [{}], minLength: 'x' }),
    entry('nominalisation', { pairs: [null, 'x', { verbs: 'suorittaa', nouns: [1] }], window: 'far', suffixes: 'minen' }),
    entry('double-negation', { negators: null }),
  ];
  const sentences = ['', 'ei', 'Ei ole.', 'Tarkastus suoritetaan kunnan toimesta ei ole mahdoton.', '§:n nojalla, ks. liite.'];
  it('returns arrays for odd options and sentences', () => {
    for (const e of broken) {
      for (const s of sentences) {
        const check = KINDS_FI[e.kind];
        expect(() => run(check, e, s)).not.toThrow();
      }
    }
  });
  it('also without options', () => {
    const e = entry('passive', {});
    delete e.options;
    expect(run(passive, e, 'Talo tarkastetaan kunnan toimesta.')).toEqual([]);
  });
});

describe('fi shipped entries (rules/fi)', () => {
  const rules = loadBuiltinRules().filter((r) => r.language === 'fi');
  const byId = (id: string): RuleEntry => {
    const found = rules.find((r) => r.id === id);
    if (!found) throw new Error(`missing ${id}`);
    return found;
  };
  it('modal-necessive keeps the adjectives its exception list names', () => {
    const e = byId('fi/passive/modal-necessive');
    expect(run(passive, e, 'Hakemus on toimitettava ajoissa.')).toEqual(['on toimitettava']);
    expect(run(passive, e, 'Tulos on merkittävä.')).toEqual([]);
    expect(run(passive, e, 'Hän on johtava asiantuntija.')).toEqual([]);
    expect(run(passive, e, 'Passissa on oltava kuva.')).toEqual([]);
  });
  it('finite passive skips frequent look-alikes', () => {
    const e = byId('fi/passive/finite');
    expect(run(passive, e, 'Hakemukset käsitellään syksyllä.')).toEqual(['käsitellään']);
    expect(run(passive, e, 'Hän asuu puolestaan kotona ainoastaan kesällä.')).toEqual([]);
    expect(run(passive, e, 'En tiedä, ei mitään ongelmaa.')).toEqual([]);
    expect(run(passive, e, 'Menen kotiin mielelläni.')).toEqual([]);
    expect(run(passive, e, 'Asia ei onnistu.')).toEqual([]);
  });
  it('the verbal-noun entry skips lexicalised nouns', () => {
    const e = byId('fi/nominalisation/verbal-noun');
    expect(run(nominalisation, e, 'Opintotuen myöntäminen edellyttää hakemusta.')).toEqual(['Opintotuen myöntäminen']);
    expect(run(nominalisation, e, 'Kaupungin asuminen on kallista.')).toEqual([]);
  });
});

describe('fi kinds are fast', () => {
  it('check 20 000 sentences in well under a second each way', () => {
    const rules = loadBuiltinRules().filter((r) => r.language === 'fi' && KINDS_FI[r.kind]);
    const m = morphology({ suoritetaan: 'suorittaa', tarkastus: 'tarkastus' });
    const views = Array.from({ length: 20_000 }, (_, i) => view(`Tarkastus ${i % 2 ? 'suoritetaan' : 'tehdään'} kunnan toimesta, eikä hakemusta ole käsitelty ajoissa.`));
    const started = performance.now();
    for (const v of views) for (const r of rules) KINDS_FI[r.kind]?.(v, r, { language: 'fi', morphology: m });
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

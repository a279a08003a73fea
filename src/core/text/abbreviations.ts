import type { Language } from '../types.js';

/**
 * Abbreviations whose final period must not be taken for the end of a sentence.
 *
 * `inner` abbreviations (t.ex., kl., nr) stand inside a sentence: a capital or a
 * digit after them does not start a new sentence ("t.ex. Sverige", "kl. 13").
 * `final` abbreviations (osv., m.m., e.f.) often close a sentence: after them a
 * capital letter does start one ("vård m.m. Nästa mening."), a digit or a
 * lower-case word does not.
 *
 * Sources for the forms:
 * - sv: Isof, Myndigheternas skrivregler (2014), ch. 11 "Förkortningar", and Isof's list
 *   of common abbreviations (https://www.isof.se/stod-och-sprakrad/spraktjanster/skrivregler)
 * - nb/nn: Språkrådet, "Forkortingar" (https://sprakradet.no/godt-og-korrekt-sprak/rettskriving-og-grammatikk/forkortinger/)
 * - fi: Kotus, "Lyhenteiden kirjoittaminen" and the Kielitoimiston ohjepankki list of
 *   common abbreviations (https://www.kielitoimistonohjepankki.fi/ohje/288)
 * - en: common English abbreviations (The Chicago Manual of Style, ch. 10)
 * The lists are matched case-insensitively against the text before the period.
 */
export interface AbbreviationSet {
  inner: readonly string[];
  final: readonly string[];
}

const SV: AbbreviationSet = {
  inner: [
    't.ex.', 't. ex.', 'bl.a.', 'bl. a.', 's.k.', 'fr.o.m.', 't.o.m.', 'kl.', 'nr.', 's.', 'sid.', 'jfr.', 'jfr',
    'prop.', 'ca.', 'ca', 'kap.', 'pkt.', 'tel.', 'tfn.', 'resp.', 'inkl.', 'exkl.', 'st.', 'f.d.', 'p.g.a.', 'pga.',
    'enl.', 'dnr.', 'dvs.', 'd.v.s.', 'bet.', 'mom.', 'förf.', 'fig.', 'tab.', 'avd.', 'ang.', 't.v.', 'i st.f.',
    'f.n.', 'o.d.', 'fr.', 'ff.', 'vard.', 'ev.', 'gm.',
  ],
  final: ['m.fl.', 'm. fl.', 'm.m.', 'm. m.', 'osv.', 'o.s.v.', 'etc.', 'o.dyl.', 'o.likn.', 'e.m.', 'f.m.', 'f.Kr.', 'e.Kr.'],
};

const NO_INNER = [
  'f.eks.', 'f. eks.', 'bl.a.', 'bl. a.', 'm.a.', 't.d.', 'iht.', 'jf.', 'ca.', 'kl.', 'nr.', 'org.nr.', 'pga.', 'evt.',
  'tlf.', 'tel.', 's.', 'kap.', 'pkt.', 'avd.', 'dvs.', 'd.v.s.', 'inkl.', 'ekskl.', 'ifm.', 'vedr.', 'mht.', 'ang.',
  'sml.', 'jfr.', 'gt.', 'g.', 'st.', 'ref.', 'osb.', 'forts.', 'adr.', 'ev.', 't.o.m.', 'f.o.m.', 'fr.o.m.',
  'prop.', 'innst.', 'pst.', 'mill.', 'mrd.', 'kr.', 'ca',
];
const NO_FINAL = ['m.m.', 'mv.', 'm.v.', 'osv.', 'o.s.v.', 'e.f.', 'f.m.', 'e.m.', 'm.fl.', 'm. fl.', 'etc.', 'o.l.', 'o.a.', 'f.Kr.', 'e.Kr.'];

const NB: AbbreviationSet = { inner: NO_INNER, final: NO_FINAL };
const NN: AbbreviationSet = { inner: [...NO_INNER, 'mfl.'], final: NO_FINAL };

const FI: AbbreviationSet = {
  inner: [
    'esim.', 'ks.', 'mm.', 'ns.', 'n.', 'klo', 'klo.', 'nro', 'nro.', 'viim.', 'vrt.', 'ko.', 'em.', 'ed.', 'ts.',
    'puh.', 'p.', 's.', 'kpl.', 'ml.', 'vs.', 'huom.', 'k.', 'ma.', 'ti.', 'ke.', 'to.', 'pe.',
    'la.', 'su.', 'tammik.', 'helmik.', 'jne', 'ap.', 'ip.', 'ao.', 'asianom.', 'alk.', 'ark.', 'eaa.', 'jaa.',
    'mk.', 'os.', 'yo.', 'ab.', 'oy.',
  ],
  final: ['jne.', 'ym.', 'yms.', 'tms.', 'ym.m.', 'ynnä m.'],
};

const EN: AbbreviationSet = {
  inner: [
    'e.g.', 'i.e.', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'no.', 'nos.', 'vs.', 'cf.', 'approx.', 'fig.', 'p.', 'pp.',
    'ch.', 'sec.', 'st.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
    'inc.', 'ltd.', 'co.', 'dept.', 'est.', 'ed.', 'vol.', 'art.', 'para.', 'tel.',
  ],
  final: ['etc.', 'a.m.', 'p.m.', 'et al.', 'u.s.', 'u.k.'],
};

export const ABBREVIATIONS: Record<Language, AbbreviationSet> = { sv: SV, nb: NB, nn: NN, fi: FI, en: EN };

export type AbbreviationKind = 'inner' | 'final';

interface Matcher {
  /** Abbreviations grouped by their last letter before the period, longest first. */
  byLength: { form: string; kind: AbbreviationKind }[];
}

const matchers = new Map<Language, Matcher>();

function matcherFor(language: Language): Matcher {
  let m = matchers.get(language);
  if (!m) {
    const set = ABBREVIATIONS[language];
    const byLength = [
      ...set.final.map((form) => ({ form: form.toLowerCase(), kind: 'final' as const })),
      ...set.inner.map((form) => ({ form: form.toLowerCase(), kind: 'inner' as const })),
    ]
      // Only forms that end in a period can be mistaken for a sentence end.
      .filter((a) => a.form.endsWith('.'))
      .sort((a, b) => b.form.length - a.form.length);
    m = { byLength };
    matchers.set(language, m);
  }
  return m;
}

const LETTER = /\p{L}/u;

/**
 * Which abbreviation ends at the period at `periodIndex`, if any. The match must
 * start at a word boundary, so "Akersg." is not taken for "g.".
 */
export function abbreviationAt(
  text: string,
  periodIndex: number,
  language: Language,
): { form: string; kind: AbbreviationKind; start: number } | undefined {
  const { byLength } = matcherFor(language);
  const end = periodIndex + 1;
  const window = text.slice(Math.max(0, end - 12), end).toLowerCase();
  for (const a of byLength) {
    if (!window.endsWith(a.form)) continue;
    const start = end - a.form.length;
    const before = start > 0 ? text[start - 1] ?? '' : '';
    if (before && (LETTER.test(before) || before === '.')) continue;
    return { form: a.form, kind: a.kind, start };
  }
  return undefined;
}

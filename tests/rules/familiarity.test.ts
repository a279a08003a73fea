import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { LANGUAGES, type Language } from '../../src/core/types.js';
import { loadResources } from '../../src/node/resources.js';

const resources = await loadResources([...LANGUAGES], { lexicons: false });

function unfamiliar(text: string, language: Language, knownWords?: string[]): string[] {
  const report = analyse(text, { language, profile: 'easy-read', resources, ...(knownWords ? { knownWords: new Set(knownWords) } : {}) });
  return report.diagnostics.filter((d) => d.ruleId === `${language}/easy-read/unfamiliar-word`).map((d) => d.excerpt);
}

describe('easy-read familiarity check', () => {
  it('flags rare words once, and not common, inflected or compound ones', () => {
    expect(unfamiliar('Du får hjälp med maten. Vården är gratis. Ansök om merkostnadsersättning. Merkostnadsersättning är bra.', 'sv')).toEqual([]);
    expect(unfamiliar('Du kan få merkostnadsersättning från kommunen. Ansök om merkostnadsersättning i dag.', 'sv')).toEqual(['merkostnadsersättning']);
    expect(unfamiliar('Du kan få hjälp med bussen och busskortet.', 'sv')).toEqual([]);
  });

  it('does not flag names, numbers, acronyms or explained words', () => {
    expect(unfamiliar('Ring Västerås stad på 021 39 00 00 eller mejla CSN.', 'sv')).toEqual([]);
    expect(unfamiliar('Du kan få försörjningsstöd. Försörjningsstöd betyder pengar till mat och hyra.', 'sv')).toEqual([]);
    expect(unfamiliar('Du kan få försörjningsstöd (pengar till mat och hyra).', 'sv')).toEqual([]);
  });

  it('reads nynorsk with the Norwegian list without flagging common nynorsk forms', () => {
    expect(unfamiliar('Eg veit ikkje kva du treng. Korleis kan vi hjelpe deg?', 'nn')).toEqual([]);
  });

  it('flags a Finnish official term and accepts the organisation’s word list', () => {
    expect(unfamiliar('Voit hakea toimeentulotukea Kelasta.', 'fi')).toEqual(['toimeentulotukea']);
    expect(unfamiliar('Voit hakea toimeentulotukea Kelasta.', 'fi', ['toimeentulotukea'])).toEqual([]);
  });

  it('is off in the plain profile', () => {
    const report = analyse('Du kan få merkostnadsersättning.', { language: 'sv', profile: 'plain', resources });
    expect(report.diagnostics.filter((d) => d.category === 'easy-read')).toEqual([]);
  });
});

describe('a very long word', () => {
  // Found by the fuzz job: every split of a word was tried as a compound, quadratic in
  // its length; a megabyte-long "word" in the easy-read profile took over 20 minutes.
  it('is reported once as unfamiliar, also when it is a megabyte long', () => {
    const word = 'kommunstyrelsenharbehandlatärendet'.repeat(30_000);
    expect(unfamiliar(`Du kan läsa ${word} här.`, 'sv')).toEqual([word.slice(0, 200)]);
    expect(unfamiliar('Du kan få hjälp med bussen och busskortet.', 'sv')).toEqual([]);
  });
});

// Generates dictionaries/morphology/nn.tsv from the nynorsk Hunspell dictionary; see norwegian.mjs.
// Re-run after changing rules/nn: `node scripts/morphology/nn.mjs` (needs `unmunch`).
//
// The nynorsk dictionary lacks many of the words the rules list: officialese is often bokmål-flavoured
// (anvende, meddele, påklage) and shows up in nynorsk texts in nynorsk and in bokmål inflection alike
// ("påklagast", "påklages"). Those lemmas get their forms here, by hand, from the regular nynorsk
// paradigms below (Norsk referansegrammatikk; Nynorskordboka) plus the bokmål endings a translator
// may leave in. Over-generating a rare verb's paradigm is harmless; every form was checked against
// the other lemmas for clashes.
import { buildNorwegianMorphology } from './norwegian.mjs';

/** a-verb (kaste-klassen): infinitive -e/-a, present -ar, past and participle -a, passive -ast; plus bokmål -er/-et/-es. */
function aVerb(lemma) {
  const s = lemma.replace(/[ea]$/, '');
  return [`${s}e`, `${s}a`, `${s}ar`, `${s}ast`, `${s}ande`, `${s}er`, `${s}et`, `${s}es`, `${s}ende`];
}

/** e-verb (kjøpe-klassen): present -er, past -te/-de, participle -t/-d, passive -ast; plus bokmål -es. */
function eVerb(lemma, past, participle) {
  const s = lemma.replace(/e$/, '');
  return [`${s}er`, past, participle, `${s}ast`, `${s}ande`, `${s}es`, `${s}ende`];
}

/** The -ere verbs (fasilitere): -erer, -erte, -ert, -erast, -eres. */
function ereVerb(lemma) {
  const s = lemma.replace(/e$/, '');
  return [`${s}er`, `${s}te`, `${s}t`, `${s}ast`, `${s}es`, `${s}ande`, `${s}ende`];
}

/** Compounds of gjere/gjøre (tydeleggjere, synliggjøre). */
function gjere(prefix) {
  return ['gjere', 'gjer', 'gjorde', 'gjort', 'gjerast', 'gjerande', 'gjøre', 'gjør', 'gjøres', 'gjørende'].map((e) => prefix + e);
}

/** Feminine or masculine -ing/-ning nouns, nynorsk and bokmål endings. */
function noun(lemma) {
  return [`${lemma}a`, `${lemma}en`, `${lemma}ar`, `${lemma}ane`, `${lemma}er`, `${lemma}ene`];
}

const handForms = {
  anføre: eVerb('anføre', 'anførte', 'anført'),
  angå: ['angår', 'angjekk', 'angikk', 'angått', 'angåast', 'angås', 'angåande', 'angående'],
  anmode: aVerb('anmode'),
  anmodning: noun('anmodning'),
  ansjå: ['ansjår', 'ansåg', 'ansett', 'ansjåast'],
  anskaffe: aVerb('anskaffe'),
  ansvarleggjere: gjere('ansvarleg'),
  ansvarliggjøre: gjere('ansvarlig'),
  anvende: eVerb('anvende', 'anvendte', 'anvendt'),
  arbeidsavklaringspengar: ['arbeidsavklaringspengane'],
  arbeidsavklaringspenger: ['arbeidsavklaringspengene'],
  avgi: ['avgir', 'avgav', 'avga', 'avgitt', 'avgis', 'avgjeve', 'avgjeven'],
  avgje: ['avgjev', 'avgjevast', 'avgjeve', 'avgjeven'],
  avkreve: ['avkrever', 'avkrevde', 'avkrevd', 'avkreves', 'avkrevet'],
  avkrevje: ['avkrev', 'avkravde', 'avkravd', 'avkrevjast'],
  avlasting: noun('avlasting'),
  avlastning: noun('avlastning'),
  bemyndige: aVerb('bemyndige'),
  bemyndiga: aVerb('bemyndiga'),
  benytte: aVerb('benytte'),
  bero: ['beror', 'berodde', 'berott'],
  besitje: ['besit', 'besat', 'besete', 'besitjast'],
  besitte: ['besitter', 'besittes'],
  besvare: [...aVerb('besvare'), 'besvart', 'besvarte'],
  besørgje: ['besørgjer', 'besørgde', 'besørgd', 'besørgjast'],
  besørge: ['besørger', 'besørget', 'besørges'],
  bibehalde: ['bibeheld', 'bibeheldt', 'bibehalden', 'bibehaldast'],
  bibeholde: ['bibeholder', 'bibeholdt', 'bibeholdes'],
  bistå: ['bistår', 'bistod', 'bisto', 'bistått', 'biståast', 'bistås'],
  bortfalle: ['bortfell', 'bortfall', 'bortfalle', 'bortfallen', 'bortfalt', 'bortfaller'],
  brukermedvirkning: ['brukermedvirkningen', 'brukermedvirkninga'],
  egenandel: ['egenandelen', 'egenandeler', 'egenandelar'],
  erhalde: ['erheld', 'erheldt', 'erhalden', 'erhaldast'],
  erholde: ['erholder', 'erholdt', 'erholdes'],
  erverve: aVerb('erverve'),
  fasilitere: ereVerb('fasilitere'),
  folkeregistrert: ['folkeregistrerte'],
  forankring: noun('forankring'),
  føreleggje: ['førelegg', 'førela', 'førelagt', 'førelagd', 'føreleggjast'],
  forelegge: ['forelegger', 'forela', 'forelagt', 'forelegges', 'foreleggast'],
  føreliggje: ['føreligg', 'førelåg', 'førelege', 'føreliggjast'],
  foreligge: ['foreligger', 'forelå', 'foreligg', 'forelåg'],
  føreta: ['føretek', 'føretok', 'føreteke', 'føretatt', 'føretakast', 'føretas', 'føretar'],
  foreta: ['foretek', 'foretok', 'foreteke', 'foretatt', 'foretakast', 'foretas', 'foretar'],
  førevise: eVerb('førevise', 'føreviste', 'førevist'),
  forevise: eVerb('forevise', 'foreviste', 'forevist'),
  framhalde: ['framheld', 'framheldt', 'framhalden', 'framhaldast'],
  fremholde: ['fremholder', 'fremholdt', 'fremholdes'],
  framsende: eVerb('framsende', 'framsende', 'framsendt'),
  fremsende: eVerb('fremsende', 'fremsendte', 'fremsendt'),
  fratre: ['fratrer', 'fratredde', 'fratredd', 'fratrådte', 'fratrådt'],
  funksjonalitet: ['funksjonaliteten', 'funksjonalitetar', 'funksjonaliteter'],
  gjøre: ['gjør', 'gjorde', 'gjort', 'gjøres'],
  gjere: ['gjer', 'gjorde', 'gjort'],
  gi: ['gir', 'gav', 'ga', 'gjev', 'gje', 'gjeve', 'gjeven', 'gitt', 'gis'],
  få: ['får', 'fekk', 'fått'],
  ha: ['har', 'hadde'],
  legge: ['legg', 'la', 'lagt', 'lagd', 'legges'],
  leggje: ['legg', 'la', 'lagt', 'lagd'],
  setje: ['set', 'sette', 'sett'],
  ivareta: ['ivaretek', 'ivaretar', 'ivareteke', 'ivaretatt', 'ivaretakast', 'ivaretas'],
  vareta: ['varetek', 'varetar', 'vareteke', 'varetatt', 'varetakast', 'varetas'],
  inneha: ['innehar', 'innehadde'],
  oversende: ['oversendt', 'oversendast', 'oversendte', 'oversendes'],
  anse: ['anser', 'anses', 'ansast', 'anså'],
  treffe: ['trefte', 'traff', 'truffe', 'truffen', 'truffet'],
  underrette: ['underretter', 'underrettes', 'underrettet'],
  godtgjørelse: ['godtgjørelsen', 'godtgjørelser'],
  henstille: ['henstiller', 'henstilte', 'henstilt', 'henstillast', 'henstilles'],
  henstilling: noun('henstilling'),
  henvende: ['henvender', 'henvende', 'henvendte', 'henvendt'],
  henvendelse: ['henvendelsen', 'henvendelsar', 'henvendelsane', 'henvendelser', 'henvendelsene'],
  henvisning: noun('henvisning'),
  hjemle: ['hjemler', 'hjemlet', 'hjemles', 'hjemla'],
  hjemmel: ['hjemmelen', 'hjemlene'],
  igangsetje: ['igangset', 'igangsette', 'igangsett', 'igangsetjast'],
  igangsette: ['igangsetter', 'igangsatt', 'igangsettes', 'igangsatte'],
  ikraftsetjing: noun('ikraftsetjing'),
  ikrafttreding: noun('ikrafttreding'),
  ikrafttredelse: ['ikrafttredelsen'],
  ileggje: ['ilegg', 'ilagt', 'ilagd', 'ileggjast'],
  ilegge: ['ilegger', 'ilegges'],
  implementering: noun('implementering'),
  innbetaling: noun('innbetaling'),
  innvilge: aVerb('innvilge'),
  innvilga: aVerb('innvilga'),
  iverksetje: ['iverkset', 'iverksette', 'iverksett', 'iverksetjast'],
  iverksette: ['iverksetter', 'iverksatt', 'iverksettes', 'iverksatte'],
  iverksettelse: ['iverksettelsen'],
  kvalitetssikre: aVerb('kvalitetssikre'),
  meddele: eVerb('meddele', 'meddelte', 'meddelt'),
  muleggjere: gjere('muleg'),
  mogleggjere: gjere('mogleg'),
  synleggjere: gjere('synleg'),
  godtgjere: gjere('godt'),
  muliggjøre: gjere('mulig'),
  omsorgsovertakelse: ['omsorgsovertakelsen'],
  operasjonalisering: noun('operasjonalisering'),
  oppebære: ['oppebærer', 'oppebar', 'oppebåret'],
  oppebere: ['oppeber', 'oppebar', 'oppebore', 'oppeboren'],
  etterkome: ['etterkjem', 'etterkomast', 'etterkomen'],
  forfalle: ['forfell', 'forfall', 'forfallen', 'forfalt'],
  innbetale: ['innbetalar', 'innbetala', 'innbetalast', 'innbetales'],
  motsetje: ['motset', 'motsette', 'motsett'],
  personopplysning: noun('personopplysning'),
  påberope: [...aVerb('påberope'), 'påberopte', 'påberopt'],
  påklage: aVerb('påklage'),
  påklaga: aVerb('påklaga'),
  påregne: aVerb('påregne'),
  påsjå: ['påsjår', 'påsåg', 'påsett', 'påsjåast'],
  påse: ['påser', 'påså', 'påses'],
  redegjere: gjere('rede'),
  redegjøre: gjere('rede'),
  redegjersle: ['redegjersla', 'redegjersler', 'redegjerslene'],
  redegjørelse: ['redegjørelsen', 'redegjørelser'],
  sakkyndig: ['sakkyndige'],
  saksbehandler: ['saksbehandleren', 'saksbehandlere', 'saksbehandlerne'],
  samhandling: noun('samhandling'),
  sjukmelding: noun('sjukmelding'),
  sykmelding: noun('sykmelding'),
  spesialisthelseteneste: ['spesialisthelsetenesta', 'spesialisthelsetenester', 'spesialisthelsetenestene'],
  spesialisthelsetjeneste: ['spesialisthelsetjenesten', 'spesialisthelsetjenester'],
  statsforvaltar: ['statsforvaltaren', 'statsforvaltarar', 'statsforvaltarane'],
  synliggjøre: gjere('synlig'),
  taushetsplikt: ['taushetsplikten', 'taushetsplikta'],
  tilfalle: ['tilfell', 'tilfall', 'tilfallen', 'tilfalt', 'tilfaller'],
  tilkjennegi: ['tilkjennegir', 'tilkjennega', 'tilkjennegav', 'tilkjennegitt', 'tilkjennegis'],
  tilkjennegje: ['tilkjennegjev', 'tilkjennegjeve', 'tilkjennegjeven', 'tilkjennegjevast'],
  tilrettelegge: ['tilrettelegg', 'tilrettela', 'tilrettelagt', 'tilrettelagd', 'tilretteleggast', 'tilretteleggjast', 'tilrettelegger', 'tilrettelegges'],
  tilskudd: ['tilskuddet', 'tilskuddene'],
  tilstrebe: aVerb('tilstrebe'),
  tilvising: noun('tilvising'),
  tjenestemottaker: ['tjenestemottakeren', 'tjenestemottakere'],
  tydeleggjere: gjere('tydeleg'),
  tydeliggjøre: gjere('tydelig'),
  utferdige: aVerb('utferdige'),
  utferdiga: aVerb('utferdiga'),
  utgreiing: noun('utgreiing'),
  utredning: noun('utredning'),
  ytelse: ['ytelsen', 'ytelser', 'ytelsar'],
  yting: noun('yting'),
};

buildNorwegianMorphology({
  lang: 'nn',
  handForms,
  // Forms of another word spelled the same (a homograph), or derived wrongly by the flags.
  exclude: {
    anse: ['ans', 'ansane', 'ansar', 'ansen', 'anset', 'ansande'],
    gi: ['gidd', 'gidde'],
    gjere: ['gjerd', 'gjerde', 'gjerar', 'gjerer', 'gjeres'],
    heimel: ['heile', 'heimelet'],
    legge: ['leggen', 'leggene', 'leggane', 'leggar', 'legget'],
    syte: ['syten', 'sytene', 'sytet', 'sytete'],
    tiltre: ['tiltro'],
    treffe: ['treffet'],
    underrette: ['underretten', 'underrettane'],
  },
  flags: {},
  roots: {},
});

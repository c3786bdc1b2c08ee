/**
 * The second pass over a testimonial, after `redact`: it flags what may identify the author
 * (people, places, organisations, and phrases that single the author out next to a place or an
 * organisation) and leaves the text as written. The author then chooses, flag by flag, to replace
 * it with a neutral marker (`applyChoices`) or to keep it; the moderator sees what remains.
 *
 * Pure (no I/O): the Worker flags on preview and on every edit, and the browser can do the same.
 * Names and places come from a generated gazetteer (`npm run gazetteer`); the short word lists
 * below are policy (what is harmless even when capitalised), not names.
 *
 * Social platforms and tools (Instagram, LinkedIn, Canva…) are never flagged: community managers
 * name them in every other sentence, and working "on Instagram" identifies nobody.
 */
import {
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  PLACES,
  WORD_FIRST_NAMES_EN,
  WORD_FIRST_NAMES_FR,
  WORD_PLACES_EN,
  WORD_PLACES_FR,
} from './gazetteer.generated';
import { PackedKeys, keySet, nameKey, wordKey } from './name-key';
import { FLAG_MARKERS, type FlagKind, type FlagLocale } from './marks';
import { REDACTION_MARKERS } from './redact';

export type { FlagKind, FlagLocale } from './marks';
export { FLAG_MARKERS } from './marks';

export interface Flag {
  /** Offsets in the text that was flagged: `text === input.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  kind: FlagKind;
  /** Shown to the author beside the highlighted words. */
  reason: string;
}

const REASONS: Record<FlagLocale, Record<FlagKind, string>> = {
  fr: {
    person: 'peut vous identifier : nom',
    place: 'peut vous identifier : lieu',
    organisation: 'peut vous identifier : organisation',
    singling_out: 'peut vous identifier : vous seul·e dans ce rôle, à cet endroit',
  },
  en: {
    person: 'may identify you: name',
    place: 'may identify you: place',
    organisation: 'may identify you: organisation',
    singling_out: 'may identify you: the only one in this role, at this place',
  },
};

// ---------------------------------------------------------------------------------------------
// Word lists: keys (see name-key.ts), so accents and case do not matter.

const set = (words: string) => new Set(words.split(' '));

/** Never part of a name even when capitalised: they split a run of capitalised words. */
const CALENDAR = set(
  'lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin ' +
    'juillet aout septembre octobre novembre decembre monday tuesday wednesday thursday friday ' +
    'saturday sunday january february march april may june july august september october ' +
    'november december noel paques toussaint pentecote ascension ramadan aid halloween ' +
    'christmas easter xmas black cyber nouvel reveillon',
);
const PLATFORMS = set(
  'instagram insta ig facebook fb tiktok linkedin twitter x youtube snapchat snap pinterest ' +
    'threads bluesky mastodon twitch whatsapp messenger discord reddit telegram bereal vimeo ' +
    'dailymotion spotify deezer meta google gmail slack teams notion canva hootsuite agorapulse ' +
    'metricool swello iconosquare sprout later planoly buffer trello asana monday figma ' +
    'chatgpt gpt openai mistral gemini copilot midjourney excel word powerpoint outlook zoom ' +
    'shopify wordpress wix mailchimp brevo sendinblue hubspot salesforce semrush capcut ' +
    'photoshop illustrator premiere indesign lightroom adobe android ios iphone ipad mac ' +
    'windows internet web wifi reels reel stories story shorts tweet tweets threads analytics',
);
/** Common acronyms and words of the trade that are written in capitals. */
const TRADE = set(
  'cm cms rh hr seo sea sem sma smo ceo cfo cto coo cmo kpi kpis cdi cdd cdii pdg dg drh daf ' +
    'pme tpe eti etp fte rtt smic ok tv ai ia ux ui b2b b2c roi cpc cpm ctr pr rp dm dms rgpd ' +
    'gdpr faq pdf usa ue eu uk nb ps sav cse bts dut but mba cv asap covid lgbt lgbtq lgbtqia ' +
    'ugc ads ad api crm qvt rps vp pm am iut bac mooc ong ngo irl mp fyi lol mdr ptdr omg tdah ' +
    'adhd hq rdv gif jpg png mp4 wtf ras rsvp svp tl dr etc vs nda okr okrs kol kols ' +
    'community manager managers social media medias content creator createur creatrice ' +
    'marketing communication digital digitale numerique brand influence influenceur ' +
    'influenceuse freelance junior senior lead head officer chargee charge responsable ' +
    'master licence doctorat stage stagiaire alternance alternant alternante mum mom dad ' +
    'maman papa dieu god ok oui non merci bonjour hello thanks ehpad',
);
const NATIONALITIES = set(
  'francais francaise francaises english french anglais anglaise british european ' +
    'europeen europeenne american americain americaine belge belgian suisse swiss ' +
    'canadien canadienne canadian quebecois quebecoise allemand german espagnol spanish ' +
    'italien italian parisien parisienne',
);
/** Multi-word phrases that look like names and are not. */
const STOP_PHRASES = new Set([
  'saint valentin',
  'nouvel an',
  'black friday',
  'cyber monday',
  'fete des meres',
  'fete des peres',
  'fete de la musique',
  'jeux olympiques',
  'coupe du monde',
  'community manager',
  'social media manager',
  'meta business suite',
  'business suite',
  'business manager',
  'google analytics',
  'google ads',
  'meta ads',
]);

/** Words that start sentences, capitalised only for that. */
const FUNCTION_WORDS = set(
  'le la les l un une des du de d au aux a ce cet cette ces mon ma mes ton ta tes son sa ses ' +
    'notre nos votre vos leur leurs je j tu il elle on nous vous ils elles me m te t se s y en ' +
    'et ou mais donc or ni car que qu qui quoi dont ou si quand comme avec sans pour par chez ' +
    'dans sur sous entre vers depuis pendant avant apres alors puis ensuite enfin aussi bref ' +
    'oui non bon bien voila tout tous toute toutes rien chaque plus moins tres trop peu ' +
    'beaucoup ca cela ceci c ceux celle celles celui quel quelle quels quelles comment ' +
    'pourquoi combien parfois souvent toujours jamais aujourd hier demain maintenant ' +
    'heureusement malheureusement franchement honnetement sinon pourtant cependant ainsi ' +
    'certes meme deja encore ici la surtout vraiment grace selon malgre contre ' +
    'the an i me my we our you your he she it they them their this that these those and or ' +
    'but so if when while as at by for from in into of on to with without about after ' +
    'before since until during here there what which who whom why how yes no not also just ' +
    'then now today yesterday tomorrow every each all some any many much more most very too ' +
    'only sometimes often always never honestly luckily unfortunately still even already ' +
    'thanks please well oh ah',
);

/** Lower-case words allowed inside a name: "Aix-en-Provence", "Musée des Beaux-Arts". */
const CONNECTORS = set('de du des d la le les l en sur sous les lez aux au of the upon');

/** Titles before a surname. The abbreviations also end no sentence: "M. Dupont". */
const HONORIFICS = set(
  'm mr mrs ms mme mmes mlle mlles dr pr prof monsieur madame mademoiselle docteur docteure ' +
    'professeur professeure maitre sir miss madam dame lady lord',
);
const ABBREVIATIONS = set('m mr mrs ms mme mmes mlle mlles dr pr prof st ste cf ex p vs etc');

/** A role, after a determiner ("mon manager", "le maire", "my boss"), then a name. */
const ROLES = set(
  'manager manageur manageuse managers chef cheffe boss patron patronne responsable ' +
    'directeur directrice dg pdg drh superieur superieure superieurs collegue collegues ' +
    'client cliente clients clientes maire adjoint adjointe elu elue president presidente ' +
    'redacteur redactrice stagiaire alternant alternante associe associee binome mentor ' +
    'coach conseiller conseillere fondateur fondatrice gerant gerante nom prenom referent ' +
    'referente interlocuteur interlocutrice annonceur supervisor director colleague ' +
    'colleagues coworker client clients customer mayor name ceo founder editor intern lead ' +
    'partner teammate deputy councillor councilor',
);
/** The same without a determiner: "je m'appelle Julie", "a client called Zara". */
const NAMING_VERBS = set('appelle appelais nomme nommee appele appelee named called');
const DETERMINERS = set(
  'mon ma mes notre nos le la les son sa ses leur leurs my our the his her their',
);
/** Roles whose name may be a company: "ma cliente Decathlon" is an organisation. */
const CLIENT_ROLES = set('client cliente clients clientes annonceur customer partner');
/** Between a role and its name: "mon manager, c'est Julien", "my boss is Anna". */
const COPULAS = set('est c etait s is was');

/** Names of institutions, before or at the start of a name: "la mairie de", "le Musée des". */
const INSTITUTIONS = new Set(
  [
    'mairie',
    'hotel de ville',
    'musee',
    'theatre',
    'mediatheque',
    'bibliotheque',
    'office de tourisme',
    'office du tourisme',
    'conseil departemental',
    'conseil regional',
    'conseil municipal',
    'communaute de communes',
    'communaute d agglomeration',
    'agglo',
    'agglomeration',
    'metropole',
    'chu',
    'hopital',
    'clinique',
    'universite',
    'fac',
    'faculte',
    'lycee',
    'college',
    'ecole',
    'opera',
    'cinema',
    'festival',
    'club',
    'association',
    'asso',
    'fondation',
    'agence',
    'cci',
    'chambre de commerce',
    'prefecture',
    'galerie',
    'librairie',
    'restaurant',
    'hotel',
    'boutique',
    'magasin',
    'cabinet',
    'groupe',
    'banque',
    'syndicat',
    'federation',
    'institut',
    'zoo',
    'stade',
    'orchestre',
    'compagnie',
    'journal',
    'radio',
    'studio',
    'startup',
    'start up',
    'societe',
    'entreprise',
    'marque',
    'enseigne',
    'collectif',
    'maison',
    'museum',
    'theater',
    'university',
    'hospital',
    'library',
    'council',
    'town hall',
    'city hall',
    'school',
    'foundation',
    'agency',
    'gallery',
    'company',
    'group',
    'bank',
    'shop',
    'store',
    'brand',
    'firm',
    'charity',
  ].map(nameKey),
);
/** Words that end an organisation's name: "Lyon City Council", "Acme Studio". */
const INSTITUTION_SUFFIXES = set(
  'museum theatre theater university hospital library council group bank agency festival ' +
    'club school college foundation studio studios company inc ltd llc sas sa sarl gmbh ' +
    'corp corporation hall opera',
);

const ENGLISH_HALLS = new Set(['city hall', 'town hall', 'city council', 'county council']);

/** Before an organisation: "chez Decathlon", "pour La Redoute", "works at Acme". */
const ORG_PREPOSITIONS = set('chez pour for at avec with');
/** Before a place: "à Nice", "en Bretagne", "près de Lyon", "in Lille". */
const PLACE_PREPOSITIONS = set(
  'a en de d du au aux pres vers sur dans in near from to around outside',
);
/** After these, an unknown capitalised name is a place: "à Bruxelles", "in London". */
const STRONG_PLACE_PREPOSITIONS = set('a en in near around');
/** …and after these, even a first name is a place: "in Brittany", "en Florence". */
const PLACE_ONLY_PREPOSITIONS = set('en in near around');
/** Places that are first of all a word, a colour or a brand: flagged after a preposition only. */
const CONTEXT_ONLY_PLACES = set('nice orange rose mars tours sens avion lens plaisir vue bar');
const ARTICLES = set('le la les l the');
/** "au Mans" is "à Le Mans". */
const CONTRACTIONS = new Map([
  ['au', 'le'],
  ['aux', 'les'],
  ['du', 'le'],
]);

// ---------------------------------------------------------------------------------------------

interface Lexicon {
  firstNames: Set<string>;
  lastNames: Set<string>;
  countries: Set<string>;
  /** 35,000 keys, looked up in place (see PackedKeys) rather than loaded into a set. */
  places: PackedKeys;
  wordPlaces: Record<FlagLocale, Set<string>>;
  wordFirstNames: Record<FlagLocale, Set<string>>;
  markers: Set<string>;
}

let lexicon: Lexicon | undefined;

/** The smaller lists become sets on the first call: about 10,000 keys, a millisecond or two. */
function getLexicon(): Lexicon {
  lexicon ??= {
    firstNames: keySet(FIRST_NAMES),
    lastNames: keySet(LAST_NAMES),
    countries: keySet(COUNTRIES),
    places: new PackedKeys(PLACES),
    wordPlaces: { fr: keySet(WORD_PLACES_FR), en: keySet(WORD_PLACES_EN) },
    wordFirstNames: { fr: keySet(WORD_FIRST_NAMES_FR), en: keySet(WORD_FIRST_NAMES_EN) },
    markers: new Set(
      [REDACTION_MARKERS, FLAG_MARKERS].flatMap((byLocale) =>
        Object.values(byLocale).flatMap((markers) => Object.values(markers)),
      ),
    ),
  };
  return lexicon;
}

type Shape = 'title' | 'upper' | 'camel' | 'initial' | 'lower' | 'other';

/** A word of the text. Its key and shape are worked out when first asked for: most words are
 * never looked at, because no capital is near them. */
class Token {
  private cachedKey: string | undefined;
  private cachedShape: Shape | undefined;

  constructor(
    readonly word: string,
    readonly start: number,
    readonly end: number,
    /** Inside a redaction or flag marker: never flagged, never a name's neighbour. */
    readonly masked: boolean,
    readonly sentenceStart: boolean,
  ) {}

  get key(): string {
    return (this.cachedKey ??= wordKey(this.word));
  }

  get shape(): Shape {
    return (this.cachedShape ??= shapeOf(this.word));
  }

  /** Starts with a capital letter: the cheap test before `shape`. */
  get capitalised(): boolean {
    const first = this.word.charCodeAt(0);
    if (first < 128) return first >= 65 && first <= 90;
    const letter = this.word[0]!;
    return letter !== letter.toLowerCase();
  }
}

function shapeOf(word: string): Shape {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (word === lower) return word === upper || /\d/.test(word) ? 'other' : 'lower';
  if (word[0] === lower[0]) return 'other';
  if (word.length === 1) return 'initial';
  if (word === upper) return /\p{L}.*\p{L}/u.test(word) ? 'upper' : 'title';
  for (let i = 1; i < word.length - 1; i++) {
    if (word[i] === lower[i] && word[i] !== upper[i] && word[i + 1] !== lower[i + 1])
      return 'camel';
  }
  return 'title';
}

const isCapital = (token: Token) =>
  token.capitalised &&
  !token.masked &&
  (token.shape === 'title' || token.shape === 'upper' || token.shape === 'camel');

/** Words separated by one space, hyphen or apostrophe belong to the same name. */
const JOINER = /^(?:[ \u00A0\u202F]|-|['’])$/u;
const SENTENCE_END = /[.!?…:;\n«»"“”•]/u;

function tokenize(text: string, markers: Set<string>): Token[] {
  const maskedRanges: [number, number][] = [];
  for (const match of text.matchAll(/\[[^[\]\n]{1,40}\]/gu)) {
    if (markers.has(match[0])) maskedRanges.push([match.index, match.index + match[0].length]);
  }
  const tokens: Token[] = [];
  let range = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    while (range < maskedRanges.length && maskedRanges[range]![1] <= start) range++;
    const mask = maskedRanges[range];
    const previous = tokens.at(-1);
    const gap = text.slice(previous?.end ?? 0, start);
    const sentenceStart =
      previous === undefined ||
      (SENTENCE_END.test(gap) && !(gap.startsWith('.') && ABBREVIATIONS.has(previous.key)));
    const masked = mask !== undefined && mask[0] <= start && end <= mask[1];
    tokens.push(new Token(match[0], start, end, masked, sentenceStart));
  }
  return tokens;
}

interface Candidate {
  start: number;
  end: number;
  kind: Exclude<FlagKind, 'singling_out'>;
}

class Flagger {
  private readonly candidates: Candidate[] = [];
  private readonly placeLookups = new Map<string, boolean>();
  private readonly keys = new Map<number, string>();

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly lexicon: Lexicon,
    private readonly locale: FlagLocale,
  ) {}

  run(): Candidate[] {
    const { tokens } = this;
    let i = 0;
    while (i < tokens.length) {
      if (!isCapital(tokens[i]!)) {
        i++;
        continue;
      }
      const end = this.chainEnd(i);
      this.chain(i, end);
      i = end + 1;
    }
    return this.candidates;
  }

  private gap(a: number, b: number): string {
    return this.text.slice(this.tokens[a]!.end, this.tokens[b]!.start);
  }

  private joined(a: number): boolean {
    const next = this.tokens[a + 1];
    return next !== undefined && !next.masked && JOINER.test(this.gap(a, a + 1));
  }

  /** The last token of the run of capitalised words (and connectors between them) from `i`. */
  private chainEnd(i: number): number {
    const { tokens } = this;
    let end = i;
    let j = i;
    while (j - i < 10 && this.joined(j)) {
      const next = tokens[j + 1]!;
      if (isCapital(next) || next.shape === 'initial') {
        end = j + 1;
      } else if (!(next.shape === 'lower' && CONNECTORS.has(next.key))) {
        break;
      }
      j++;
    }
    return end;
  }

  /** The key of tokens a to b, remembered: the rules ask for the same ones again and again. */
  private key(a: number, b: number): string {
    const id = a * 32 + (b - a);
    let key = b - a < 32 ? this.keys.get(id) : undefined;
    if (key === undefined) {
      key = this.tokens[a]!.key;
      for (let k = a + 1; k <= b; k++) key += ` ${this.tokens[k]!.key}`;
      if (b - a < 32) this.keys.set(id, key);
    }
    return key;
  }

  private isStop(k: number): boolean {
    const token = this.tokens[k]!;
    const { key } = token;
    const singular = key.endsWith('s') ? key.slice(0, -1) : key;
    for (const form of [key, singular]) {
      if (CALENDAR.has(form) || PLATFORMS.has(form) || TRADE.has(form)) return true;
    }
    return (
      NATIONALITIES.has(key) ||
      this.lexicon.countries.has(key) ||
      (token.shape === 'initial' && key !== 'm')
    );
  }

  /** Splits a run at words that are never names, then classifies each part. */
  private chain(a: number, b: number): void {
    const { tokens } = this;
    if (STOP_PHRASES.has(this.key(a, b)) || this.lexicon.countries.has(this.key(a, b))) return;
    // A capital at a sentence start says nothing: drop "Mais", "Chez", "The"…, but keep "Le
    // Mans" and "La Rochelle", which are names.
    if (tokens[a]!.sentenceStart) {
      while (a <= b && FUNCTION_WORDS.has(tokens[a]!.key) && !this.isPlace(a, b)) a++;
    }
    let partStart = a;
    for (let k = a; k <= b + 1; k++) {
      if (k > b || this.isStop(k)) {
        const part = this.trim(partStart, k - 1);
        if (part) this.part(part[0], part[1]);
        partStart = k + 1;
      }
    }
  }

  /** Drops connectors and lone initials at the ends of a part. */
  private trim(a: number, b: number): [number, number] | undefined {
    const { tokens } = this;
    while (a <= b && !isCapital(tokens[a]!)) a++;
    while (b >= a && !isCapital(tokens[b]!) && tokens[b]!.shape !== 'initial') b--;
    return a <= b ? [a, b] : undefined;
  }

  private isPlace(a: number, b: number): boolean {
    return this.placeKey(this.key(a, b));
  }

  /** Names recur in a testimony: each is looked up once per call. */
  private placeKey(key: string): boolean {
    let found = this.placeLookups.get(key);
    if (found === undefined) {
      found = this.lexicon.places.has(key);
      this.placeLookups.set(key, found);
    }
    return found;
  }

  private add(kind: Candidate['kind'], a: number, b: number): void {
    this.candidates.push({ kind, start: this.tokens[a]!.start, end: this.tokens[b]!.end });
  }

  /**
   * The token before `a`, if only `gapPattern` separates them, skipping at most `maxSkips`
   * words of `skip`. Returns its index, or -1.
   */
  private previous(a: number, gapPattern: RegExp, skip?: Set<string>, maxSkips = 1): number {
    let skips = 0;
    for (let k = a - 1; k >= 0; k--) {
      if (this.tokens[k]!.masked || !gapPattern.test(this.gap(k, k + 1))) return -1;
      if (skips < maxSkips && skip?.has(this.tokens[k]!.key)) {
        skips++;
        continue;
      }
      return k;
    }
    return -1;
  }

  private startsWithFirstName(a: number, b: number): boolean {
    const { firstNames, wordFirstNames } = this.lexicon;
    const key = this.tokens[a]!.key;
    if (!firstNames.has(key)) return false;
    // "Rose", "Pierre" or "Will" alone at a sentence start are words, not people.
    return b > a || !this.tokens[a]!.sentenceStart || !wordFirstNames[this.locale].has(key);
  }

  /** Whether a capitalised part names a place, without the help of a preposition. */
  private isStandalonePlace(a: number, b: number): boolean {
    const key = this.key(a, b);
    if (!this.placeKey(key) || CONTEXT_ONLY_PLACES.has(key)) return false;
    return !this.tokens[a]!.sentenceStart || !this.lexicon.wordPlaces[this.locale].has(key);
  }

  /** Classifies one run of capitalised words [a, b], from its context then from the gazetteer. */
  private part(a: number, b: number): void {
    const { tokens, lexicon } = this;
    const first = tokens[a]!;
    const key = this.key(a, b);

    // "Mme Dubois", "Dr Martin": the title stays, the name is flagged.
    if (HONORIFICS.has(first.key) && b > a && first.shape !== 'upper') {
      this.add('person', a + 1, b);
      return;
    }
    const before = this.previous(a, /^\.?[ \u00A0\u202F]$/u);
    if (before >= 0 && HONORIFICS.has(tokens[before]!.key) && tokens[before]!.key !== 'm') {
      this.add('person', a, b);
      return;
    }
    if (before >= 0 && tokens[before]!.key === 'm' && /^\.[ \u00A0]?$/u.test(this.gap(before, a))) {
      this.add('person', a, b);
      return;
    }

    // "la Mairie", "l'Hôtel de Ville" alone name no one in particular.
    if (INSTITUTIONS.has(key)) return;
    // "le Musée des Beaux-Arts", "Lyon City Council".
    for (let k = Math.min(b - 1, a + 3); k >= a; k--) {
      if (INSTITUTIONS.has(this.key(a, k))) {
        this.add('organisation', a, b);
        return;
      }
    }
    if (b > a && INSTITUTION_SUFFIXES.has(tokens[b]!.key)) {
      this.add('organisation', a, b);
      return;
    }
    // "Rennes city hall", "Lille town hall".
    const suffix = this.institutionAfter(b);
    if (suffix >= 0) {
      this.add('organisation', a, suffix);
      return;
    }
    // "à la mairie de Saint-Brieuc", "le théâtre des Célestins", "au musée Grévin".
    const institution = this.institutionBefore(a);
    if (institution >= 0) {
      this.add('organisation', institution, b);
      return;
    }

    // "Mon manager, Julien Martin", "le maire Hervé Guihard", "my name is Anna Smith".
    const role = this.roleBefore(a);
    if (role !== undefined) {
      const companyLike = CLIENT_ROLES.has(role) && !this.looksLikePerson(a, b);
      this.add(companyLike ? 'organisation' : 'person', a, b);
      return;
    }

    const prepIndex = this.previous(a, /^[ \u00A0\u202F]$|^['’]$/u, ARTICLES);
    const prep = prepIndex >= 0 ? tokens[prepIndex]!.key : undefined;
    if (prep !== undefined && ORG_PREPOSITIONS.has(prep)) {
      if (this.looksLikePerson(a, b)) this.add('person', a, b);
      else if (prep !== 'chez' && this.isStandalonePlace(a, b)) this.add('place', a, b);
      else this.add('organisation', a, b);
      return;
    }
    if (prep !== undefined && PLACE_PREPOSITIONS.has(prep)) {
      const article = CONTRACTIONS.get(prep);
      const contracted = article === undefined ? key : `${article} ${key}`;
      if (this.placeKey(key) || this.placeKey(contracted)) {
        if (!this.startsWithFirstName(a, b) || b === a) {
          this.add('place', a, b);
          return;
        }
      } else if (
        PLACE_ONLY_PREPOSITIONS.has(prep) ||
        (STRONG_PLACE_PREPOSITIONS.has(prep) && !this.looksLikePerson(a, b))
      ) {
        this.add('place', a, b);
        return;
      }
    }

    // From the gazetteer alone. A first name that is also a town is the town when it is large
    // (Paris, Nancy), the person otherwise (Albert).
    if (this.startsWithFirstName(a, b)) {
      const town = b === a && this.isStandalonePlace(a, b);
      const large = town && !lexicon.wordPlaces[this.locale].has(key);
      this.add(large ? 'place' : 'person', a, b);
      return;
    }
    if (this.isStandalonePlace(a, b)) {
      this.add('place', a, b);
      return;
    }
    // "les Sables-d'Olonne", "le Puy-en-Velay": the article is part of the name.
    const article = tokens[a - 1];
    if (
      article?.shape === 'lower' &&
      ARTICLES.has(article.key) &&
      JOINER.test(this.gap(a - 1, a)) &&
      this.placeKey(`${article.key} ${key}`)
    ) {
      this.add('place', a, b);
      return;
    }
    // "Julien de Lyon": a name, then a place.
    for (let k = a + 1; k < b; k++) {
      if (tokens[k]!.shape === 'lower') {
        const left = this.trim(a, k - 1);
        const right = this.trim(k + 1, b);
        if (left) this.part(left[0], left[1]);
        if (right) this.part(right[0], right[1]);
        return;
      }
    }
    if (first.sentenceStart && b === a && first.shape === 'title') return;
    if (b > a && this.looksLikePerson(a, b)) {
      this.add('person', a, b);
      return;
    }
    if (b === a && first.shape === 'title' && lexicon.lastNames.has(key)) {
      this.add('person', a, b);
      return;
    }
    this.add('organisation', a, b);
  }

  private looksLikePerson(a: number, b: number): boolean {
    const { tokens, lexicon } = this;
    if (this.startsWithFirstName(a, b)) return true;
    if (b === a) return false;
    for (let k = a; k <= b; k++) {
      const token = tokens[k]!;
      if (token.shape === 'lower') return false;
      if (token.shape === 'title' && lexicon.lastNames.has(token.key)) return true;
    }
    return false;
  }

  /** The first token of an institution's name right before `a` ("mairie de"), or -1. */
  private institutionBefore(a: number): number {
    const { tokens } = this;
    let k = a - 1;
    let connectors = 0;
    while (
      k >= 0 &&
      connectors < 3 &&
      tokens[k]!.shape === 'lower' &&
      CONNECTORS.has(tokens[k]!.key) &&
      JOINER.test(this.gap(k, k + 1))
    ) {
      k--;
      connectors++;
    }
    if (k < 0 || !JOINER.test(this.gap(k, k + 1)) || tokens[k]!.masked) return -1;
    for (let length = 4; length >= 1; length--) {
      const from = k - length + 1;
      if (from < 0) continue;
      let joinedUp = true;
      for (let m = from; m < k; m++) if (!JOINER.test(this.gap(m, m + 1))) joinedUp = false;
      if (joinedUp && INSTITUTIONS.has(this.key(from, k))) return from;
    }
    return -1;
  }

  /** The last token of a lower-case institution noun right after `b` ("city hall"), or -1. */
  private institutionAfter(b: number): number {
    const { tokens } = this;
    for (let length = 2; length >= 1; length--) {
      const last = b + length;
      if (last >= tokens.length) continue;
      let plain = true;
      for (let m = b; m < last; m++) {
        if (!JOINER.test(this.gap(m, m + 1)) || tokens[m + 1]!.shape !== 'lower') plain = false;
      }
      if (!plain) continue;
      const key = this.key(b + 1, last);
      if (INSTITUTION_SUFFIXES.has(key) || (length === 2 && ENGLISH_HALLS.has(key))) return last;
    }
    return -1;
  }

  /** The role before `a` ("mon manager, ", "le maire ", "my name is "), as a key. */
  private roleBefore(a: number): string | undefined {
    const { tokens } = this;
    const k = this.previous(a, /^[\s,:(–—-]{1,4}$|^['’]$/u, COPULAS, 2);
    if (k < 0) return undefined;
    const key = tokens[k]!.key;
    if (NAMING_VERBS.has(key)) return key;
    if (!ROLES.has(key)) return undefined;
    const determiner = tokens[k - 1];
    if (determiner && DETERMINERS.has(determiner.key) && JOINER.test(this.gap(k - 1, k))) {
      return key;
    }
    return undefined;
  }
}

/**
 * `source` matching both cases of each of its letters, without the `i` flag, whose Unicode case
 * folding V8 compiles slowly: tens of milliseconds on an isolate's first calls.
 */
function caseless(source: string): string {
  let result = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    // Escapes (\., \() and classes (['’]) stay as they are.
    const end =
      char === '\\'
        ? source[i + 1] === 'p'
          ? source.indexOf('}', i)
          : i + 1
        : char === '['
          ? source.indexOf(']', i)
          : i;
    if (end > i) {
      result += source.slice(i, end + 1);
      i = end;
      continue;
    }
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    result +=
      lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : char;
  }
  return result;
}

// "la seule", "le seul", "unique CM", "the only", next to an organisation or a place. Word
// boundaries and the harmless words after the phrase are checked in code rather than with
// lookarounds on \p{L}, which V8 compiles slowly.
const SEUL = 'seul(?:e|·e|\\.e|\\(e\\))?';
const SINGLING_OUT = [
  `(?:la|le) ${SEUL}`,
  `(?:${SEUL}|unique|l['’]unique) (?:cm|community manager|social media manager|` +
    `chargée? de (?:communication|com)|responsable (?:de la )?com(?:munication)?|` +
    `communicante?|salariée?|personne)`,
  `${SEUL} (?:dans|de) (?:le |la |l['’]|mon |ma |notre )(?:service|équipe|equipe|` +
    `boîte|boite|agence|entreprise|structure|pôle|pole|direction|collectivité|collectivite|` +
    `mairie|asso|association)`,
  `${SEUL} à (?:gérer|gerer|faire|m['’]occuper|tenir|animer|publier)`,
  'the (?:only|sole|one and only)',
  '(?:only|sole|lone|solo|single) (?:cm|community manager|social media manager|' +
    'person|employee|marketer|comms person)',
  'one-(?:wo)?man (?:team|band|show)',
].map((source) => new RegExp(caseless(source), 'g'));
/** "la seule chose", "the only way": the phrase is about something else than a person. */
const HARMLESS_AFTER = set(
  'chose choses fois solution facon maniere raison option truc moment endroit probleme point ' +
    'avantage souci difference issue reponse question thing things time times way reason ' +
    'problem solution answer',
);
const WORD_CHAR = /[\p{L}\p{N}]/u;

function singlingOutSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const pattern of SINGLING_OUT) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (WORD_CHAR.test(text[start - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue;
      const next = /^ ([^\s.,;:!?…]+)/.exec(text.slice(end, end + 24))?.[1];
      if (next !== undefined && HARMLESS_AFTER.has(wordKey(next))) continue;
      spans.push([start, end]);
    }
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/** The index of the sentence each offset falls in: sentences end at . ! ? … or a new line. */
function sentenceIndex(text: string): (offset: number) => number {
  const ends: number[] = [];
  for (const match of text.matchAll(/[.!?…]+(?=\s|$)|\n+/gu)) ends.push(match.index);
  return (offset) => {
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/**
 * Flags what may identify the author of `text` (already redacted), in order and without
 * overlaps. The text itself is never changed.
 */
export function flagIdentifiers(text: string, locale: FlagLocale = 'fr'): Flag[] {
  const lexicon = getLexicon();
  const tokens = tokenize(text, lexicon.markers);
  const candidates = new Flagger(text, tokens, lexicon, locale).run();

  const sentenceOf = sentenceIndex(text);
  const anchoring = new Set<number>();
  for (const candidate of candidates) {
    if (candidate.kind === 'organisation' || candidate.kind === 'place') {
      anchoring.add(sentenceOf(candidate.start));
    }
  }
  const all: { start: number; end: number; kind: FlagKind }[] = [...candidates];
  for (const [start, end] of singlingOutSpans(text)) {
    const sentence = sentenceOf(start);
    if (anchoring.has(sentence) || anchoring.has(sentence - 1) || anchoring.has(sentence + 1)) {
      all.push({ start, end, kind: 'singling_out' });
    }
  }

  all.sort((x, y) => x.start - y.start || y.end - x.end);
  const flags: Flag[] = [];
  for (const { start, end, kind } of all) {
    const last = flags.at(-1);
    if (last && start < last.end) continue;
    flags.push({ start, end, kind, text: text.slice(start, end), reason: REASONS[locale][kind] });
  }
  return flags;
}

/**
 * Replaces the flags at `replace` (indexes into `flags`) by their neutral marker and keeps the
 * others. Singling-out phrases have no marker: replacing the place or organisation they lean on
 * takes their flag away too. `flags` must be what `flagIdentifiers` returned for this `text`.
 */
export function applyChoices(
  text: string,
  flags: readonly Flag[],
  replace: Iterable<number>,
  locale: FlagLocale = 'fr',
): string {
  const chosen = [...new Set(replace)]
    .map((index) => flags[index])
    .filter((flag): flag is Flag => flag !== undefined && flag.kind !== 'singling_out')
    .sort((x, y) => y.start - x.start);
  let result = text;
  for (const flag of chosen) {
    if (text.slice(flag.start, flag.end) !== flag.text) {
      throw new RangeError('applyChoices: these flags were not computed for this text');
    }
    const marker = FLAG_MARKERS[locale][flag.kind as Exclude<FlagKind, 'singling_out'>];
    result = result.slice(0, flag.start) + marker + result.slice(flag.end);
  }
  return result;
}

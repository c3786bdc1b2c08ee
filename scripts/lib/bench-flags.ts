/**
 * The testimonial measure of `npm run bench` (issue #16): redaction then flagging of a
 * 5,000-character testimony, the longest the form takes, in this process (V8, as in workerd).
 * The text is made of the labelled corpus' sentences, so it is dense in names, places,
 * organisations and contact details: a worst case rather than a typical one.
 */
import { performance } from 'node:perf_hooks';
import { flagIdentifiers } from '../../api/testimonials/flags';
import { TEXT_MAX } from '../../api/testimonials/limits';
import { redact } from '../../api/testimonials/redact';
import { IDENTIFIER_CORPUS } from '../../tests/unit/fixtures/identifier-corpus';

const CONTACTS = [
  'Écrivez-moi à prenom.nom@exemple.fr ou au 06 12 34 56 78.',
  'Mon compte : @jordan_cm, mon site www.jordan-cm.fr.',
];

/** A French testimony of exactly `length` characters. */
export function benchTestimony(length = TEXT_MAX): string {
  const sentences = [
    ...CONTACTS,
    ...IDENTIFIER_CORPUS.filter((s) => s.lang === 'fr').map((s) => s.text),
  ];
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${sentences[i % sentences.length]} `;
  return text.slice(0, length);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface FlagsBench {
  chars: number;
  flags: number;
  /** The first call of an isolate, which also decodes the gazetteer. */
  firstMs: number;
  /** Medians over `runs` calls once warm. */
  redactMs: number;
  flagMs: number;
  totalMs: number;
}

/** Times `redact` then `flagIdentifiers` on a 5,000-character testimony; medians over `runs`. */
export function benchFlags(runs = 200): FlagsBench {
  const text = benchTestimony();
  let started = performance.now();
  const first = flagIdentifiers(redact(text, 'fr').text, 'fr');
  const firstMs = performance.now() - started;

  const redactTimes: number[] = [];
  const flagTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    const redacted = redact(text, 'fr').text;
    const middle = performance.now();
    flagIdentifiers(redacted, 'fr');
    const ended = performance.now();
    redactTimes.push(middle - started);
    flagTimes.push(ended - middle);
  }
  const totals = redactTimes.map((ms, i) => ms + flagTimes[i]!);
  return {
    chars: text.length,
    flags: first.length,
    firstMs,
    redactMs: median(redactTimes),
    flagMs: median(flagTimes),
    totalMs: median(totals),
  };
}

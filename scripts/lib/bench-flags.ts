/**
 * The testimonial measure of `npm run bench` (issue #16): redaction then flagging of a
 * 5,000-character testimony, the longest the form takes, in this process (V8, as in workerd).
 * Times are CPU time (process.cpuUsage), so other processes on the machine do not inflate them.
 * The text is made of the labelled corpus' sentences, so it is dense in names, places,
 * organisations and contact details: a worst case rather than a typical one.
 */
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
  /** The first call of the process, which also compiles the patterns and builds the sets. */
  firstMs: number;
  /** Medians over `runs` calls once warm. */
  redactMs: number;
  flagMs: number;
  totalMs: number;
}

/** CPU milliseconds since `since` (a process.cpuUsage() reading). */
function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** Times `redact` then `flagIdentifiers` on a 5,000-character testimony; medians over `runs`. */
export function benchFlags(runs = 200): FlagsBench {
  const text = benchTestimony();
  let started = process.cpuUsage();
  const first = flagIdentifiers(redact(text, 'fr').text, 'fr');
  const firstMs = cpuMs(started);

  const redactTimes: number[] = [];
  const flagTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    started = process.cpuUsage();
    const redacted = redact(text, 'fr').text;
    redactTimes.push(cpuMs(started));
    started = process.cpuUsage();
    flagIdentifiers(redacted, 'fr');
    flagTimes.push(cpuMs(started));
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

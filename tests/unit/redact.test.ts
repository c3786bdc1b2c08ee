import { describe, expect, it } from 'vitest';
import { REDACTION_MARKERS, redact, type RedactionKind } from '../../api/testimonials/redact';

type Lang = 'fr' | 'en';
type Case = [name: string, input: string, lang: Lang, expected: string];

const cases: Case[] = [
  // Emails
  ['email, plain', 'Écrivez-moi à prenom.nom@exemple.fr.', 'fr', 'Écrivez-moi à [email].'],
  ['email, subaddress', 'Mail me at jordan+cm@gmail.com today', 'en', 'Mail me at [email] today'],
  ['email, subdomain', 'contact : cm@mail.agence.co.uk !', 'fr', 'contact : [email] !'],
  ['email, accented local part', 'Moi : hélène.dupré@exemple.fr', 'fr', 'Moi : [email]'],
  ['email, [at] [dot]', 'prenom.nom [at] exemple [dot] fr', 'fr', '[email]'],
  ['email, (arobase)', 'jordan(arobase)agence.fr, merci', 'fr', '[email], merci'],
  ['email, inside parentheses', '(sam_cm@studio.io)', 'en', '([email])'],
  // Phones
  ['phone, fr spaced', 'Appelez le 06 12 34 56 78 svp', 'fr', 'Appelez le [téléphone] svp'],
  ['phone, fr dotted', 'tél. 06.12.34.56.78', 'fr', 'tél. [téléphone]'],
  ['phone, fr compact', 'Mon 0612345678 est pro', 'fr', 'Mon [téléphone] est pro'],
  ['phone, fr +33', 'Call +33 6 12 34 56 78.', 'en', 'Call [phone].'],
  ['phone, fr +33 (0)', '+33 (0)6 12 34 56 78', 'fr', '[téléphone]'],
  ['phone, fr dashed landline', 'Fixe : 01-23-45-67-89', 'fr', 'Fixe : [téléphone]'],
  ['phone, fr no-break spaces', 'au 07\u00A098\u00A076\u00A054\u00A032', 'fr', 'au [téléphone]'],
  ['phone, uk', 'ring +44 20 7946 0958 anytime', 'en', 'ring [phone] anytime'],
  ['phone, us', 'My cell: +1 (415) 555-0132', 'en', 'My cell: [phone]'],
  ['phone, de', 'Büro +49 30 123456, danke', 'en', 'Büro [phone], danke'],
  ['phone, two numbers', '06 12 34 56 78 ou 07 98 76 54 32', 'fr', '[téléphone] ou [téléphone]'],
  // URLs
  ['url, https', 'voir https://exemple.fr/page?x=1.', 'fr', 'voir [lien].'],
  ['url, http in parentheses', '(http://blog.example.com/post)', 'en', '([link])'],
  [
    'url, balanced parentheses',
    'see https://en.wikipedia.org/wiki/A_(b) now',
    'en',
    'see [link] now',
  ],
  ['url, www', 'Mon site : www.jordan-cm.fr !', 'fr', 'Mon site : [lien] !'],
  ['url, bare domain with path', 'cf. exemple.fr/page', 'fr', 'cf. [lien]'],
  ['url, linktree', 'all my links: linktr.ee/xyz', 'en', 'all my links: [link]'],
  ['url, gouv.fr', 'sur service-public.gouv.fr.', 'fr', 'sur [lien].'],
  ['url, guillemets', '« www.agence.io »', 'fr', '« [lien] »'],
  // Handles
  ['handle, underscores', 'Suivez @jordan_does_social !', 'fr', 'Suivez [pseudo] !'],
  ['handle, capitals', 'ask @Collectif_CM.', 'en', 'ask [handle].'],
  ['handle, two', '@alice et @bob', 'fr', '[pseudo] et [pseudo]'],
  ['handle, fediverse', 'on @jordan@mastodon.social', 'en', 'on [handle]'],
  ['handle, in parentheses', '(@cm.lyon)', 'fr', '([pseudo])'],
  // IBAN
  ['iban, fr spaced', 'RIB : FR76 3000 6000 0112 3456 7890 189', 'fr', 'RIB : [IBAN]'],
  ['iban, fr compact', 'IBAN FR7630006000011234567890189.', 'en', 'IBAN [IBAN].'],
  ['iban, de', 'DE89 3704 0044 0532 0130 00 please', 'en', '[IBAN] please'],
  ['iban, gb with letters', 'GB29 NWBK 6016 1331 9268 19', 'en', '[IBAN]'],
  ['iban, be', 'compte BE68 5390 0754 7034, merci', 'fr', 'compte [IBAN], merci'],
  // NIR
  ['nir, spaced with key', 'n° 1 85 05 78 006 084 36', 'fr', 'n° [numéro de sécurité sociale]'],
  ['nir, compact with key', 'NIR 185057800608436.', 'en', 'NIR [social security number].'],
  ['nir, compact no key', 'sécu 2850578006084', 'fr', 'sécu [numéro de sécurité sociale]'],
  ['nir, corsica', '1 85 05 2A 006 084', 'fr', '[numéro de sécurité sociale]'],
  // Mixed
  [
    'mixed kinds in one text',
    'Jordan, jordan@agence.fr, 06 12 34 56 78, @jordan_cm, www.jordan.fr',
    'fr',
    'Jordan, [email], [téléphone], [pseudo], [lien]',
  ],
  // Must not be redacted
  ['keep, years', 'En 2023 puis en 2024, rien.', 'fr', 'En 2023 puis en 2024, rien.'],
  ['keep, prices fr', '1 500 € brut, 35k€ par an', 'fr', '1 500 € brut, 35k€ par an'],
  [
    'keep, prices words',
    '2 000 euros et 1\u00A0800\u00A0€',
    'fr',
    '2 000 euros et 1\u00A0800\u00A0€',
  ],
  ['keep, prices en', 'paid $1,200 a month', 'en', 'paid $1,200 a month'],
  ['keep, weekly hours', '35 h, souvent 39h/semaine', 'fr', '35 h, souvent 39h/semaine'],
  ['keep, times fr', 'de 9h à 23h30, puis 22 h 15', 'fr', 'de 9h à 23h30, puis 22 h 15'],
  ['keep, times en', 'from 9:00 to 18:30', 'en', 'from 9:00 to 18:30'],
  ['keep, dates', 'le 12/03/2024 et le 12.03.2024', 'fr', 'le 12/03/2024 et le 12.03.2024'],
  ['keep, percentages', '80 % du temps, +20 % de CA', 'fr', '80 % du temps, +20 % de CA'],
  ['keep, counts', '8 clients, 12 comptes', 'fr', '8 clients, 12 comptes'],
  [
    'keep, big counts fr',
    '3 000 abonnés, +3 000 en un mois',
    'fr',
    '3 000 abonnés, +3 000 en un mois',
  ],
  [
    'keep, big counts en',
    '150 000 followers and +12 000 000 views',
    'en',
    '150 000 followers and +12 000 000 views',
  ],
  ['keep, at a time', 'RDV @ 14h ou @14h30', 'fr', 'RDV @ 14h ou @14h30'],
  ['keep, lone at', 'le signe @ seul', 'fr', 'le signe @ seul'],
  [
    'keep, glued sentence',
    "C'était la fin.Puis tout a changé.",
    'fr',
    "C'était la fin.Puis tout a changé.",
  ],
  [
    'keep, tech words',
    'Node.js, ASP.NET, rapport.pdf, v1.2',
    'en',
    'Node.js, ASP.NET, rapport.pdf, v1.2',
  ],
  [
    'keep, french spacing',
    'Vraiment ? Oui ! Bref : « non ».',
    'fr',
    'Vraiment ? Oui ! Bref : « non ».',
  ],
  [
    'keep, ordinary numbers',
    'SIRET 123 456 789 00012, 1 234 567 890',
    'fr',
    'SIRET 123 456 789 00012, 1 234 567 890',
  ],
];

describe('redact', () => {
  it('has a large table', () => {
    expect(cases.length).toBeGreaterThanOrEqual(44);
    expect(cases.filter(([name]) => name.startsWith('keep')).length).toBeGreaterThanOrEqual(14);
  });

  it.each(cases)('%s', (_name, input, lang, expected) =>
    expect(redact(input, lang).text).toBe(expected),
  );

  it('reports offsets of the markers in the output, sorted, with the right kinds', () => {
    const input =
      'Jordan (jordan@agence.fr) : +33 6 12 34 56 78, https://jordan.fr, @jordan_cm, ' +
      'FR76 3000 6000 0112 3456 7890 189, 1 85 05 78 006 084 36.';
    for (const lang of ['fr', 'en'] as const) {
      const { text, redactions } = redact(input, lang);
      expect(redactions.map((r) => r.kind)).toEqual<RedactionKind[]>([
        'email',
        'phone',
        'url',
        'handle',
        'iban',
        'nir',
      ]);
      for (const r of redactions) {
        expect(text.slice(r.start, r.end)).toBe(REDACTION_MARKERS[lang][r.kind]);
      }
      const starts = redactions.map((r) => r.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('is stable: redacting a redacted text finds nothing new', () => {
    for (const [, input, lang] of cases) {
      const once = redact(input, lang);
      const twice = redact(once.text, lang);
      expect(twice.text).toBe(once.text);
      expect(twice.redactions).toEqual([]);
    }
  });

  it('returns a text without personal data unchanged, with no redactions', () => {
    const input = "J'ai 8 clients, je gagne 2 000 € net et je travaille 39h/semaine depuis 2021.";
    expect(redact(input, 'fr')).toEqual({ text: input, redactions: [] });
    expect(redact('', 'en')).toEqual({ text: '', redactions: [] });
  });

  it('writes the markers of the requested language', () => {
    const input =
      'a@b.fr 06 12 34 56 78 exemple.fr @cm FR7630006000011234567890189 185057800608436';
    expect(redact(input, 'fr').text).toBe(
      '[email] [téléphone] [lien] [pseudo] [IBAN] [numéro de sécurité sociale]',
    );
    expect(redact(input, 'en').text).toBe(
      '[email] [phone] [link] [handle] [IBAN] [social security number]',
    );
  });
});

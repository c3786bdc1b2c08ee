/**
 * The codebook of the microdata, generated from the questionnaire (docs/architecture.md, questionnaires):
 * a long CSV (one row per column and value) that R and pandas join on, and
 * the same content as Markdown for people. French and English side by side.
 * Pure.
 */
import { toCsv } from '../findings/csv';
import {
  CBI_HIGH_AT_OR_ABOVE,
  CBI_MIN_ITEMS,
  CBI_REVERSED_ITEM,
  WHO5_DEPRESSION_AT_OR_BELOW,
  WHO5_POOR_BELOW,
} from '../findings/scoring';
import { isQuasiIdentifier, type Instrument, type Localized, type Question } from '../survey/model';
import { indicatorDefinitionsMd } from './indicator-definitions';
import type { Column } from './microdata';
import { MISSING_CODES } from './missing';
import { routingText } from './routing';
import { field } from './table-schema';

export const INSTRUMENT_SCORING: Record<Instrument, Localized> = {
  who5: {
    fr: `Somme des 5 items (0–5) × 4, de 0 à 100 ; code -2 (sans réponse) si un item manque. Moins de ${WHO5_POOR_BELOW} : bien-être faible ; ${WHO5_DEPRESSION_AT_OR_BELOW} ou moins : dépression probable (Topp et al. 2015).`,
    en: `Sum of the 5 items (0–5) × 4, from 0 to 100; code -2 (no answer) if an item is missing. Below ${WHO5_POOR_BELOW}: poor wellbeing; ${WHO5_DEPRESSION_AT_OR_BELOW} or less: likely depression (Topp et al. 2015).`,
  },
  cbi_work: {
    fr: `Moyenne des items répondus sur 0–100, l’item ${CBI_REVERSED_ITEM} inversé ; code -2 (sans réponse) si moins de ${CBI_MIN_ITEMS} items sur 7 ; arrondi à 2 décimales. ${CBI_HIGH_AT_OR_ABOVE} ou plus : épuisement élevé (Kristensen et al. 2005).`,
    en: `Mean of the answered items on 0–100, item ${CBI_REVERSED_ITEM} reversed; code -2 (no answer) if fewer than ${CBI_MIN_ITEMS} of 7 items; rounded to 2 decimals. ${CBI_HIGH_AT_OR_ABOVE} or more: high burnout (Kristensen et al. 2005).`,
  },
};

const INSTRUMENT_NAMES: Record<Instrument, string> = {
  who5: 'WHO-5 Well-Being Index',
  cbi_work: 'Copenhagen Burnout Inventory, work-related',
};

function kind(column: Column): string {
  if (column.rowId) return 'id';
  if (column.score) return 'score';
  if (column.option) return 'multi';
  return column.question!.type;
}

function instrumentOf(column: Column): Instrument | undefined {
  const q = column.question;
  return column.score ?? (q?.type === 'scale' ? q.instrument : undefined);
}

/** Every question of the questionnaire the columns come from, for routing in words. */
const questionsBehind = (columns: Column[]) => {
  const seen = new Map<string, Question>();
  for (const c of columns) {
    if (c.question) seen.set(c.question.code, c.question);
    if (c.routing) seen.set(c.routing.on.code, c.routing.on);
  }
  return [...seen.values()];
};

export const CODEBOOK_FIELDS = [
  field('column', 'string', 'Colonne de responses.csv', 'Column of responses.csv'),
  field(
    'name_spss_stata',
    'string',
    'Nom de la variable dans load.sps et load.do',
    'Variable name in load.sps and load.do',
  ),
  field('question', 'string', 'Code de la question', 'Question code'),
  field(
    'kind',
    'string',
    'Nature (id, single, multi, scale, number, score)',
    'Kind (id, single, multi, scale, number, score)',
  ),
  field('type', 'string', 'Type Table Schema', 'Table Schema type'),
  field('ordered', 'integer', 'Valeurs ordonnées (1) ou non (0)', 'Values ordered (1) or not (0)'),
  field('label_fr', 'string', 'Libellé (français)', 'Label (French)'),
  field('label_en', 'string', 'Libellé (anglais)', 'Label (English)'),
  field('value', 'string', 'Valeur codée', 'Coded value'),
  field(
    'value_code_spss_stata',
    'string',
    'Code numérique de la valeur dans SPSS et Stata',
    'Numeric code of the value in SPSS and Stata',
  ),
  field('value_label_fr', 'string', 'Libellé de la valeur (français)', 'Value label (French)'),
  field('value_label_en', 'string', 'Libellé de la valeur (anglais)', 'Value label (English)'),
  field(
    'missing',
    'integer',
    'Code de valeur manquante (1) ou valeur (0)',
    'Missing-value code (1) or value (0)',
  ),
  field('minimum', 'number', 'Minimum', 'Minimum'),
  field('maximum', 'number', 'Maximum', 'Maximum'),
  field('unit_fr', 'string', 'Unité (français)', 'Unit (French)'),
  field('unit_en', 'string', 'Unité (anglais)', 'Unit (English)'),
  field('routing_fr', 'string', 'Filtre : à qui la question est posée', 'Routing (French)'),
  field('routing_en', 'string', 'Filtre (anglais)', 'Routing: who is asked the question'),
  field('instrument', 'string', 'Instrument validé', 'Validated instrument'),
  field('scoring_fr', 'string', 'Calcul du score (français)', 'Scoring (French)'),
  field('scoring_en', 'string', 'Calcul du score (anglais)', 'Scoring (English)'),
  field(
    'quasi_identifier',
    'integer',
    'Quasi-identifiant (1) ou non (0)',
    'Quasi-identifier (1) or not (0)',
  ),
];

/**
 * The numeric code of each value in SPSS and Stata: a categorical column's values are numbered
 * from 1 in codebook order; integer columns keep their values. Missing codes keep theirs.
 */
export function numericCodes(column: Column): { value: string | number; code: number }[] {
  return (column.values ?? []).map((v, i) => ({
    value: v.value,
    code: column.type === 'string' ? i + 1 : Number(v.value),
  }));
}

export function codebookCsv(columns: Column[]): string {
  const all = questionsBehind(columns);
  const rows = columns.flatMap((column) => {
    const q = column.question;
    const instrument = instrumentOf(column);
    const common = (
      value: string | number | null,
      numeric: number | null,
      label: Localized | null,
      missing: boolean,
    ) => [
      column.name,
      column.toolName,
      q?.code ?? null,
      kind(column),
      column.type,
      column.ordered ? 1 : 0,
      column.label.fr,
      column.label.en,
      value,
      numeric,
      label?.fr ?? null,
      label?.en ?? null,
      value === null ? null : missing ? 1 : 0,
      column.min ?? null,
      column.max ?? null,
      (q?.type === 'number' && q.unit?.fr) || null,
      (q?.type === 'number' && q.unit?.en) || null,
      q ? routingText(q, all, 'fr') : null,
      q ? routingText(q, all, 'en') : null,
      instrument ?? null,
      column.score ? INSTRUMENT_SCORING[column.score].fr : null,
      column.score ? INSTRUMENT_SCORING[column.score].en : null,
      q && isQuasiIdentifier(q) ? 1 : 0,
    ];
    const codes = new Map(numericCodes(column).map((c) => [c.value, c.code]));
    const values = (column.values ?? []).map((v) =>
      common(v.value, codes.get(v.value)!, v.label, false),
    );
    const missing = MISSING_CODES.filter((m) => column.missing.includes(m.reason)).map((m) =>
      common(m.code, m.code, m.label, true),
    );
    const rows = [...values, ...missing];
    return rows.length ? rows : [common(null, null, null, false)];
  });
  return toCsv(
    CODEBOOK_FIELDS.map((f) => f.name),
    rows,
  );
}

const cellText = (text: string | number) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function codebookMd(columns: Column[], year: number, version: string): string {
  const all = questionsBehind(columns);
  const lines = [
    `# Codebook — ${year} (questionnaire ${version})`,
    '',
    'Chaque colonne de `responses.csv` et `responses.parquet`, en français puis en anglais, avec son nom dans `load.sps` et `load.do`. Une cellule sans réponse porte un code qui dit pourquoi (ci-dessous).',
    '',
    'Every column of `responses.csv` and `responses.parquet`, in French then English, with its name in `load.sps` and `load.do`. A cell without an answer holds a code that says why (below).',
    '',
    '## Valeurs manquantes / Missing values',
    '',
    'Les mêmes codes dans toutes les colonnes : nombres dans les colonnes numériques, texte dans les colonnes catégorielles. / The same codes in every column: numbers in numeric columns, text in categorical ones.',
    '',
    '| code | Stata | FR | EN | description |',
    '| --- | --- | --- | --- | --- |',
    ...MISSING_CODES.map(
      (m) =>
        `| \`${m.code}\` | \`${m.stata}\` | ${cellText(m.label.fr)} | ${cellText(m.label.en)} | ${cellText(m.description.en)} |`,
    ),
    '',
    '## Noms SPSS et Stata / SPSS and Stata names',
    '',
    'Les noms à points (`profile.employer_type`) deviennent, dans `load.sps` et `load.do`, des noms de 32 caractères au plus faits de lettres, chiffres et `_` : chaque caractère autre devient `_` (`profile_employer_type`). / Dotted names become names of at most 32 letters, digits and `_` in `load.sps` and `load.do`: every other character becomes `_`.',
    '',
    '| column | SPSS / Stata |',
    '| --- | --- |',
    ...columns.map((c) => `| \`${c.name}\` | \`${c.toolName}\` |`),
    '',
    '## Colonnes / Columns',
    '',
  ];
  for (const column of columns) {
    const instrument = instrumentOf(column);
    const q = column.question;
    lines.push(`### \`${column.name}\``, '');
    lines.push(`- **FR** : ${column.label.fr}`, `- **EN**: ${column.label.en}`);
    lines.push(`- SPSS / Stata: \`${column.toolName}\``);
    lines.push(
      `- Type: ${kind(column)} (${column.type})${column.ordered ? ', ordered / ordonnées' : ''}`,
    );
    if (column.rowId) {
      lines.push(
        '- Clé primaire : un entier de 1 à n tiré au hasard à chaque paquet. / Primary key: an integer from 1 to n drawn at random for each package.',
      );
    }
    if (column.min !== undefined || column.max !== undefined) {
      const unit = q?.type === 'number' && q.unit ? ` ${q.unit.en}` : '';
      lines.push(`- Range: ${column.min ?? '−∞'} to ${column.max ?? '+∞'}${unit}`);
    }
    if (q?.showIf) {
      lines.push(
        `- Filtre : ${routingText(q, all, 'fr')}`,
        `- Routing: ${routingText(q, all, 'en')}`,
      );
    }
    if (instrument) lines.push(`- Instrument: ${INSTRUMENT_NAMES[instrument]}`);
    if (column.score) {
      lines.push(`- Calcul : ${INSTRUMENT_SCORING[column.score].fr}`);
      lines.push(`- Scoring: ${INSTRUMENT_SCORING[column.score].en}`);
      lines.push(`- Decimals / décimales : ${column.decimals ?? 0}`);
    }
    if (q && isQuasiIdentifier(q)) {
      lines.push(
        '- Quasi-identifiant : regroupé, ou masqué, de la même façon pour toutes les réponses. Quasi-identifier: grouped, or masked, the same way for every response.',
      );
    }
    const codes = new Map(numericCodes(column).map((c) => [c.value, c.code]));
    const values = [
      ...(column.values ?? []).map((v) => ({ ...v, numeric: codes.get(v.value)! })),
      ...MISSING_CODES.filter((m) => column.missing.includes(m.reason)).map((m) => ({
        value: m.code,
        label: m.label,
        numeric: m.code,
      })),
    ];
    if (values.length) {
      lines.push('', '| value | SPSS/Stata | FR | EN |', '| --- | --- | --- | --- |');
      for (const v of values) {
        lines.push(
          `| \`${cellText(v.value)}\` | ${v.numeric} | ${cellText(v.label.fr)} | ${cellText(v.label.en)} |`,
        );
      }
    }
    lines.push('');
  }
  lines.push(...indicatorDefinitionsMd());
  return lines.join('\n');
}

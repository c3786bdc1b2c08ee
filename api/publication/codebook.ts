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
import { isQuasiIdentifier, type Instrument, type Localized } from '../survey/model';
import type { Column } from './microdata';
import { field } from './table-schema';

export const INSTRUMENT_SCORING: Record<Instrument, Localized> = {
  who5: {
    fr: `Somme des 5 items (0–5) × 4, de 0 à 100 ; vide si un item manque. Moins de ${WHO5_POOR_BELOW} : bien-être faible ; ${WHO5_DEPRESSION_AT_OR_BELOW} ou moins : dépression probable (Topp et al. 2015).`,
    en: `Sum of the 5 items (0–5) × 4, from 0 to 100; empty if an item is missing. Below ${WHO5_POOR_BELOW}: poor wellbeing; ${WHO5_DEPRESSION_AT_OR_BELOW} or less: likely depression (Topp et al. 2015).`,
  },
  cbi_work: {
    fr: `Moyenne des items répondus sur 0–100, l’item ${CBI_REVERSED_ITEM} inversé ; vide si moins de ${CBI_MIN_ITEMS} items sur 7. ${CBI_HIGH_AT_OR_ABOVE} ou plus : épuisement élevé (Kristensen et al. 2005).`,
    en: `Mean of the answered items on 0–100, item ${CBI_REVERSED_ITEM} reversed; empty if fewer than ${CBI_MIN_ITEMS} of 7 items. ${CBI_HIGH_AT_OR_ABOVE} or more: high burnout (Kristensen et al. 2005).`,
  },
};

const INSTRUMENT_NAMES: Record<Instrument, string> = {
  who5: 'WHO-5 Well-Being Index',
  cbi_work: 'Copenhagen Burnout Inventory, work-related',
};

function kind(column: Column): string {
  if (column.score) return 'score';
  if (column.option) return 'multi';
  return column.question!.type;
}

function instrumentOf(column: Column): Instrument | undefined {
  const q = column.question;
  return column.score ?? (q?.type === 'scale' ? q.instrument : undefined);
}

export const CODEBOOK_FIELDS = [
  field('column', 'string', 'Colonne de responses.csv', 'Column of responses.csv'),
  field('question', 'string', 'Code de la question', 'Question code'),
  field(
    'kind',
    'string',
    'Nature (single, multi, scale, number, score)',
    'Kind (single, multi, scale, number, score)',
  ),
  field('type', 'string', 'Type Table Schema', 'Table Schema type'),
  field('label_fr', 'string', 'Libellé (français)', 'Label (French)'),
  field('label_en', 'string', 'Libellé (anglais)', 'Label (English)'),
  field('value', 'string', 'Valeur codée', 'Coded value'),
  field('value_label_fr', 'string', 'Libellé de la valeur (français)', 'Value label (French)'),
  field('value_label_en', 'string', 'Libellé de la valeur (anglais)', 'Value label (English)'),
  field('minimum', 'number', 'Minimum', 'Minimum'),
  field('maximum', 'number', 'Maximum', 'Maximum'),
  field('unit_fr', 'string', 'Unité (français)', 'Unit (French)'),
  field('unit_en', 'string', 'Unité (anglais)', 'Unit (English)'),
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

export function codebookCsv(columns: Column[]): string {
  const rows = columns.flatMap((column) => {
    const q = column.question;
    const instrument = instrumentOf(column);
    const common = (value: string | number | null, label: Localized | null) => [
      column.name,
      q?.code ?? null,
      kind(column),
      column.type,
      column.label.fr,
      column.label.en,
      value,
      label?.fr ?? null,
      label?.en ?? null,
      column.min ?? null,
      column.max ?? null,
      (q?.type === 'number' && q.unit?.fr) || null,
      (q?.type === 'number' && q.unit?.en) || null,
      instrument ?? null,
      column.score ? INSTRUMENT_SCORING[column.score].fr : null,
      column.score ? INSTRUMENT_SCORING[column.score].en : null,
      q && isQuasiIdentifier(q) ? 1 : 0,
    ];
    if (column.option) {
      return [common(1, column.option.label), common(0, { fr: 'Non coché', en: 'Not ticked' })];
    }
    if (column.values) return column.values.map((v) => common(v.value, v.label));
    return [common(null, null)];
  });
  return toCsv(
    CODEBOOK_FIELDS.map((f) => f.name),
    rows,
  );
}

const cellText = (text: string | number) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function codebookMd(columns: Column[], year: number, version: string): string {
  const lines = [
    `# Codebook — ${year} (questionnaire ${version})`,
    '',
    'Chaque colonne de `responses.csv` et `responses.parquet`, en français puis en anglais. Une cellule vide signifie « sans réponse » ou « question non posée ».',
    '',
    'Every column of `responses.csv` and `responses.parquet`, in French then English. An empty cell means "no answer" or "question not asked".',
    '',
  ];
  for (const column of columns) {
    const instrument = instrumentOf(column);
    lines.push(`## \`${column.name}\``, '');
    lines.push(`- **FR** : ${column.label.fr}`, `- **EN**: ${column.label.en}`);
    lines.push(`- Type: ${kind(column)} (${column.type})`);
    if (column.min !== undefined || column.max !== undefined) {
      const q = column.question;
      const unit = q?.type === 'number' && q.unit ? ` ${q.unit.en}` : '';
      lines.push(`- Range: ${column.min ?? '−∞'} to ${column.max ?? '+∞'}${unit}`);
    }
    if (instrument) lines.push(`- Instrument: ${INSTRUMENT_NAMES[instrument]}`);
    if (column.score) {
      lines.push(`- Calcul : ${INSTRUMENT_SCORING[column.score].fr}`);
      lines.push(`- Scoring: ${INSTRUMENT_SCORING[column.score].en}`);
    }
    if (column.question && isQuasiIdentifier(column.question)) {
      lines.push(
        '- Quasi-identifiant : regroupé, ou masqué, de la même façon pour toutes les réponses. Quasi-identifier: grouped, or masked, the same way for every response.',
      );
    }
    const values = column.option
      ? [
          { value: 1, label: column.option.label },
          { value: 0, label: { fr: 'Non coché', en: 'Not ticked' } },
        ]
      : column.values;
    if (values) {
      lines.push('', '| value | FR | EN |', '| --- | --- | --- |');
      for (const v of values) {
        lines.push(
          `| \`${cellText(v.value)}\` | ${cellText(v.label.fr)} | ${cellText(v.label.en)} |`,
        );
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

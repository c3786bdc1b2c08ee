/**
 * indicators.csv: the edition's published figures, overall and by every
 * dimension, in one long table. The values come from the summary, where
 * suppression has already been applied; nothing is recomputed here. Pure.
 */
import { toCsv } from '../findings/csv';
import type { Figure, Summary } from '../findings/summary';
import { field } from './table-schema';

export const INDICATORS_FIELDS = [
  field('edition', 'integer', 'Édition', 'Edition'),
  field('indicator', 'string', 'Code de l’indicateur', 'Indicator code'),
  field('unit', 'string', 'Unité (percent, hours, score)', 'Unit (percent, hours, score)'),
  field('dimension', 'string', 'Dimension (vide : ensemble)', 'Dimension (empty: overall)'),
  field('group', 'string', 'Groupe de la dimension', 'Group of the dimension'),
  field('label_fr', 'string', 'Libellé (français)', 'Label (French)'),
  field('label_en', 'string', 'Libellé (anglais)', 'Label (English)'),
  field('value', 'number', 'Valeur (vide si masquée)', 'Value (empty when suppressed)'),
  field('ci_low', 'number', 'Borne basse de l’IC à 95 %', 'Lower bound of the 95% CI'),
  field('ci_high', 'number', 'Borne haute de l’IC à 95 %', 'Upper bound of the 95% CI'),
  field('n', 'integer', 'Effectif (vide si masqué)', 'Respondents (empty when suppressed)'),
  field(
    'suppressed',
    'boolean',
    'Masqué par le secret statistique',
    'Suppressed for disclosure control',
  ),
];

export function indicatorsCsv(summary: Summary): string {
  const rows = summary.indicators.flatMap((i) => {
    const figure = (f: Figure) => [
      f.value,
      f.ci?.[0] ?? null,
      f.ci?.[1] ?? null,
      f.n,
      f.suppressed,
    ];
    const overall = [
      summary.edition,
      i.code,
      i.unit,
      null,
      null,
      i.label.fr,
      i.label.en,
      ...figure(i),
    ];
    const groups = Object.entries(summary.breakdowns[i.code] ?? {}).flatMap(([dimension, cells]) =>
      cells.map((c) => [
        summary.edition,
        i.code,
        i.unit,
        dimension,
        c.group,
        c.label.fr,
        c.label.en,
        ...figure(c),
      ]),
    );
    return [overall, ...groups];
  });
  return toCsv(
    INDICATORS_FIELDS.map((f) => f.name),
    rows,
  );
}

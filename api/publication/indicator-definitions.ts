/**
 * How each published indicator is computed, in words a researcher can reproduce from the
 * microdata (numerator, denominator, exclusions, scoring), and how the breakdown groups of
 * indicators.csv map onto the codes of responses.csv. Generated from the definitions the findings
 * run on (api/findings/definitions.ts, measures.ts, scoring.ts); the package test checks each
 * share's threshold against the code. Pure.
 */
import { toCsv } from '../findings/csv';
import {
  DIMENSIONS,
  INDICATORS,
  dimensionGroups,
  type IndicatorDef,
  type MeasureCode,
} from '../findings/definitions';
import { FLAG_MEASURES } from '../findings/measures';
import { CBI_ITEMS, CBI_MIN_ITEMS, CBI_REVERSED_ITEM, WHO5_ITEMS } from '../findings/scoring';
import {
  choicesOf,
  generalisationOf,
  type Localized,
  type Question,
  type Questionnaire,
} from '../survey/model';
import { questionsOf } from '../survey/questionnaires';
import { isMasked, type Column } from './microdata';
import { isPreferNotToSay, missingCode } from './missing';
import { field } from './table-schema';

/** A share's rule on the per-respondent value; the package test runs it against the code. */
export interface ShareRule {
  op: '>=' | '<' | '<=' | '=';
  value: number;
}

export const SHARE_RULES: Record<string, ShareRule> = {
  evenings_2plus: { op: '>=', value: 2 },
  weekends: { op: '>=', value: 1 },
  messages_days_off: { op: '=', value: 1 },
  hostile_weekly: { op: '=', value: 1 },
  harassed_12m: { op: '=', value: 1 },
  who5_poor: { op: '<', value: 50 },
  who5_depression: { op: '<=', value: 28 },
  cbi_high: { op: '>=', value: 50 },
  intent_leave: { op: '=', value: 1 },
};

export const applyRule = (rule: ShareRule, x: number) =>
  rule.op === '>='
    ? x >= rule.value
    : rule.op === '<'
      ? x < rule.value
      : rule.op === '<='
        ? x <= rule.value
        : x === rule.value;

interface MeasureDoc {
  columns: string[];
  value: Localized;
}

const list = (codes: readonly string[]) => codes.join(', ');

function measureDoc(measure: MeasureCode): MeasureDoc {
  const flag = FLAG_MEASURES[measure];
  if (flag) {
    const among: Localized = flag.among
      ? {
          fr: ` ; les autres réponses (hors ${list(flag.among)}) sont exclues`,
          en: `; other answers (outside ${list(flag.among)}) are left out`,
        }
      : { fr: '', en: '' };
    return {
      columns: [flag.question],
      value: {
        fr: `1 si ${flag.question} vaut ${list(flag.yes)}, 0 pour toute autre option${among.fr}`,
        en: `1 if ${flag.question} is ${list(flag.yes)}, 0 for any other option${among.en}`,
      },
    };
  }
  switch (measure) {
    case 'overtime':
      return {
        columns: ['work.hours_actual', 'work.hours_contract'],
        value: {
          fr: 'work.hours_actual − work.hours_contract, pour qui a répondu aux deux (la durée contractuelle exacte ; dans le fichier, elle peut être regroupée ou masquée)',
          en: 'work.hours_actual − work.hours_contract, for those who answered both (the exact contracted hours; the file may release them grouped or masked)',
        },
      };
    case 'evenings':
      return {
        columns: ['work.evenings_per_week'],
        value: { fr: 'work.evenings_per_week', en: 'work.evenings_per_week' },
      };
    case 'weekends':
      return {
        columns: ['work.weekends_per_month'],
        value: { fr: 'work.weekends_per_month', en: 'work.weekends_per_month' },
      };
    case 'who5':
      return {
        columns: [...WHO5_ITEMS, 'score.who5'],
        value: {
          fr: `score.who5 : somme des ${WHO5_ITEMS.length} items × 4, seulement si tous sont répondus`,
          en: `score.who5: sum of the ${WHO5_ITEMS.length} items × 4, only when all are answered`,
        },
      };
    case 'cbi':
      return {
        columns: [...CBI_ITEMS, 'score.cbi_work'],
        value: {
          fr: `score.cbi_work : moyenne des items répondus (${CBI_REVERSED_ITEM} inversé : 100 − valeur), seulement si au moins ${CBI_MIN_ITEMS} items sur ${CBI_ITEMS.length} sont répondus`,
          en: `score.cbi_work: mean of the answered items (${CBI_REVERSED_ITEM} reversed: 100 − value), only when at least ${CBI_MIN_ITEMS} of ${CBI_ITEMS.length} items are answered`,
        },
      };
    default:
      throw new Error(`No documentation for the measure ${measure}`);
  }
}

const OPS: Record<ShareRule['op'], Localized> = {
  '>=': { fr: 'au moins', en: 'at least' },
  '<': { fr: 'moins de', en: 'below' },
  '<=': { fr: 'au plus', en: 'at most' },
  '=': { fr: 'égale à', en: 'equal to' },
};

function definition(i: IndicatorDef) {
  const m = measureDoc(i.measure);
  const denominator: Localized = {
    fr: `les répondants pour qui la valeur existe : ${m.value.fr}`,
    en: `respondents for whom the value exists: ${m.value.en}`,
  };
  const exclusions: Localized = {
    fr: 'Réponses retirées ; cellules à code manquant (-1 non posée, -2 sans réponse, -3 préfère ne pas répondre) dans les colonnes lues.',
    en: 'Withdrawn responses; cells with a missing code (-1 not asked, -2 no answer, -3 prefers not to say) in the columns read.',
  };
  const rule = SHARE_RULES[i.code];
  const statistic =
    i.reduce.kind === 'share' ? 'share' : i.reduce.kind === 'mean' ? 'mean' : 'median';
  const numerator: Localized | null = rule
    ? {
        fr: `les répondants dont la valeur est ${OPS[rule.op].fr} ${rule.value}`,
        en: `respondents whose value is ${OPS[rule.op].en} ${rule.value}`,
      }
    : null;
  const publication: Localized =
    statistic === 'share'
      ? {
          fr: 'Pourcentage numérateur / dénominateur (comptes perturbés par la méthode des clés de cellule, ±2), intervalle de Wilson à 95 % ; publié seulement si le numérateur et son complément comptent chacun au moins k répondants.',
          en: 'Percentage numerator / denominator (counts perturbed by the cell-key method, ±2), Wilson 95% interval; published only when the numerator and its complement each hold at least k respondents.',
        }
      : statistic === 'mean'
        ? {
            fr: 'Moyenne des valeurs, intervalle t à 95 %, n perturbé ; publiée si n ≥ k.',
            en: 'Mean of the values, t 95% interval, perturbed n; published when n ≥ k.',
          }
        : {
            fr: 'Médiane des valeurs, n perturbé ; publiée si n ≥ k.',
            en: 'Median of the values, perturbed n; published when n ≥ k.',
          };
  return { m, denominator, exclusions, statistic, numerator, publication };
}

export const INDICATOR_DEFINITION_FIELDS = [
  field('indicator', 'string', 'Code de l’indicateur', 'Indicator code'),
  field('label_fr', 'string', 'Libellé (français)', 'Label (French)'),
  field('label_en', 'string', 'Libellé (anglais)', 'Label (English)'),
  field('unit', 'string', 'Unité', 'Unit'),
  field('statistic', 'string', 'Statistique (share, mean, median)', 'Statistic'),
  field('columns', 'string', 'Colonnes de responses.csv lues', 'Columns of responses.csv read'),
  field('value_fr', 'string', 'Valeur par répondant', 'Value per respondent (French)'),
  field('value_en', 'string', 'Valeur par répondant (anglais)', 'Value per respondent'),
  field('numerator_fr', 'string', 'Numérateur', 'Numerator (French)'),
  field('numerator_en', 'string', 'Numérateur (anglais)', 'Numerator'),
  field('denominator_fr', 'string', 'Dénominateur', 'Denominator (French)'),
  field('denominator_en', 'string', 'Dénominateur (anglais)', 'Denominator'),
  field('exclusions_fr', 'string', 'Exclusions', 'Exclusions (French)'),
  field('exclusions_en', 'string', 'Exclusions (anglais)', 'Exclusions'),
  field('publication_fr', 'string', 'Calcul publié', 'Publication (French)'),
  field('publication_en', 'string', 'Calcul publié (anglais)', 'Publication'),
];

export function indicatorDefinitionsCsv(): string {
  return toCsv(
    INDICATOR_DEFINITION_FIELDS.map((f) => f.name),
    INDICATORS.map((i) => {
      const d = definition(i);
      return [
        i.code,
        i.label.fr,
        i.label.en,
        i.unit,
        d.statistic,
        d.m.columns.join(' '),
        d.m.value.fr,
        d.m.value.en,
        d.numerator?.fr ?? null,
        d.numerator?.en ?? null,
        d.denominator.fr,
        d.denominator.en,
        d.exclusions.fr,
        d.exclusions.en,
        d.publication.fr,
        d.publication.en,
      ];
    }),
  );
}

export function indicatorDefinitionsMd(): string[] {
  const lines = ['## Indicateurs / Indicators', ''];
  for (const i of INDICATORS) {
    const d = definition(i);
    lines.push(`### \`${i.code}\` — ${i.label.en}`, '');
    lines.push(`- FR : ${i.label.fr}`);
    lines.push(`- Statistic: ${d.statistic} (${i.unit}); columns: ${d.m.columns.join(', ')}`);
    lines.push(`- Value per respondent: ${d.m.value.en}`);
    if (d.numerator) lines.push(`- Numerator: ${d.numerator.en}`);
    lines.push(`- Denominator: ${d.denominator.en}`);
    lines.push(`- Exclusions: ${d.exclusions.en}`);
    lines.push(`- Published: ${d.publication.en}`, '');
  }
  lines.push(
    'Les groupes des ventilations d’`indicators.csv` et leurs codes dans `responses.csv` : `groups.csv`. / The breakdown groups of `indicators.csv` and their codes in `responses.csv`: `groups.csv`.',
    '',
  );
  return lines;
}

export const GROUPS_FIELDS = [
  field('dimension', 'string', 'Dimension d’indicators.csv', 'Dimension of indicators.csv'),
  field('group', 'string', 'Groupe d’indicators.csv', 'Group of indicators.csv'),
  field('label_fr', 'string', 'Libellé (français)', 'Label (French)'),
  field('label_en', 'string', 'Libellé (anglais)', 'Label (English)'),
  field('column', 'string', 'Colonne de responses.csv', 'Column of responses.csv'),
  field(
    'options',
    'string',
    'Réponses du questionnaire regroupées (codes séparés par des espaces)',
    'Questionnaire answers grouped (codes separated by spaces)',
  ),
  field(
    'values_in_responses',
    'string',
    'Valeurs de responses.csv qui forment le groupe (espaces)',
    'Values of responses.csv that make up the group (spaces)',
  ),
  field(
    'reproducible',
    'integer',
    'Le groupe se retrouve exactement dans responses.csv (1) ou non (0)',
    'The group is found exactly in responses.csv (1) or not (0)',
  ),
];

/** Each option's released value at the column's level, and the options behind each released value. */
function releasedMembers(q: Question, column: Column | undefined) {
  const level = column?.level ?? 0;
  const valueOf = new Map<string, string>();
  const membersOf = new Map<string, string[]>();
  if (!column || isMasked(q, level)) return { valueOf, membersOf };
  for (const o of choicesOf(q)) {
    const value =
      level === 0
        ? isPreferNotToSay(o)
          ? String(missingCode('prefer_not_to_say'))
          : o.code
        : generalisationOf(q)[level - 1]!.find((g) => g.members.includes(o.code))!.code;
    valueOf.set(o.code, value);
    membersOf.set(value, [...(membersOf.get(value) ?? []), o.code]);
  }
  return { valueOf, membersOf };
}

export function groupsCsv(questionnaire: Questionnaire, columns: Column[]): string {
  const all = questionsOf(questionnaire);
  const rows = DIMENSIONS.flatMap((dim) => {
    const q = all.find((x) => x.code === dim.question);
    if (!q) return [];
    const column = columns.find((c) => c.name === q.code);
    const { valueOf, membersOf } = releasedMembers(q, column);
    return dimensionGroups(dim, q).map((g) => {
      const members = g.members;
      const values = [
        ...new Set(members.map((m) => valueOf.get(m)).filter((v) => v !== undefined)),
      ];
      const exact =
        values.length > 0 &&
        values.every((v) => membersOf.get(v)!.every((m) => members.includes(m)));
      return [
        dim.code,
        g.code,
        g.label.fr,
        g.label.en,
        q.code,
        members.join(' '),
        exact ? values.join(' ') : null,
        exact ? 1 : 0,
      ];
    });
  });
  return toCsv(
    GROUPS_FIELDS.map((f) => f.name),
    rows,
  );
}

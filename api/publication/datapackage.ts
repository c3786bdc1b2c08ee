/**
 * datapackage.json: the Frictionless Data Package (v2) that describes every
 * file of an edition's package, with a Table Schema per table, the licence,
 * the sources and the anonymisation applied. Pure.
 */
import { isQuasiIdentifier } from '../survey/model';
import { CODEBOOK_FIELDS } from './codebook';
import { INDICATORS_FIELDS } from './indicators';
import { SUPPRESSED, type Column } from './microdata';
import type { DisclosureRisk } from './risk';
import type { TableField } from './table-schema';

export const LICENCE = {
  name: 'etalab-2.0',
  title: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};

export interface PackageFacts {
  year: number;
  questionnaireVersion: string;
  k: number;
  publishedOn: string;
  /** The public site, for the links to the methodology and the findings. */
  siteUrl: string;
  /** Rows of the microdata: responses of the edition minus the withdrawn ones, or none if withheld. */
  rows: number;
  /** The anonymisation applied and what it leaves: disclosure-risk.json. */
  risk: DisclosureRisk;
  freeTextQuestions: string[];
}

export function responseFields(columns: Column[]): TableField[] {
  return columns.map((column) => {
    const constraints: TableField['constraints'] = {};
    if (column.values) constraints.enum = column.values.map((v) => v.value);
    else if (column.option) constraints.enum = [0, 1];
    if (column.min !== undefined) constraints.minimum = column.min;
    if (column.max !== undefined) constraints.maximum = column.max;
    return {
      name: column.name,
      type: column.type,
      title: column.label.fr,
      title_en: column.label.en,
      ...(Object.keys(constraints).length ? { constraints } : {}),
      ...(column.values
        ? {
            categories: column.values.map((v) => ({
              value: v.value,
              label: v.label.fr,
              label_en: v.label.en,
            })),
          }
        : {}),
      ...(column.question && isQuasiIdentifier(column.question)
        ? { quasiIdentifier: true as const }
        : {}),
    };
  });
}

const csvDialect = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"' };

export const RISK_FILE = 'disclosure-risk.json';

export function dataPackage(facts: PackageFacts, columns: Column[]) {
  const { year, k, siteUrl, risk } = facts;
  const fields = responseFields(columns);
  const responsesSchema = { fields, missingValues: [''] };
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: `observatoire-cm-${year}`,
    title: `Observatoire des community managers — enquête ${year}`,
    title_en: `Community Manager Observatory — ${year} survey`,
    description: `Réponses anonymisées à l’enquête annuelle ${year} sur la charge de travail et le bien-être des community managers, avec les indicateurs publiés et le dictionnaire des variables.`,
    description_en: `Anonymised responses to the ${year} annual survey of community managers' workload and wellbeing, with the published indicators and the codebook.`,
    created: `${facts.publishedOn}T00:00:00Z`,
    homepage: `${siteUrl}/resultats/${year}`,
    keywords: [
      'community manager',
      'charge de travail',
      'bien-être',
      'workload',
      'wellbeing',
      'WHO-5',
      'CBI',
    ],
    licenses: [LICENCE],
    contributors: [{ title: 'Observatoire des community managers', roles: ['publisher'] }],
    sources: [
      {
        title: `Enquête annuelle ${year} (questionnaire ${facts.questionnaireVersion}), auto-administrée en ligne`,
        path: `${siteUrl}/resultats/methodologie`,
      },
    ],
    methodology: {
      sampling:
        'Self-selected online sample of community managers working in France; not a random sample, so percentages describe respondents, not the whole profession.',
      sampling_fr:
        'Échantillon en ligne auto-sélectionné de community managers travaillant en France ; ce n’est pas un échantillon aléatoire, les pourcentages décrivent les répondants et non toute la profession.',
      instruments:
        'WHO-5 Well-Being Index (Topp et al. 2015); Copenhagen Burnout Inventory, work-related subscale (Kristensen et al. 2005). See codebook.md for scoring.',
      questionnaire: facts.questionnaireVersion,
      url: `${siteUrl}/resultats/methodologie`,
    },
    anonymisation: {
      method: risk.method,
      k,
      l: risk.criteria.l,
      lDiversity: 'distinct',
      quasiIdentifiers: risk.quasiIdentifiers,
      sensitiveAttributes: risk.sensitiveAttributes.map((s) => s.name),
      generalisation: risk.levels.map(({ question, level, name, description }) => ({
        question,
        level,
        name,
        description,
      })),
      suppressedRecords: risk.after.suppressedRecords,
      suppressedValue: SUPPRESSED,
      suppressedValueMeaning:
        'The quasi-identifier is masked for every response of the file, never for some only.',
      withheld: risk.withheld,
      riskReport: {
        path: RISK_FILE,
        sampleUniquesBefore: risk.before.sampleUniques,
        sampleUniquesAfter: risk.after.sampleUniques,
        kReached: risk.after.k,
        lReached: risk.after.l,
        classes: risk.after.classes,
      },
      withdrawnResponses: 'excluded',
      freeTextRemoved: facts.freeTextQuestions,
      timestamps: 'none (submission dates are not released)',
      aggregates: `Every figure in indicators.csv rests on at least ${k} respondents; smaller cells and cells that would reveal them are suppressed (empty value, suppressed = true).`,
    },
    resources: [
      {
        name: 'responses',
        title: 'Réponses anonymisées',
        title_en: 'Anonymised responses',
        path: 'responses.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: csvDialect,
        rows: facts.rows,
        schema: responsesSchema,
      },
      {
        name: 'responses-parquet',
        title: 'Réponses anonymisées (Parquet, colonnes typées)',
        title_en: 'Anonymised responses (Parquet, typed columns)',
        path: 'responses.parquet',
        format: 'parquet',
        mediatype: 'application/vnd.apache.parquet',
        rows: facts.rows,
        schema: responsesSchema,
      },
      {
        name: 'disclosure-risk',
        title: 'Rapport de risque de divulgation des réponses anonymisées',
        title_en: 'Disclosure-risk report of the anonymised responses',
        path: RISK_FILE,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
      },
      {
        name: 'indicators',
        title: 'Indicateurs publiés, avec secret statistique',
        title_en: 'Published indicators, with suppression applied',
        path: 'indicators.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: csvDialect,
        schema: { fields: INDICATORS_FIELDS, missingValues: [''] },
      },
      {
        name: 'codebook',
        title: 'Dictionnaire des variables',
        title_en: 'Codebook',
        path: 'codebook.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: csvDialect,
        schema: { fields: CODEBOOK_FIELDS, missingValues: [''] },
      },
    ],
  };
}

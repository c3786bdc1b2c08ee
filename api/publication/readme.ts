/** README.md of an edition's data package, in French then English. Pure. */
import { isQuasiIdentifier, type Locale } from '../survey/model';
import {
  LICENCE,
  packageFolder,
  packageVersion,
  RISK_FILE,
  SYNTHETIC,
  type PackageFacts,
} from './datapackage';
import type { Column } from './microdata';
import { MISSING_CODES } from './missing';
import type { DisclosureRisk } from './risk';

/** The snippets that load the data with labels, the same in both languages. */
function loadingSnippets(columns: Column[]): string[] {
  const example =
    columns.find(
      (c) =>
        c.type === 'string' && c.values?.length && !(c.question && isQuasiIdentifier(c.question)),
    ) ?? columns.find((c) => c.type === 'string' && c.values?.length);
  const name = example?.name ?? 'career.intent_leave';
  const codes = MISSING_CODES.map((m) => `'${m.code}'`).join(', ');
  return [
    '```r',
    'source("load.R")                 # French labels; lang <- "en"; source("load.R") for English',
    'str(responses)                   # factors, ordered factors, NA for every missing code',
    'table(responses_missing[["work.clients_count"]])   # why values are missing',
    '```',
    '',
    '```spss',
    "CD '/path/to/this/folder'.",
    "INSERT FILE='load.sps'.        /* then INSERT FILE='labels-en.sps' for English labels.",
    '```',
    '',
    '```stata',
    'cd "/path/to/this/folder"',
    'do load.do en                  // or: do load.do   (French labels)',
    '```',
    '',
    '```python',
    'import pandas as pd',
    '',
    `MISSING = [${codes}]`,
    'codebook = pd.read_csv("codebook.csv", dtype=str, keep_default_na=False)',
    'd = pd.read_csv("responses.csv", na_values=MISSING, keep_default_na=False)',
    'values = codebook[(codebook.value != "") & (codebook.missing == "0") & (codebook.kind != "multi")]',
    'for column, v in values.groupby("column", sort=False):',
    '    ordered = v.ordered.iloc[0] == "1"',
    '    codes = d[column].astype("Int64").astype(str) if v.type.iloc[0] == "integer" else d[column]',
    '    d[column] = pd.Categorical(codes, categories=list(v.value), ordered=ordered)',
    '    d[column] = d[column].cat.rename_categories(list(v.value_label_en))  # or value_label_fr',
    '```',
    '',
    '```sql',
    '-- DuckDB: the Parquet file, one column as an ENUM of its labels (its missing codes become NULL)',
    `CREATE TYPE label_type AS ENUM (SELECT value_label_en FROM read_csv('codebook.csv', all_varchar = true) WHERE "column" = '${name}' AND missing = '0');`,
    'CREATE TABLE responses AS',
    `  SELECT * REPLACE (CAST((SELECT value_label_en FROM read_csv('codebook.csv', all_varchar = true) c WHERE c."column" = '${name}' AND c.missing = '0' AND c.value = r."${name}") AS label_type) AS "${name}")`,
    "  FROM 'responses.parquet' r;",
    `SELECT "${name}", count(*) FROM responses GROUP BY ALL ORDER BY 1;`,
    '```',
    '',
    "`frictionless validate datapackage.json` reads the codes of the Table Schema's `missingValues`; the Parquet file holds the same values as the CSV and no null (frictionless-py reads Parquet nulls as NaN).",
  ];
}

function missingLines(locale: Locale): string[] {
  return MISSING_CODES.map(
    (m) => `| \`${m.code}\` | \`${m.stata}\` | ${m.label[locale]} | ${m.description[locale]} |`,
  );
}

function generalisationLines(facts: PackageFacts, locale: Locale): string[] {
  return facts.risk.levels.map(
    (g) => `  - \`${g.question}\`${locale === 'fr' ? ' :' : ':'} ${g.description[locale]}`,
  );
}

const RISK_WORDS = {
  fr: {
    title: '## Risque de divulgation',
    intro: (risk: DisclosureRisk) =>
      `Mesures calculées sur le fichier publié (détail dans \`${RISK_FILE}\`). Seuils : au moins k = ${risk.criteria.k} réponses par combinaison de quasi-identifiants, et au moins l = ${risk.criteria.l} valeurs distinctes de chaque attribut sensible dans chaque combinaison (une non-réponse compte comme une valeur).`,
    measure: 'mesure',
    value: 'valeur',
    records: 'Réponses',
    uniquesBefore: (count: number) =>
      `Réponses uniques sur les ${count} quasi-identifiants en détail complet, avant protection`,
    uniquesDeclared: (count: number) =>
      `Réponses uniques sur les ${count} quasi-identifiants déclarés avant 2026, en détail complet`,
    uniquesAfter: 'Réponses uniques dans le fichier publié',
    k: 'k atteint (plus petite combinaison)',
    l: (label: string) => `l distinct atteint : ${label}`,
    classes: 'Combinaisons de quasi-identifiants dans le fichier',
    suppressed: 'Réponses masquées individuellement',
    allMasked:
      'Aucun regroupement moins fort ne respectait ces seuils : tous les quasi-identifiants sont masqués.',
  },
  en: {
    title: '## Disclosure risk',
    intro: (risk: DisclosureRisk) =>
      `Measured on the released file (details in \`${RISK_FILE}\`). Thresholds: at least k = ${risk.criteria.k} responses per combination of quasi-identifiers, and at least l = ${risk.criteria.l} distinct values of each sensitive attribute in each combination (no answer counts as a value).`,
    measure: 'measure',
    value: 'value',
    records: 'Responses',
    uniquesBefore: (count: number) =>
      `Responses unique on the ${count} quasi-identifiers at full detail, before protection`,
    uniquesDeclared: (count: number) =>
      `Responses unique on the ${count} quasi-identifiers declared before 2026, at full detail`,
    uniquesAfter: 'Responses unique in the released file',
    k: 'k reached (smallest combination)',
    l: (label: string) => `Distinct l reached: ${label}`,
    classes: 'Combinations of quasi-identifiers in the file',
    suppressed: 'Responses masked on their own',
    allMasked: 'No lighter grouping met these thresholds: every quasi-identifier is masked.',
  },
};

/** The risk report as a Markdown section. */
export function riskSection(risk: DisclosureRisk, locale: Locale): string[] {
  const w = RISK_WORDS[locale];
  const shown = (x: number | null) => (x === null ? '—' : String(x));
  const rows: [string, string][] = [
    [w.records, String(risk.records)],
    [w.uniquesBefore(risk.quasiIdentifiers.length), String(risk.before.sampleUniques)],
    [
      w.uniquesDeclared(risk.before.declaredSubset.quasiIdentifiers.length),
      String(risk.before.declaredSubset.sampleUniques),
    ],
    [w.uniquesAfter, String(risk.after.sampleUniques)],
    [w.k, shown(risk.after.k)],
    ...risk.sensitiveAttributes.map((s): [string, string] => [
      w.l(s.label[locale]),
      shown(risk.after.l[s.name] ?? null),
    ]),
    [w.classes, String(risk.after.classes)],
    [w.suppressed, String(risk.after.suppressedRecords)],
  ];
  return [
    w.title,
    '',
    w.intro(risk),
    '',
    `| ${w.measure} | ${w.value} |`,
    '| --- | ---: |',
    ...rows.map(([m, v]) => `| ${m} | ${v} |`),
    ...(risk.allMasked && !risk.withheld ? ['', w.allMasked] : []),
  ];
}

export function packageReadme(facts: PackageFacts, columns: Column[]): string {
  const { year, k, rows, siteUrl } = facts;
  const version = packageVersion(facts);
  const citation = `Observatoire des community managers (${facts.publishedOn.slice(0, 4)}). Enquête annuelle ${year} : réponses anonymisées et indicateurs${facts.demo ? ' (données synthétiques)' : ''} [jeu de données], version ${version}. ${LICENCE.title}. ${siteUrl}/donnees/${year}`;
  return [
    `# Observatoire des community managers — données ${year}${facts.demo ? ' (données synthétiques / synthetic data)' : ''}`,
    '',
    ...(facts.demo ? [`> **${SYNTHETIC.fr}**`, '>', `> **${SYNTHETIC.en}**`, ''] : []),
    '*English below.*',
    '',
    `Réponses anonymisées à l’enquête annuelle ${year} sur la charge de travail et le bien-être des community managers (questionnaire ${facts.questionnaireVersion}), publiées le ${facts.publishedOn}. Version ${version} : diffusion finale n° ${facts.release.number} du ${facts.release.releasedOn}. Tous les fichiers sont dans le dossier \`${packageFolder(year)}/\`.`,
    '',
    '## Fichiers',
    '',
    `- \`responses.csv\` : ${rows} réponses, une ligne par réponse, une colonne par question (UTF-8, virgule). Une question à choix multiples donne une colonne 0/1 par option ; les scores WHO-5 et CBI sont des colonnes. \`row_id\` est un identifiant tiré au hasard pour ce paquet. Une cellule sans réponse porte un code qui dit pourquoi (ci-dessous).`,
    '- `responses.parquet` : le même contenu, colonnes typées.',
    '- `load.R`, `load.sps` (+ `labels-en.sps`), `load.do` : lisent `responses.csv` avec les libellés dans R, SPSS ou PSPP, et Stata.',
    '- `datapackage.json` : description Frictionless (Data Package v2) de chaque fichier, types, valeurs permises, valeurs manquantes, taille et SHA-256.',
    '- `codebook.csv`, `codebook.md` : le libellé de chaque colonne et de chaque valeur, en français et en anglais, le filtre de chaque question, le calcul des scores, les noms SPSS et Stata, la définition des indicateurs.',
    `- \`indicators.csv\` : les indicateurs publiés, avec le secret statistique (aucune valeur sur moins de ${k} répondants) ; \`indicator-definitions.csv\` : leur définition ; \`groups.csv\` : les groupes de leurs ventilations et les codes de \`responses.csv\` qui les forment.`,
    '- `questionnaire.fr.md`, `questionnaire.en.md` : le questionnaire, imprimable, avec ses filtres.',
    '- `CHANGELOG.md` : les éditions publiées, les changements du questionnaire et l’anonymisation de chacune ; `CITATION.cff` : comment citer.',
    '',
    '## Valeurs manquantes',
    '',
    '| code | Stata | | |',
    '| --- | --- | --- | --- |',
    ...missingLines('fr'),
    '',
    '## Collecte',
    '',
    `Questionnaire en ligne, anonyme et auto-administré, ouvert à tout community manager travaillant en France. L’échantillon est auto-sélectionné : les pourcentages décrivent les répondants, pas toute la profession. Méthodologie : ${siteUrl}/resultats/methodologie`,
    '',
    '## Anonymisation',
    '',
    '- Aucune adresse IP, aucun identifiant ni horodatage n’est conservé ; aucune date de réponse n’est publiée.',
    '- Les réponses retirées par leurs auteurs sont absentes.',
    `- Les textes libres sont retirés (${facts.freeTextQuestions.map((c) => `\`${c}\``).join(', ') || 'aucun'}).`,
    `- Les quasi-identifiants (champs marqués \`"quasiIdentifier": true\` : tout le profil et la durée contractuelle) sont regroupés de la même façon pour toutes les réponses, ou masqués pour toutes (valeur \`suppressed\`), jusqu’à ce que chaque combinaison concerne au moins k = ${k} réponses et que chaque attribut sensible y prenne au moins ${facts.risk.criteria.l} valeurs. Aucune réponse n’est masquée à part des autres : un tableau publié en détail ne permet donc d’en rattacher aucune. Niveaux retenus :`,
    ...generalisationLines(facts, 'fr'),
    ...(facts.risk.withheld
      ? [
          `- Aucun regroupement ne respecte ces seuils (moins de ${k} réponses, ou un attribut sensible avec une seule valeur) : aucune ligne n’est publiée.`,
        ]
      : []),
    '',
    ...riskSection(facts.risk, 'fr'),
    '',
    '## Citer',
    '',
    citation,
    '',
    `Licence : ${LICENCE.title} — ${LICENCE.path}`,
    '',
    '## Lire les données',
    '',
    ...loadingSnippets(columns),
    '',
    '---',
    '',
    `# Community Manager Observatory — ${year} data${facts.demo ? ' (synthetic data)' : ''}`,
    '',
    `Anonymised responses to the ${year} annual survey of community managers' workload and wellbeing (questionnaire ${facts.questionnaireVersion}), published on ${facts.publishedOn}. Version ${version}: final release no. ${facts.release.number} of ${facts.release.releasedOn}. Every file is in the folder \`${packageFolder(year)}/\`.`,
    '',
    '## Files',
    '',
    `- \`responses.csv\`: ${rows} responses, one row per response, one column per question (UTF-8, comma separated). A multiple-choice question becomes one 0/1 column per option; the WHO-5 and CBI scores are columns. \`row_id\` is drawn at random for this package. A cell without an answer holds a code that says why (below).`,
    '- `responses.parquet`: the same content, with typed columns.',
    '- `load.R`, `load.sps` (+ `labels-en.sps`), `load.do`: read `responses.csv` with its labels in R, SPSS or PSPP, and Stata.',
    '- `datapackage.json`: the Frictionless description (Data Package v2) of every file, with types, allowed values, missing values, size and SHA-256.',
    "- `codebook.csv`, `codebook.md`: the label of every column and value, in French and English, each question's routing, how the scores are computed, the SPSS and Stata names, the indicators' definitions.",
    `- \`indicators.csv\`: the published indicators, with disclosure control applied (no value rests on fewer than ${k} respondents); \`indicator-definitions.csv\`: their definitions; \`groups.csv\`: the groups of their breakdowns and the codes of \`responses.csv\` that make them up.`,
    '- `questionnaire.fr.md`, `questionnaire.en.md`: the questionnaire, printable, with its routing.',
    '- `CHANGELOG.md`: the editions published, questionnaire changes and the anonymisation of each; `CITATION.cff`: how to cite.',
    '',
    '## Missing values',
    '',
    '| code | Stata | | |',
    '| --- | --- | --- | --- |',
    ...missingLines('en'),
    '',
    '## Collection',
    '',
    `Anonymous self-administered online questionnaire, open to any community manager working in France. The sample is self-selected: percentages describe the respondents, not the whole profession. Methodology: ${siteUrl}/resultats/methodologie`,
    '',
    '## Anonymisation',
    '',
    '- No IP address, identifier or timestamp is kept; no submission date is released.',
    '- Responses withdrawn by their authors are absent.',
    `- Free text is removed (${facts.freeTextQuestions.map((c) => `\`${c}\``).join(', ') || 'none'}).`,
    `- Quasi-identifiers (fields marked \`"quasiIdentifier": true\`: the whole profile and contracted hours) are grouped the same way for every response, or masked for every response (value \`suppressed\`), until every combination holds at least k = ${k} responses and every sensitive attribute takes at least ${facts.risk.criteria.l} values in it. No response is masked apart from the others, so no table published in full detail can re-attach one. Levels chosen:`,
    ...generalisationLines(facts, 'en'),
    ...(facts.risk.withheld
      ? [
          `- No grouping meets these thresholds (fewer than ${k} responses, or a sensitive attribute with a single value): no row is released.`,
        ]
      : []),
    '',
    ...riskSection(facts.risk, 'en'),
    '',
    '## How to cite',
    '',
    citation,
    '',
    `Licence: ${LICENCE.title} — ${LICENCE.path}`,
    '',
    '## Loading the data',
    '',
    'See the snippets above (R, SPSS, Stata, pandas, DuckDB).',
    '',
  ].join('\n');
}

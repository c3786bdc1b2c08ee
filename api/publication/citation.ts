/** CITATION.cff (Citation File Format 1.2.0) of an edition's data package. Pure. */
import { LICENCE, packageVersion, SYNTHETIC, type PackageFacts } from './datapackage';

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const yaml = (text: string) => JSON.stringify(text);

export function citationCff(facts: PackageFacts): string {
  const title = `Observatoire des community managers — enquête ${facts.year} : réponses anonymisées et indicateurs${facts.demo ? ' (données synthétiques de démonstration / synthetic demonstration data)' : ''}`;
  const message = facts.demo
    ? `${SYNTHETIC.en} Do not cite them as findings. / ${SYNTHETIC.fr} Ne les citez pas comme des résultats.`
    : 'If you use this dataset, please cite it as below. / Si vous utilisez ces données, citez-les ainsi.';
  return [
    'cff-version: 1.2.0',
    `message: ${yaml(message)}`,
    'type: dataset',
    `title: ${yaml(title)}`,
    'authors:',
    `  - name: ${yaml('Observatoire des community managers')}`,
    `version: ${yaml(packageVersion(facts))}`,
    `date-released: ${yaml(facts.release.releasedOn)}`,
    `url: ${yaml(`${facts.siteUrl}/donnees/${facts.year}`)}`,
    `license: ${yaml('etalab-2.0')}`,
    `license-url: ${yaml(LICENCE.path)}`,
    'keywords:',
    ...[
      'community manager',
      'workload',
      'wellbeing',
      'WHO-5',
      'CBI',
      ...(facts.demo ? ['synthetic data'] : []),
    ].map((k) => `  - ${yaml(k)}`),
    `abstract: ${yaml(`Anonymised responses to the ${facts.year} annual survey of community managers' workload and wellbeing (questionnaire ${facts.questionnaireVersion}), k-anonymous (k = ${facts.k}) and distinct ${facts.risk.criteria.l}-diverse, with the published indicators of release ${facts.release.number}.${facts.demo ? ` ${SYNTHETIC.en}` : ''}`)}`,
    '',
  ].join('\n');
}

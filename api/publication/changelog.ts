/**
 * CHANGELOG.md: every published edition up to the package's own, oldest first, with what changed
 * in the questionnaire by code (questions and options added or removed) and how each package was
 * anonymised (the level of every quasi-identifier). Pure.
 */
import { choicesOf, type Questionnaire } from '../survey/model';
import { getQuestionnaire, questionsOf } from '../survey/questionnaires';
import type { DisclosureRisk } from './risk';

export interface EditionHistory {
  year: number;
  questionnaireVersion: string;
  demo: boolean;
  k: number;
  levels: DisclosureRisk['levels'];
  /** False when the levels were assessed at this build because that package kept none. */
  levelsFromPackage: boolean;
}

export interface CodeChanges {
  addedQuestions: string[];
  removedQuestions: string[];
  /** `question code: option code`. */
  addedOptions: string[];
  removedOptions: string[];
}

/** Questions and options added or removed between two questionnaires, by code. */
export function codeChanges(before: Questionnaire, after: Questionnaire): CodeChanges {
  const options = (q: Questionnaire) =>
    new Map(questionsOf(q).map((x) => [x.code, new Set(choicesOf(x).map((o) => o.code))]));
  const a = options(before);
  const b = options(after);
  const diff = (from: Map<string, Set<string>>, to: Map<string, Set<string>>) =>
    [...to.entries()].flatMap(([q, codes]) =>
      from.has(q) ? [...codes].filter((o) => !from.get(q)!.has(o)).map((o) => `${q}: ${o}`) : [],
    );
  return {
    addedQuestions: [...b.keys()].filter((q) => !a.has(q)),
    removedQuestions: [...a.keys()].filter((q) => !b.has(q)),
    addedOptions: diff(a, b),
    removedOptions: diff(b, a),
  };
}

export function changelogMd(editions: EditionHistory[]): string {
  const lines = [
    '# CHANGELOG',
    '',
    'Chaque édition publiée jusqu’à celle de ce paquet : les changements du questionnaire, code par code, et l’anonymisation de chaque paquet. / Every edition published up to this package’s: questionnaire changes by code, and how each package was anonymised.',
    '',
  ];
  let previous: EditionHistory | undefined;
  for (const e of editions) {
    lines.push(
      `## ${e.year} — questionnaire ${e.questionnaireVersion}${e.demo ? ' (synthetic data / données synthétiques)' : ''}`,
      '',
      '### Questionnaire',
      '',
    );
    if (!previous) {
      lines.push('First edition published / première édition publiée.', '');
    } else {
      const changes = codeChanges(
        getQuestionnaire(previous.questionnaireVersion)!,
        getQuestionnaire(e.questionnaireVersion)!,
      );
      const items = [
        ...changes.addedQuestions.map((c) => `- added question \`${c}\``),
        ...changes.removedQuestions.map((c) => `- removed question \`${c}\``),
        ...changes.addedOptions.map((c) => `- added option \`${c}\``),
        ...changes.removedOptions.map((c) => `- removed option \`${c}\``),
      ];
      lines.push(
        ...(items.length
          ? [`Since ${previous.year} (${previous.questionnaireVersion}):`, '', ...items]
          : [`Unchanged since ${previous.year} / inchangé depuis ${previous.year}.`]),
        '',
      );
    }
    const before = new Map(previous?.levels.map((l) => [l.question, l.level]));
    lines.push(
      `### Anonymisation (k = ${e.k})`,
      '',
      ...(e.levelsFromPackage
        ? []
        : [
            'Levels assessed when this package was built: that edition’s own package kept none. / Niveaux évalués à la construction de ce paquet.',
            '',
          ]),
      '| quasi-identifier | level | released as | changed |',
      '| --- | ---: | --- | --- |',
      ...e.levels.map(
        (l) =>
          `| \`${l.question}\` | ${l.level} | ${l.description.en} | ${previous ? (before.get(l.question) === l.level ? '' : before.has(l.question) ? `was ${before.get(l.question)}` : 'new') : ''} |`,
      ),
      '',
    );
    previous = e;
  }
  return lines.join('\n');
}

import type { Question, Questionnaire } from '../model';
import { questionnaire2026 } from './2026';

/**
 * 2024.1 was the first instrument. 2026.1 added the holiday-disconnection,
 * right-to-disconnect and post-attack support questions; every other code
 * is shared, which is what lets indicators run across editions.
 */
const ADDED_IN_2026 = new Set([
  'work.disconnect_holidays',
  'support.disconnect_policy',
  'exposure.support_after_attack',
]);

const questionnaire2024: Questionnaire = {
  ...questionnaire2026,
  version: '2024.1',
  sections: questionnaire2026.sections.map((section) => ({
    ...section,
    questions: section.questions.filter((q) => !ADDED_IN_2026.has(q.code)),
  })),
};

export const questionnaires: Readonly<Record<string, Questionnaire>> = {
  '2024.1': questionnaire2024,
  '2026.1': questionnaire2026,
};

export function getQuestionnaire(version: string): Questionnaire | undefined {
  return questionnaires[version];
}

export function questionsOf(questionnaire: Questionnaire): Question[] {
  return questionnaire.sections.flatMap((s) => s.questions);
}

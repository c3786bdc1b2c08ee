import type { Questionnaire } from '../model';
import { questionnaire2024_1 } from './2024-1';
import { questionnaire2026_1 } from './2026-1';

/**
 * Every released questionnaire, by version. Each is a file of its own and never changes once an
 * edition opened on it: its hash is pinned in tests/unit/questionnaire.test.ts. Codes shared
 * between versions keep their meaning, which is what lets indicators run across editions.
 */
export const questionnaires: Readonly<Record<string, Questionnaire>> = {
  '2024.1': questionnaire2024_1,
  '2026.1': questionnaire2026_1,
};

export function getQuestionnaire(version: string): Questionnaire | undefined {
  return questionnaires[version];
}

export { optionsOf, questionsOf } from '../model';

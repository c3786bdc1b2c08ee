/**
 * The fingerprint that freezes a questionnaire once its edition opens (docs/architecture.md, questionnaires). It covers what
 * respondents see and answer, and leaves out how answers are released and documented (the
 * quasi-identifier flag, generalisation levels, whether options are ordered): disclosure control
 * and the data package must be able to change after an edition opened without that edition
 * refusing answers, and the answers compare across editions all the same.
 */
import { sha256Hex } from '../../lib/crypto';
import type { Questionnaire } from '../model';

const RELEASE_METADATA = new Set(['quasiIdentifier', 'generalisation', 'bands', 'ordered']);

export async function questionnaireHash(questionnaire: Questionnaire): Promise<string> {
  return sha256Hex(
    JSON.stringify(questionnaire, (key, value: unknown) =>
      RELEASE_METADATA.has(key) ? undefined : value,
    ),
  );
}

/**
 * Hashes that editions opened earlier may hold: they were taken over the whole questionnaire,
 * release metadata included. Each maps to the fingerprint of the instrument it was taken on, so
 * such an edition still opens while its instrument is unchanged, and stops if the instrument moves.
 */
const EARLIER_HASHES: Readonly<Record<string, string>> = {
  // 2024.1 before the data package added generalisation levels, then until this fingerprint.
  '74630203f44ce99ba4da3e1a38af9b5e33af1345bd1b8d0d028bb22939680ec6':
    'e021acff6cc6ea18388d462cd2f390f1ece357adb047e372a08d4df434fa09a7',
  '6c13734b3e2f0031514015b71706815afb8c15aa3e71e9e5853a168c7849ad4c':
    'e021acff6cc6ea18388d462cd2f390f1ece357adb047e372a08d4df434fa09a7',
  // 2026.1, the same two moments.
  '9f6cc04a29a519849aae1cb96bdbc55d3d2684ae71cf7e406910952095cc55f7':
    'a7902b0a4fc07440e62151bdeae4663572ab50d52dc3e20970c61c2f912c206f',
  '332d0123be1cc3111b09d73a00df787e3742c9ff426c2523a47d5a45af8f2739':
    'a7902b0a4fc07440e62151bdeae4663572ab50d52dc3e20970c61c2f912c206f',
};

/** Whether `stored`, the hash kept when the edition opened, still matches the questionnaire. */
export async function matchesFrozenHash(
  stored: string,
  questionnaire: Questionnaire,
): Promise<boolean> {
  const current = await questionnaireHash(questionnaire);
  return stored === current || EARLIER_HASHES[stored] === current;
}

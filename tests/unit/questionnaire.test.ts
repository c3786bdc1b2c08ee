import { describe, expect, it } from 'vitest';
import { hasOptions, isQuasiIdentifier } from '../../api/survey/model';
import { questionnaires, questionsOf } from '../../api/survey/questionnaires';
import { matchesFrozenHash, questionnaireHash } from '../../api/survey/questionnaires/hash';

/**
 * The instrument hash of every released questionnaire: what an edition stores when it opens and
 * checks before taking an answer. A change to a released questionnaire fails here, in CI, rather
 * than in production where the edition would stop taking answers. A new instrument is a new
 * version and a new file.
 */
const RELEASED: Record<string, string> = {
  '2024.1': 'e021acff6cc6ea18388d462cd2f390f1ece357adb047e372a08d4df434fa09a7',
  '2026.1': 'a7902b0a4fc07440e62151bdeae4663572ab50d52dc3e20970c61c2f912c206f',
};

describe('released questionnaires', () => {
  it('are exactly the versions pinned here', () => {
    expect(Object.keys(questionnaires).sort()).toEqual(Object.keys(RELEASED).sort());
  });

  it.each(Object.entries(RELEASED))('%s keeps the hash it was released with', async (v, hash) => {
    expect(await questionnaireHash(questionnaires[v]!)).toBe(hash);
  });

  it('changes hash with any edit of a shared scale they use', async () => {
    const edited = structuredClone(questionnaires['2024.1']!);
    const who5 = questionsOf(edited).find((q) => q.type === 'scale' && q.instrument === 'who5')!;
    if (hasOptions(who5)) who5.options[0]!.label.en = 'All the time';
    expect(await questionnaireHash(edited)).not.toBe(RELEASED['2024.1']);
  });
});

describe.each(Object.values(questionnaires))('questionnaire $version', (questionnaire) => {
  const questions = questionsOf(questionnaire);

  it('has unique stable codes, prefixed by their section', () => {
    const codes = questions.map((q) => q.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const section of questionnaire.sections) {
      for (const q of section.questions) expect(q.code.startsWith(`${section.code}.`)).toBe(true);
    }
  });

  it('flags every profile question and contracted hours as quasi-identifiers (docs/architecture.md, privacy rules)', () => {
    const quasi = questions.filter(isQuasiIdentifier).map((q) => q.code);
    const profile = questionnaire.sections.find((s) => s.code === 'profile')!.questions;
    expect(quasi.sort()).toEqual([...profile.map((q) => q.code), 'work.hours_contract'].sort());
    expect(quasi).toHaveLength(11);
  });

  it('generalises each choice quasi-identifier into nested, ever coarser groups of its options', () => {
    for (const q of questions.filter(isQuasiIdentifier)) {
      if (q.type !== 'single') continue;
      const options = q.options.map((o) => o.code).sort();
      expect(q.generalisation?.length, q.code).toBeGreaterThan(0);
      let previous: string[][] = options.map((o) => [o]);
      for (const level of q.generalisation!) {
        expect(level.flatMap((g) => g.members).sort(), q.code).toEqual(options);
        expect(level.length, q.code).toBeLessThan(previous.length);
        // Nested: a group of the level before lies within one group of this level.
        for (const group of previous) {
          const holders = level.filter((g) => group.some((m) => g.members.includes(m)));
          expect(holders, `${q.code}: ${group.join(',')}`).toHaveLength(1);
        }
        for (const g of level) expect(g.label.fr && g.label.en).toBeTruthy();
        previous = level.map((g) => g.members);
      }
    }
  });

  it('bands each number quasi-identifier into nested levels that cover its range once', () => {
    const quasi = questions.filter(isQuasiIdentifier);
    expect(quasi.filter((q) => q.type === 'number').map((q) => q.code)).toEqual([
      'work.hours_contract',
    ]);
    for (const q of quasi) {
      if (q.type !== 'number') continue;
      expect(q.bands?.length).toBeGreaterThan(0);
      const grid = Array.from({ length: (q.max - q.min) * 4 + 1 }, (_, i) => q.min + i / 4);
      let previous: string[] = grid.map(String);
      for (const level of q.bands!) {
        const bandOf = grid.map((x) => {
          const holders = level.filter(
            (b) =>
              (b.gt === undefined || x > b.gt) &&
              (b.gte === undefined || x >= b.gte) &&
              (b.lt === undefined || x < b.lt) &&
              (b.lte === undefined || x <= b.lte),
          );
          expect(holders, `${q.code} = ${x}`).toHaveLength(1);
          return holders[0]!.code;
        });
        // Nested: values in one band before share a band now.
        const seen = new Map<string, string>();
        bandOf.forEach((band, i) => {
          expect(seen.get(previous[i]!) ?? band, `${q.code} = ${grid[i]}`).toBe(band);
          seen.set(previous[i]!, band);
        });
        expect(new Set(bandOf).size).toBeLessThan(new Set(previous).size);
        for (const b of level) expect(b.label.fr && b.label.en).toBeTruthy();
        previous = bandOf;
      }
    }
  });

  it('freezes what respondents answer, not how answers are released', async () => {
    const bare = JSON.parse(JSON.stringify(questionnaire)) as typeof questionnaire;
    for (const s of bare.sections)
      for (const q of s.questions) {
        if (q.type === 'single' || q.type === 'multi') {
          delete q.quasiIdentifier;
          delete q.generalisation;
        }
        if (q.type === 'number') {
          delete q.quasiIdentifier;
          delete q.bands;
        }
      }
    expect(await questionnaireHash(bare)).toBe(await questionnaireHash(questionnaire));
    const reworded = structuredClone(bare);
    reworded.sections[0]!.questions[0]!.label.fr += ' ?';
    expect(await questionnaireHash(reworded)).not.toBe(await questionnaireHash(questionnaire));
  });

  it('gives every label in French and English', () => {
    for (const q of questions) {
      expect(q.label.fr.length).toBeGreaterThan(0);
      expect(q.label.en.length).toBeGreaterThan(0);
      for (const o of hasOptions(q) ? q.options : []) expect(o.label.fr && o.label.en).toBeTruthy();
    }
  });

  it('gives choice questions unique options and numbers their bounds', () => {
    for (const q of questions) {
      if (hasOptions(q)) {
        const codes = q.options.map((o) => o.code);
        expect(codes.length).toBeGreaterThan(1);
        expect(new Set(codes).size).toBe(codes.length);
      }
      if (q.type === 'number') expect(q.min).toBeLessThan(q.max);
    }
  });

  it('conditions display only on earlier questions and real options', () => {
    const seen = new Map<string, string[]>();
    for (const q of questions) {
      if (q.showIf) {
        const options = seen.get(q.showIf.question);
        expect(options, `${q.code} depends on ${q.showIf.question}`).toBeDefined();
        for (const code of q.showIf.anyOf) expect(options).toContain(code);
      }
      seen.set(
        q.code,
        (hasOptions(q) ? q.options : []).map((o) => o.code),
      );
    }
  });

  it('holds the full WHO-5 (scores 0–5) and CBI work-related subscale (scores 0–100)', () => {
    const scales = questions.filter((q) => q.type === 'scale');
    const who5 = scales.filter((q) => q.instrument === 'who5');
    const cbi = scales.filter((q) => q.instrument === 'cbi_work');
    expect(who5).toHaveLength(5);
    expect(cbi).toHaveLength(7);
    for (const q of who5) expect(q.options.map((o) => o.score).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const q of cbi)
      expect(q.options.map((o) => o.score).sort((a, b) => a! - b!)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('the hash kept by editions opened before release metadata left it', () => {
  // Taken over the whole questionnaire, generalisation levels included, at two earlier commits.
  const earlier = {
    '2024.1': [
      '74630203f44ce99ba4da3e1a38af9b5e33af1345bd1b8d0d028bb22939680ec6',
      '6c13734b3e2f0031514015b71706815afb8c15aa3e71e9e5853a168c7849ad4c',
    ],
    '2026.1': [
      '9f6cc04a29a519849aae1cb96bdbc55d3d2684ae71cf7e406910952095cc55f7',
      '332d0123be1cc3111b09d73a00df787e3742c9ff426c2523a47d5a45af8f2739',
    ],
  };

  it.each(Object.entries(earlier))('still opens a %s edition', async (version, hashes) => {
    const questionnaire = questionnaires[version]!;
    for (const hash of hashes) expect(await matchesFrozenHash(hash, questionnaire)).toBe(true);
    expect(await matchesFrozenHash(await questionnaireHash(questionnaire), questionnaire)).toBe(
      true,
    );
  });

  it('refuses it once the instrument itself changed, or for another version', async () => {
    const changed = structuredClone(questionnaires['2026.1']!);
    const first = changed.sections[0]!.questions[0]!;
    if (hasOptions(first)) first.options.pop();
    for (const hash of earlier['2026.1']) {
      expect(await matchesFrozenHash(hash, changed)).toBe(false);
      expect(await matchesFrozenHash(hash, questionnaires['2024.1']!)).toBe(false);
    }
  });
});

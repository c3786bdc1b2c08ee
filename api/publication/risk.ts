/**
 * The disclosure-risk report of an edition's microdata (docs/architecture.md, privacy rules, privacy-methods.md "Microdata
 * risk"): how exposed the records were at full detail, and what the release leaves. It ships in
 * the data package as disclosure-risk.json and is shown to the admin before publication. Pure.
 */
import type { Localized, QuasiIdentifierQuestion } from '../survey/model';
import {
  classStats,
  type Anonymisation,
  type Criteria,
  type QuasiColumn,
  type SensitiveColumn,
} from './anonymise';
import { releasedLevels } from './microdata';
import type { SensitiveAttribute } from './sensitive';

/**
 * The quasi-identifiers declared until sector, job title, team and contracted hours joined them.
 * Their sample uniques at full detail are reported beside all of them: what the narrower
 * declaration left exposed.
 */
export const DECLARED_SUBSET = [
  'profile.employer_type',
  'profile.company_size',
  'profile.region',
  'profile.contract',
  'profile.experience',
  'profile.age_band',
  'profile.gender',
];

export const RISK_METHOD =
  'Global recoding only (one level per quasi-identifier for every record, or masked for every record; no local suppression), levels chosen by top-down specialisation then branch and bound over the generalisation lattice, minimising entropy loss, until every class holds at least k records and every sensitive attribute takes at least l distinct values in each class (a missing answer counting as a value).';

export interface DisclosureRisk {
  /** Current responses of the edition: withdrawn ones are not counted. */
  records: number;
  /** Rows in the microdata: every record, or none when the release is withheld. */
  released: number;
  criteria: Criteria;
  method: string;
  quasiIdentifiers: string[];
  sensitiveAttributes: { name: string; label: Localized }[];
  /** Records alone in their combination of quasi-identifiers at full detail. */
  before: {
    sampleUniques: number;
    declaredSubset: { quasiIdentifiers: string[]; sampleUniques: number };
  };
  /** The released file, on every quasi-identifier together; null figures when nothing is released. */
  after: {
    sampleUniques: number;
    /** The smallest class: the k reached. */
    k: number | null;
    /** Per sensitive attribute, the fewest distinct values in a class: the distinct l reached. */
    l: Record<string, number | null>;
    classes: number;
    /** Records with values masked on their own: none, by construction. */
    suppressedRecords: 0;
  };
  /** Every quasi-identifier masked: no coarser release met the criteria. */
  allMasked: boolean;
  withheld: boolean;
  levels: ReturnType<typeof releasedLevels>;
  search: { optimal: boolean; evaluated: number; informationLoss: number };
}

export function disclosureRisk(input: {
  quasi: QuasiIdentifierQuestion[];
  columns: QuasiColumn[];
  sensitive: SensitiveAttribute[];
  sensitiveColumns: SensitiveColumn[];
  n: number;
  criteria: Criteria;
  anonymisation: Anonymisation;
}): DisclosureRisk {
  const { quasi, columns, sensitive, sensitiveColumns, n, criteria, anonymisation } = input;
  const masked = columns.map((c) => c.levels.length);
  const declared = quasi.filter((q) => DECLARED_SUBSET.includes(q.code)).map((q) => q.code);
  const released = anonymisation.withheld ? 0 : n;
  const [before, beforeDeclared, chosen] = classStats(
    columns,
    sensitiveColumns,
    n,
    [
      masked.map(() => 0),
      masked.map((m, i) => (declared.includes(quasi[i]!.code) ? 0 : m)),
      anonymisation.levels,
    ],
    criteria,
  );
  const after = released ? chosen! : null;
  return {
    records: n,
    released,
    criteria,
    method: RISK_METHOD,
    quasiIdentifiers: quasi.map((q) => q.code),
    sensitiveAttributes: sensitive.map((s) => ({ name: s.name, label: s.label })),
    before: {
      sampleUniques: before!.uniques,
      declaredSubset: { quasiIdentifiers: declared, sampleUniques: beforeDeclared!.uniques },
    },
    after: {
      sampleUniques: after?.uniques ?? 0,
      k: after ? after.smallest : null,
      l: Object.fromEntries(sensitive.map((s, i) => [s.name, after ? after.distinct[i]! : null])),
      classes: after?.classes ?? 0,
      suppressedRecords: 0,
    },
    allMasked: anonymisation.levels.every((level, i) => level === masked[i]),
    withheld: anonymisation.withheld,
    levels: releasedLevels(quasi, anonymisation.levels),
    search: {
      optimal: anonymisation.optimal,
      evaluated: anonymisation.evaluated,
      informationLoss: Math.round(anonymisation.loss * 1000) / 1000,
    },
  };
}

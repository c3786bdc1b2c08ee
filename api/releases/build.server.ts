/**
 * Building a release: compute every output of the edition, audit them jointly with the previous
 * release, and store the release as published or, when the audit finds a disclosure, as refused
 * with the cells it names (docs/adr/006-releases.md).
 */
import type { Highs } from 'highs';
import type { Edition } from '../../db/schema.server';
import type { ReleaseKind } from '../../db/enums';
import { computeCrosstabs, computeSummary } from '../findings/compute.server';
import type { Crosstab } from '../findings/crosstab';
import type { Summary } from '../findings/summary';
import type { Db } from '../lib/db.server';
import { getQuestionnaire } from '../survey/questionnaires';
import { auditPair, type PairAudit } from './audit';
import { releaseChanges } from './changes';
import { pairOutputs, type ReleaseContent } from './pairs';
import {
  CROSSTAB_OUTPUT,
  SUMMARY_OUTPUT,
  currentRelease,
  insertRelease,
  readOutput,
  readOutputs,
} from './queries.server';

export interface AuditReport {
  pairs: number;
  targets: number;
  findings: (PairAudit['findings'][number] & { pair: string })[];
  ms: number;
}

export interface BuildResult {
  releaseId: number;
  status: 'published' | 'refused';
  audit: AuditReport;
}

/** The stored content of a release, for the next release's audit. */
async function contentOf(db: Db, releaseId: number): Promise<ReleaseContent | null> {
  const summary = await readOutput<Summary>(db, releaseId, SUMMARY_OUTPUT);
  if (!summary) return null;
  const crosstabs = [...(await readOutputs<Crosstab>(db, releaseId, CROSSTAB_OUTPUT)).values()];
  return { summary, crosstabs };
}

/** The exact MILP attacker over every pair, against this release and the previous one. */
export function auditRelease(
  highs: Highs,
  content: ReleaseContent,
  previous: ReleaseContent | null,
): AuditReport {
  const started = Date.now();
  const report: AuditReport = { pairs: 0, targets: 0, findings: [], ms: 0 };
  for (const outputs of pairOutputs(content, previous)) {
    const result = auditPair(highs, outputs);
    report.pairs++;
    report.targets += result.targets;
    for (const finding of result.findings) report.findings.push({ ...finding, pair: result.pair });
  }
  report.ms = Date.now() - started;
  return report;
}

export async function buildRelease(
  db: Db,
  highs: Highs,
  edition: Edition,
  kind: ReleaseKind,
  now = new Date(),
): Promise<BuildResult> {
  const questionnaire = getQuestionnaire(edition.questionnaireVersion);
  if (!questionnaire) throw new Error(`No questionnaire ${edition.questionnaireVersion}`);
  const [summary, crosstabs, last] = await Promise.all([
    computeSummary(db, edition, questionnaire, kind === 'provisional'),
    computeCrosstabs(db, edition, questionnaire),
    currentRelease(db, edition.year),
  ]);
  const content = { summary, crosstabs };
  const previous = last ? await contentOf(db, last.id) : null;
  const audit = auditRelease(highs, content, previous);
  const status = audit.findings.length === 0 ? 'published' : 'refused';
  const releaseId = await insertRelease(
    db,
    {
      editionYear: edition.year,
      number: (last?.number ?? 0) + 1,
      kind,
      status,
      releasedOn: now.toISOString().slice(0, 10),
      respondents: edition.responseCount,
      publicN: summary.n,
      changesJson: JSON.stringify(releaseChanges(previous?.summary ?? null, summary)),
      auditJson: JSON.stringify(audit),
    },
    status === 'published'
      ? [
          { kind: SUMMARY_OUTPUT, key: '', payload: summary },
          ...crosstabs.map((t) => ({
            kind: CROSSTAB_OUTPUT,
            key: `${t.row}|${t.col}`,
            payload: t,
          })),
        ]
      : [],
  );
  return { releaseId, status, audit };
}

import { fail } from '@sveltejs/kit';
import { EDITION_STATUSES } from '../../../../db/enums';
import { allowedTransitions } from '$api/editions/lifecycle';
import { NewEditionBody } from '$api/editions/schemas';
import {
  createEdition,
  editionRisk,
  listEditions,
  requestRelease,
  transitionEdition,
} from '$api/editions/service.server';
import { questionnaires } from '$api/survey/questionnaires';
import { DEFAULT_RELEASE_THRESHOLD } from '$api/releases/policy';
import { releaseStatus } from '$api/releases/read.server';
import { jobStatus, latestJobs } from '$api/jobs/state.server';
import { requireMember, requireRecentFactor } from '$lib/server/staff';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const member = await requireMember(event, 'admin');
  const db = event.locals.db;
  const list = await listEditions(db);
  const jobs = await latestJobs(db);
  // A closed edition is the one about to be published: its admin reads what the package will
  // disclose first.
  const risks = [];
  for (const e of list.filter((e) => e.status === 'closed'))
    risks.push({ year: e.year, risk: await editionRisk(db, e) });
  return {
    member,
    versions: Object.keys(questionnaires),
    editions: await Promise.all(
      list.map(async (e) => ({
        ...e,
        next: allowedTransitions(e.status),
        release: await releaseStatus(db, e.year),
        job: jobStatus(jobs.get(e.year)),
      })),
    ),
    risks,
  };
};

/** Refusals from the lifecycle come back to the page as its message: the field's, or the error's. */
async function attempt(work: Promise<unknown>) {
  const result = await orFormFailure(
    work.then(() => null),
    {},
  );
  if (!wasRefused(result)) return null;
  return fail(result.status, {
    error: Object.values(result.data.fields)[0] ?? result.data.message,
  });
}

export const actions: Actions = {
  create: async (event) => {
    const member = await requireMember(event, 'admin');
    const form = await event.request.formData();
    const input = {
      year: Number(form.get('year')),
      questionnaireVersion: String(form.get('questionnaireVersion') ?? ''),
      opensOn: String(form.get('opensOn') ?? ''),
      closesOn: String(form.get('closesOn') ?? ''),
      k: Number(form.get('k') ?? 10),
      releaseThreshold: Number(form.get('releaseThreshold') ?? DEFAULT_RELEASE_THRESHOLD),
    };
    const parsed = NewEditionBody.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail(400, { error: `${issue.path.join('.')}: ${issue.message}` });
    }
    return (
      (await attempt(createEdition(event.locals.db, member, parsed.data))) ?? {
        done: { year: input.year, status: 'draft' },
      }
    );
  },
  /** Opening, closing and publishing are what a stolen session would want: a fresh factor first. */
  transition: async (event) => {
    const { member } = await requireRecentFactor(event, 'admin');
    const form = await event.request.formData();
    const year = Number(form.get('year'));
    const to = String(form.get('to')) as (typeof EDITION_STATUSES)[number];
    if (!EDITION_STATUSES.includes(to)) return fail(400, { error: 'Unknown state.' });
    return (
      (await attempt(transitionEdition(event.locals.db, member, year, to))) ?? {
        done: { year, status: to },
      }
    );
  },
  release: async (event) => {
    const { member } = await requireRecentFactor(event, 'admin');
    const year = Number((await event.request.formData()).get('year'));
    return (
      (await attempt(requestRelease(event.locals.db, member, year))) ?? {
        done: { year, status: 'releaseRequested' },
      }
    );
  },
};

/**
 * What every survey page needs on the server: the open edition and the
 * respondent's draft, or a redirect back to the edition's start page.
 */
import { redirect, type Cookies } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { orPageError } from './domain';
import { loadDraft, openEdition } from '$api/survey/service.server';
import type { Db } from '$api/lib/db.server';
import { readResumeCode } from './survey';

export const startPath = (year: number, reason?: 'missing' | 'expired') =>
  localizeHref(`/enquete/${year}${reason ? `?${reason}=1` : ''}`);

export async function requireDraft(db: Db, cookies: Cookies, year: number) {
  const edition = await orPageError(openEdition(db, year), {
    edition_not_open: () => redirect(303, startPath(year)),
  });
  const resumeCode = readResumeCode(cookies, year);
  const draft = resumeCode ? await loadDraft(db, resumeCode) : null;
  if (!resumeCode || !draft || draft.editionYear !== year)
    redirect(303, startPath(year, 'missing'));
  return { edition, resumeCode, draft };
}

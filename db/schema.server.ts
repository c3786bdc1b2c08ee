/**
 * The whole domain in one schema. Privacy by construction (docs/architecture.md, privacy rules): no
 * table that holds a respondent's words or answers has a column for an
 * address, a user agent, a cookie or a time finer than an ISO week, and
 * responses share no key with testimonials.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  EDITION_STATUSES,
  JOB_PHASES,
  RELEASE_KINDS,
  STAFF_ROLES,
  TESTIMONIAL_STATUSES,
} from './enums';

export const editions = sqliteTable(
  'editions',
  {
    year: integer('year').primaryKey(),
    status: text('status', { enum: EDITION_STATUSES }).notNull().default('draft'),
    questionnaireVersion: text('questionnaire_version').notNull(),
    /** SHA-256 of the questionnaire definition, frozen when the edition opens. */
    questionnaireHash: text('questionnaire_hash'),
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    publishedOn: text('published_on'),
    k: integer('k').notNull().default(10),
    /**
     * Current (not withdrawn) responses, and a version bumped on every accepted
     * response or withdrawal that keys the aggregate cache. Both are kept by
     * triggers (migration 0002), so no writer can forget them.
     */
    responseCount: integer('response_count').notNull().default(0),
    dataVersion: integer('data_version').notNull().default(0),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    /** R: new responses needed since the last release before the next provisional one. */
    releaseThreshold: integer('release_threshold').notNull().default(50),
    /** Set when an admin or publication asks for a release; the scheduled job clears it. */
    releaseRequested: text('release_requested', { enum: ['provisional', 'final'] }),
  },
  (t) => [
    index('editions_status_idx').on(t.status),
    check('editions_k_min', sql`${t.k} >= 5`),
    check('editions_dates', sql`${t.opensOn} <= ${t.closesOn}`),
  ],
);

export type Edition = typeof editions.$inferSelect;

export const responses = sqliteTable(
  'responses',
  {
    /** Random 48-bit integer: compact in every answer row, and no clue to submission order. */
    id: integer('id').primaryKey(),
    editionYear: integer('edition_year')
      .notNull()
      .references(() => editions.year),
    /** ISO week of submission, e.g. 2026-W14: the finest time ever kept. */
    submittedWeek: text('submitted_week').notNull(),
    /** SHA-256 of the withdrawal code shown once to the respondent. */
    withdrawalHash: text('withdrawal_hash').notNull(),
    /**
     * SHA-256 of the client's Idempotency-Key, and the withdrawal code sealed
     * with a pad derived from that key: a retry gets the same code back, and
     * the database alone cannot reveal it. Both are cleared after the ISO week.
     */
    idempotencyHash: text('idempotency_hash'),
    withdrawalSealed: text('withdrawal_sealed'),
    /** Withdrawn after publication: kept in the frozen figures, left out of future exports. */
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('responses_withdrawal_idx').on(t.withdrawalHash),
    uniqueIndex('responses_idempotency_idx').on(t.idempotencyHash),
    // Only this week's rows keep a key: the weekly purge searches them, not every response.
    index('responses_pending_keys_idx')
      .on(t.submittedWeek)
      .where(sql`${t.idempotencyHash} IS NOT NULL`),
    index('responses_edition_idx').on(t.editionYear, t.withdrawn),
  ],
);

/**
 * One row per answered question, and one per chosen option of a multiple
 * choice. The edition is repeated here so aggregates read one index.
 */
export const answers = sqliteTable(
  'answers',
  {
    responseId: integer('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    editionYear: integer('edition_year').notNull(),
    questionCode: text('question_code').notNull(),
    optionCode: text('option_code').notNull().default(''),
    numValue: real('num_value'),
    textValue: text('text_value'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionCode, t.optionCode] }),
    index('answers_question_idx').on(t.editionYear, t.questionCode, t.optionCode),
  ],
);

export const surveyDrafts = sqliteTable(
  'survey_drafts',
  {
    /** SHA-256 of the resume code; the code itself lives only with the respondent. */
    resumeHash: text('resume_hash').primaryKey(),
    editionYear: integer('edition_year')
      .notNull()
      .references(() => editions.year),
    answersJson: text('answers_json').notNull().default('{}'),
    section: text('section'),
    /** Day after which the draft is purged (30 days after the last save). */
    expiresOn: text('expires_on').notNull(),
  },
  (t) => [index('survey_drafts_expiry_idx').on(t.expiresOn)],
);

/**
 * Calls for testimonies: a prompt, open between two days, with suggested themes, and the edition
 * whose report quotes what it gathered, if any.
 */
export const calls = sqliteTable('calls', {
  /** The public handle, in its page's address. */
  slug: text('slug').primaryKey(),
  titleFr: text('title_fr').notNull(),
  titleEn: text('title_en').notNull(),
  promptFr: text('prompt_fr').notNull(),
  promptEn: text('prompt_en').notNull(),
  /** First and last day a testimony can answer it, inclusive (ISO dates, UTC). */
  opensOn: text('opens_on').notNull(),
  closesOn: text('closes_on').notNull(),
  themesJson: text('themes_json').notNull().default('[]'),
  editionYear: integer('edition_year').references(() => editions.year),
  createdAt: text('created_at').notNull(),
});

export const testimonials = sqliteTable(
  'testimonials',
  {
    /** Stable rowid for the FTS5 external-content index; never shown. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** Random public id, so permalinks reveal nothing of submission order. */
    id: text('id').notNull(),
    /** Already redacted at submission: the raw text is never stored. */
    text: text('text').notNull(),
    lang: text('lang', { enum: ['fr', 'en'] }).notNull(),
    employerType: text('employer_type'),
    experience: text('experience'),
    status: text('status', { enum: TESTIMONIAL_STATUSES }).notNull().default('pending'),
    rejectReason: text('reject_reason'),
    submittedWeek: text('submitted_week').notNull(),
    /** Publication day, set by the moderator's action: not the author's time. */
    publishedOn: text('published_on'),
    publishedBy: integer('published_by').references(() => staff.id),
    withdrawalHash: text('withdrawal_hash').notNull(),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    /** The call it answers, if any; a testimony may stand free. */
    callSlug: text('call_slug').references(() => calls.slug),
  },
  (t) => [
    uniqueIndex('testimonials_id_idx').on(t.id),
    index('testimonials_call_idx').on(t.callSlug, t.status),
    uniqueIndex('testimonials_withdrawal_idx').on(t.withdrawalHash),
    index('testimonials_status_idx').on(t.status, t.publishedOn),
    index('testimonials_context_idx').on(t.status, t.employerType, t.experience),
  ],
);

export const testimonialThemes = sqliteTable(
  'testimonial_themes',
  {
    testimonialId: text('testimonial_id')
      .notNull()
      .references(() => testimonials.id, { onDelete: 'cascade' }),
    theme: text('theme').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.testimonialId, t.theme] }),
    index('testimonial_themes_theme_idx').on(t.theme),
  ],
);

/**
 * The testimonies an edition's report quotes, chosen when the edition is published and kept so
 * that the report does not change after. A withdrawn testimony leaves with its row: an author's
 * withdrawal outranks the freeze.
 */
export const reportQuotes = sqliteTable(
  'report_quotes',
  {
    editionYear: integer('edition_year')
      .notNull()
      .references(() => editions.year),
    testimonialId: text('testimonial_id')
      .notNull()
      .references(() => testimonials.id, { onDelete: 'cascade' }),
    theme: text('theme').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionYear, t.testimonialId] })],
);

export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    /** PBKDF2-SHA-256 in the form pbkdf2$iterations$salt$hash (base64). */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    createdAt: text('created_at').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** The TOTP key (base32), once confirmed with a first code; null without one. */
    totpSecret: text('totp_secret'),
    /** The last TOTP time step accepted: a code is good once (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step').notNull().default(0),
  },
  (t) => [uniqueIndex('staff_email_idx').on(t.email)],
);

/** WebAuthn credentials; the public key only, as COSE bytes in base64url. */
export const passkeys = sqliteTable(
  'passkeys',
  {
    /** The credential id, base64url. */
    id: text('id').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transportsJson: text('transports_json').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [index('passkeys_staff_idx').on(t.staffId)],
);

/** Single-use recovery codes, kept as SHA-256: each is 80 random bits. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
  },
  (t) => [index('recovery_codes_staff_idx').on(t.staffId)],
);

/** One-time invitations to join the staff; the link's token lives only in the link. */
export const staffInvites = sqliteTable('staff_invites', {
  tokenHash: text('token_hash').primaryKey(),
  email: text('email').notNull(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  invitedBy: integer('invited_by')
    .notNull()
    .references(() => staff.id),
  expiresAt: text('expires_at').notNull(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token lives only in the cookie. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at').notNull(),
    /** The last request seen with it, to the minute: idle sessions end (STAFF_IDLE_MINUTES). */
    lastSeenAt: text('last_seen_at').notNull().default(''),
    /** A public handle, to list and revoke a session without its token. */
    id: text('id').notNull().default(''),
    createdAt: text('created_at').notNull().default(''),
    /** When a second factor was last proven in this session; '' while only the password was. */
    verifiedAt: text('verified_at').notNull().default(''),
    /** The pending WebAuthn challenge, if any, and when it lapses. */
    challenge: text('challenge'),
    challengeExpiresAt: text('challenge_expires_at'),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId), index('sessions_expiry_idx').on(t.expiresAt)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id').references(() => staff.id),
    action: text('action').notNull(),
    target: text('target'),
    detailJson: text('detail_json'),
    at: text('at').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_staff_idx').on(t.staffId)],
);

/**
 * Staff-side values kept per data version of an edition: the disclosure-risk report the admin
 * reads before publishing (`disclosure_risk`) and the claim of a data package build in progress
 * (`package_build`). Public figures live in releases, never here.
 */
export const aggregates = sqliteTable(
  'aggregates',
  {
    editionYear: integer('edition_year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull().default(''),
    dataVersion: integer('data_version').notNull(),
    payloadJson: text('payload_json').notNull(),
    computedAt: text('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionYear, t.kind, t.key] })],
);

/**
 * Dated, frozen snapshots of every public output of an edition (docs/adr/006). Public figures
 * are read from the latest published release only, so nothing public moves between releases.
 * A release the audit refused is kept, unpublished, with the cells it would have disclosed.
 */
export const releases = sqliteTable(
  'releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    editionYear: integer('edition_year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    /** 1, 2, 3… among the edition's published releases (a refused one takes the next number). */
    number: integer('number').notNull(),
    kind: text('kind', { enum: RELEASE_KINDS }).notNull(),
    status: text('status', { enum: ['published', 'refused'] }).notNull(),
    /** Day of the release: the only date shown. */
    releasedOn: text('released_on').notNull(),
    /** Current responses when it was built: private, it sets the threshold for the next one. */
    respondents: integer('respondents').notNull(),
    /** The published (perturbed) number of respondents, null under k. */
    publicN: integer('public_n'),
    /** What changed since the previous published release, as shown on the releases page. */
    changesJson: text('changes_json').notNull(),
    /** The disclosure audit's result: pairs audited, targets, findings, time. */
    auditJson: text('audit_json').notNull(),
  },
  (t) => [index('releases_edition_idx').on(t.editionYear, t.status, t.id)],
);

export type Release = typeof releases.$inferSelect;

/** Every output of a release, one row per table: the summary, and one cross-tab per pair. */
export const releaseOutputs = sqliteTable(
  'release_outputs',
  {
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull().default(''),
    payloadJson: text('payload_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.kind, t.key] })],
);

/**
 * One run of the release Workflow (api/jobs): a release of `kind` and, after a final one, the
 * data package; or the package alone (`kind` null). The admin page reads its phase and progress.
 */
export const releaseJobs = sqliteTable(
  'release_jobs',
  {
    /** The Workflow instance's id. */
    id: text('id').primaryKey(),
    editionYear: integer('edition_year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RELEASE_KINDS }),
    phase: text('phase', { enum: JOB_PHASES }).notNull(),
    /** Percent of the current step, where the step reports it (the package's rows). */
    progress: integer('progress').notNull().default(0),
    /** How it ended: the release refused or skipped and why, or the error that stopped it. */
    outcome: text('outcome'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('release_jobs_edition_idx').on(t.editionYear, t.createdAt),
    check('release_jobs_progress', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);

export type ReleaseJob = typeof releaseJobs.$inferSelect;

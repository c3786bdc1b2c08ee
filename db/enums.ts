/**
 * The closed sets of values that the schema's CHECK constraints hold, apart from the tables so
 * that pages running in the browser can use them without pulling in drizzle.
 */
export const EDITION_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const TESTIMONIAL_STATUSES = ['pending', 'published', 'rejected'] as const;
export type TestimonialStatus = (typeof TESTIMONIAL_STATUSES)[number];

export const STAFF_ROLES = ['admin', 'moderator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const RELEASE_KINDS = ['provisional', 'final'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** Where a release job stands: waiting for the Workflow, in one of its steps, or ended. */
export const JOB_PHASES = ['queued', 'release', 'package', 'done', 'failed'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

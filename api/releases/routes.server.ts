import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ApiError, errorResponses } from '../lib/errors';
import type { AppEnv } from '../lib/hono-env';
import { YearParam } from '../survey/schemas';
import { toCsv } from '../findings/csv';
import { DIMENSIONS, INDICATORS, dimensionByCode, indicatorByCode } from '../findings/definitions';
import { getCrosstab, getSummary, getTrend, listReleases } from './read.server';
import {
  breakdownTable,
  crosstabTable,
  indicatorsTable,
  questionsTable,
  trendTable,
  type Table,
} from '../findings/tables';

const Format = z.object({
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .openapi({ description: 'csv: the same table as a CSV file.' }),
  lang: z
    .enum(['fr', 'en'])
    .default('fr')
    .openapi({ description: 'Language of the labels in CSV files.' }),
});
const Interval = z.tuple([z.number(), z.number()]).nullable();
const Localized = z.object({ fr: z.string(), en: z.string() });
const IndicatorFigure = z
  .object({
    code: z.string(),
    label: Localized,
    unit: z.enum(['percent', 'hours', 'score']),
    value: z.number().nullable(),
    ci: Interval,
    n: z.int().nullable(),
    suppressed: z.boolean().openapi({
      description:
        'True when fewer than k respondents stand behind it, or it would reveal such a cell.',
    }),
  })
  .openapi('IndicatorFigure');
const Cell = z
  .object({
    group: z.string(),
    label: Localized,
    value: z.number().nullable(),
    ci: Interval,
    n: z.int().nullable(),
    suppressed: z.boolean(),
  })
  .openapi('BreakdownCell');

const ReleaseRef = z
  .object({
    number: z.int().openapi({ description: 'The release of the edition, 1 for the first.' }),
    releasedOn: z.string().openapi({ example: '2026-03-02' }),
    kind: z.enum(['provisional', 'final']),
  })
  .openapi('ReleaseRef', {
    description:
      'The dated release every figure comes from: between two releases nothing public changes.',
  });

const ok = (schema: z.ZodType, description: string) => ({
  200: {
    description: `${description} (JSON, or CSV with format=csv).`,
    content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
  },
});

const indicatorsRoute = createRoute({
  method: 'get',
  path: '/editions/{year}/indicators',
  tags: ['Findings'],
  summary: 'Headline indicators of an edition, with 95% intervals and n',
  request: { params: YearParam, query: Format },
  responses: {
    ...ok(
      z.object({
        edition: z.int(),
        release: ReleaseRef,
        n: z.int().nullable(),
        k: z.int(),
        noise: z.int().openapi({
          description: 'Counts are perturbed (cell-key method) by at most this much.',
        }),
        provisional: z.boolean(),
        dimensions: z.array(z.object({ code: z.string(), label: Localized })),
        indicators: z.array(IndicatorFigure),
      }),
      'The indicators',
    ),
    ...errorResponses(400, 404),
  },
});

const breakdownRoute = createRoute({
  method: 'get',
  path: '/editions/{year}/breakdowns/{indicator}',
  tags: ['Findings'],
  summary: 'An indicator broken down by a dimension',
  request: {
    params: YearParam.extend({
      indicator: z
        .string()
        .openapi({ param: { name: 'indicator', in: 'path' }, example: 'who5_mean' }),
    }),
    query: Format.extend({ by: z.string().openapi({ example: 'employer_type' }) }),
  },
  responses: {
    ...ok(
      z.object({
        indicator: z.string(),
        by: z.string(),
        release: ReleaseRef,
        k: z.int(),
        cells: z.array(Cell),
      }),
      'The breakdown',
    ),
    ...errorResponses(400, 404),
  },
});

const crosstabRoute = createRoute({
  method: 'get',
  path: '/editions/{year}/crosstab',
  tags: ['Findings'],
  summary: 'Cross-tabulation of two single-choice questions, with margins, suppression applied',
  request: { params: YearParam, query: Format.extend({ row: z.string(), col: z.string() }) },
  responses: {
    ...ok(z.object({}).passthrough().openapi('Crosstab'), 'The table'),
    ...errorResponses(400, 404),
  },
});

const questionsRoute = createRoute({
  method: 'get',
  path: '/editions/{year}/questions',
  tags: ['Findings'],
  summary: 'Every question: n, distribution with Wilson intervals, or mean, median and quartiles',
  request: { params: YearParam, query: Format },
  responses: {
    ...ok(z.object({}).passthrough().openapi('QuestionFigures'), 'The distributions'),
    ...errorResponses(400, 404),
  },
});

const releasesRoute = createRoute({
  method: 'get',
  path: '/editions/{year}/releases',
  tags: ['Findings'],
  summary: "An edition's releases, newest first: date, n and what changed",
  request: { params: YearParam },
  responses: {
    200: {
      description: 'The published releases.',
      content: {
        'application/json': {
          schema: z.object({
            edition: z.int(),
            releases: z.array(
              ReleaseRef.extend({
                n: z.int().nullable(),
                changes: z.object({
                  previousN: z.int().nullable(),
                  n: z.int().nullable(),
                  indicators: z.array(
                    z.object({
                      code: z.string(),
                      from: z.number().nullable(),
                      to: z.number().nullable(),
                    }),
                  ),
                }),
              }),
            ),
          }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

const trendRoute = createRoute({
  method: 'get',
  path: '/indicators/{code}/trend',
  tags: ['Findings'],
  summary: 'An indicator across editions',
  request: {
    params: z.object({
      code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'who5_mean' }),
    }),
    query: Format,
  },
  responses: {
    ...ok(
      z.object({
        indicator: z.string(),
        points: z.array(IndicatorFigure.extend({ edition: z.int(), provisional: z.boolean() })),
      }),
      'The series',
    ),
    ...errorResponses(400, 404),
  },
});

function reply(
  c: Context<AppEnv>,
  format: 'json' | 'csv',
  name: string,
  json: unknown,
  table: () => Table,
) {
  if (format === 'json') return c.json(json, 200);
  const { header, rows } = table();
  return c.body(toCsv(header, rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.csv"`,
  });
}

const unknown = (field: string, what: string, known: string[]) =>
  new ApiError(404, `unknown_${field}`, `Unknown ${what}.`, {
    [field]: `Expected one of: ${known.join(', ')}.`,
  });

export const findingsApp = new OpenAPIHono<AppEnv>()
  .openapi(indicatorsRoute, async (c) => {
    const { year } = c.req.valid('param');
    const { format, lang } = c.req.valid('query');
    const s = await getSummary(c.var.db, year);
    const json = {
      edition: s.edition,
      release: s.release,
      n: s.n,
      k: s.k,
      noise: s.noise,
      provisional: s.provisional,
      dimensions: DIMENSIONS.map((d) => ({ code: d.code, label: d.label })),
      indicators: s.indicators,
    };
    return reply(c, format, `indicators-${year}`, json, () =>
      indicatorsTable(year, s.indicators, lang),
    );
  })
  .openapi(breakdownRoute, async (c) => {
    const { year, indicator } = c.req.valid('param');
    const { format, lang, by } = c.req.valid('query');
    if (!indicatorByCode.has(indicator))
      throw unknown(
        'indicator',
        'indicator',
        INDICATORS.map((i) => i.code),
      );
    if (!dimensionByCode.has(by))
      throw unknown(
        'by',
        'dimension',
        DIMENSIONS.map((d) => d.code),
      );
    const s = await getSummary(c.var.db, year);
    const cells = s.breakdowns[indicator]?.[by] ?? [];
    return reply(
      c,
      format,
      `${indicator}-by-${by}-${year}`,
      { indicator, by, release: s.release, k: s.k, cells },
      () => breakdownTable(year, indicator, by, cells, lang),
    );
  })
  .openapi(crosstabRoute, async (c) => {
    const { year } = c.req.valid('param');
    const { format, row, col } = c.req.valid('query');
    const table = await getCrosstab(c.var.db, year, row, col);
    return reply(c, format, `crosstab-${row}-${col}-${year}`, table, () =>
      crosstabTable(year, table),
    );
  })
  .openapi(questionsRoute, async (c) => {
    const { year } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const s = await getSummary(c.var.db, year);
    return reply(
      c,
      format,
      `questions-${year}`,
      {
        edition: year,
        release: s.release,
        k: s.k,
        provisional: s.provisional,
        questions: s.questions,
      },
      () => questionsTable(year, s.questions),
    );
  })
  .openapi(releasesRoute, async (c) => {
    const { year } = c.req.valid('param');
    return c.json({ edition: year, releases: await listReleases(c.var.db, year) }, 200);
  })
  .openapi(trendRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { format } = c.req.valid('query');
    if (!indicatorByCode.has(code))
      throw unknown(
        'code',
        'indicator',
        INDICATORS.map((i) => i.code),
      );
    const points = await getTrend(c.var.db, code);
    return reply(c, format, `trend-${code}`, { indicator: code, points }, () =>
      trendTable(code, points),
    );
  });

/**
 * Pieces every route declaration uses: the error body of the contract, the error answers of a
 * route by code (statuses from the one table in src/http/errors.ts), JSON bodies and answers,
 * text answers, and the tag and security requirements of the moderator API.
 */
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { ErrorCode } from '../../errors.js';
import { statusOf } from '../errors.js';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ description: 'Vietnamese, or English when Accept-Language prefers en' }),
      details: z.record(z.string(), z.unknown()).optional().openapi({ description: 'e.g. `fields` for validation_failed' }),
    }),
  })
  .openapi('Error');

interface Answer {
  description: string;
  content?: Record<string, { schema: z.ZodType }>;
}

export function jsonAnswer(description: string, schema: z.ZodType): Answer {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body (declareRoute checks it before the handler runs). */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { required: true, content: { 'application/json': { schema } } };
}

export function textAnswer(description: string, mediaType: string): Answer {
  return { description, content: { [mediaType]: { schema: z.string() } } };
}

/** The error answers of a route, one entry per status naming its codes. */
export function errorAnswers(...codes: ErrorCode[]): Record<number, Answer> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusOf[code], [...(byStatus.get(statusOf[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, named]) => [status, jsonAnswer(named.map((code) => `\`${code}\``).join(', '), errorBodySchema)]),
  );
}

/** Security scheme names, registered in src/http/openapi/document.ts. */
export const SESSION = [{ session: [] }];
export const SESSION_AND_CSRF = [{ session: [], csrfToken: [] }];

/** The `{id}` of a row the database numbers (bans, word-list entries). */
export const numericIdParam = z.object({ id: z.coerce.number().int().positive() });

export const MODERATOR_API = ['Moderator API'];

type SecurityRequirement = NonNullable<RouteConfig['security']>[number];
type ModeratorRouteConfig<P extends string> = Omit<RouteConfig, 'path' | 'tags'> & { path: P; errors?: ErrorCode[] };

/**
 * A route of the moderator API: tagged so, and behind the session and its CSRF token unless it
 * names its own `security` (reads that change nothing need the session alone: SESSION). Its
 * error answers are `errors` plus what its security refuses with.
 */
export function moderatorRoute<P extends string, R extends ModeratorRouteConfig<P>>({ errors = [], ...route }: R) {
  const security: SecurityRequirement[] = route.security ?? SESSION_AND_CSRF;
  const responses = { ...route.responses, ...errorAnswers(...errors, ...refusalsOf(security)) };
  return createRoute({ tags: MODERATOR_API, ...route, security, responses });
}

type RouteExtras = Pick<RouteConfig, 'request' | 'security' | 'middleware'> & { errors?: ErrorCode[] };

/**
 * The usual moderator route: one JSON answer, `[description, schema]` with 200 unless a status
 * is named, besides its error answers; `more` holds its request, errors, security, middleware.
 */
export function moderatorJsonRoute<M extends 'get' | 'post', P extends string, X extends RouteExtras>(
  method: M,
  path: P,
  summary: string,
  [description, schema, status = 200]: [string, z.ZodType, number?],
  more: X = {} as X,
) {
  return moderatorRoute({ method, path, summary, ...more, responses: { [status]: jsonAnswer(description, schema) } });
}

/** No session: 401 unauthenticated; no CSRF token (or a wrong one): 403 csrf_failed. */
function refusalsOf(security: SecurityRequirement[]): ErrorCode[] {
  const schemes = new Set(security.flatMap((requirement) => Object.keys(requirement)));
  return (['unauthenticated', 'csrf_failed'] as const).filter((code) => schemes.has(code === 'unauthenticated' ? 'session' : 'csrfToken'));
}

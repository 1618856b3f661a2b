/**
 * Routes are declared once, with their zod schemas, through @hono/zod-openapi: the same
 * createRoute() config mounts the route and describes it in GET /openapi.json.
 *
 *   const routes = documentedRoutes();
 *   declareRoute(routes, createRoute({ method: 'get', path: '/{id}', request: { params }, responses }), handler);
 *
 * Query, path and header parameters are checked by zod-openapi with the defaultHook below, the
 * same mapping as validate() (400 validation_failed naming each field). A JSON body is not left
 * to zod-openapi: its media-type gate answers 415 to a body sent without
 * `Content-Type: application/json`, where this API has always validated such a request as `{}`
 * (400 validation_failed). So a required body is checked by validate('json') once the
 * parameters have passed, and an optional one (`POST …/approve`) is read by its handler; either
 * way the document shows the body as declared.
 *
 * Handlers are typed by the route's input but not by its responses: the response schemas
 * document what the handlers answer, and the tests check the answers.
 */
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { BlankEnv, BlankSchema } from 'hono/types';
import { checkValidated, validate } from '../validation.js';

export type DeclaredHandler<R extends RouteConfig> = (c: Parameters<RouteHandler<R>>[0]) => Response | Promise<Response>;

/** A router whose routes go into the OpenAPI document (mount it with app.route like any other). */
export function documentedRoutes(): DocumentedRoutes {
  return new OpenAPIHono<BlankEnv, BlankSchema>({ defaultHook: (result) => checkValidated(result) });
}

/** Typed like a plain `new Hono()`, so it mounts and serves wherever one does. */
export type DocumentedRoutes = OpenAPIHono<BlankEnv, BlankSchema>;

export function declareRoute<R extends RouteConfig>(routes: DocumentedRoutes, route: R, handler: DeclaredHandler<R>): void {
  const body = route.request?.body;
  if (!body) {
    routes.openapi(route, handler as never);
    return;
  }
  const { middleware: _mountedOnly, ...documented } = route;
  routes.openAPIRegistry.registerPath(documented);
  const { body: _documentedOnly, ...parameters } = route.request ?? {};
  const json = body.content['application/json'];
  const schema = json && 'schema' in json ? json.schema : undefined;
  const mounted = body.required && schema ? bodyCheckedFirst(validate('json', schema as never), handler) : handler;
  routes.openapi({ ...route, request: parameters, hide: true }, mounted as never);
}

/** Runs the body check (it throws validation_failed, or stores c.req.valid('json')), then the handler. */
function bodyCheckedFirst<R extends RouteConfig>(check: MiddlewareHandler, handler: DeclaredHandler<R>): DeclaredHandler<R> {
  return async (c) => {
    await check(c, async () => {});
    return handler(c);
  };
}

/**
 * A collection the moderators change one row at a time (bans, word-list entries): behind the
 * session and its CSRF token, GET / lists it, POST / adds a row (201) and POST /{id}/… changes
 * one (lift, delete); each answers the JSON of its rows under the collection's names.
 */
import type { RouteConfig } from '@hono/zod-openapi';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import type { Services } from '../../services.js';
import { requireCsrf, requireSession } from '../auth/index.js';

export interface Collection<Row, Input> {
  /** The answers' keys: the list (`{bans: [...]}`) and one row (`{ban}`). */
  names: readonly [list: string, one: string];
  toJson: (row: Row) => unknown;
  list: () => Promise<Row[]>;
  add: (actorId: string, input: Input) => Promise<Row>;
  changeOne: (actorId: string, id: number) => Promise<Row>;
}

/** The declared routes (their request schemas check the body and the numeric `{id}`). */
export interface CollectionRoutes {
  list: RouteConfig;
  add: RouteConfig;
  changeOne: RouteConfig;
}

export function collectionRoutes<Row, Input>(
  services: Services,
  declared: CollectionRoutes,
  collection: Collection<Row, Input>,
): DocumentedRoutes {
  const routes = documentedRoutes();
  const [many, one] = collection.names;
  routes.use('*', requireSession(services), requireCsrf());
  declareRoute(routes, declared.list, async (c) => c.json({ [many]: (await collection.list()).map(collection.toJson) }));
  declareRoute(routes, declared.add, async (c) => {
    const row = await collection.add(c.get('moderator').id, c.req.valid('json' as never) as Input);
    return c.json({ [one]: collection.toJson(row) }, 201);
  });
  declareRoute(routes, declared.changeOne, async (c) => {
    const row = await collection.changeOne(c.get('moderator').id, (c.req.valid('param' as never) as { id: number }).id);
    return c.json({ [one]: collection.toJson(row) });
  });
  return routes;
}

/**
 * The CORS headers of the hot routes (./cors.ts), set straight on Node's response when there
 * is one, before the handler: hono/cors sets them on `c.res` before and after the handler,
 * which makes Hono build the response twice (./README.md has the cost). Node merges headers
 * set here with the ones the handler's Response carries, and the handler's win, so a route
 * can still override any of them.
 *
 * Without a Node response (Hono's `app.request()` in unit tests) they go through `c.header()`.
 */
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';

function nodeResponse(c: Context): ServerResponse | undefined {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  return outgoing && !outgoing.headersSent ? outgoing : undefined;
}

export function setResponseHeader(c: Context, name: string, value: string): void {
  const outgoing = nodeResponse(c);
  if (outgoing) outgoing.setHeader(name, value);
  else c.header(name, value);
}

/** Adds a value to a list header such as `Vary`. */
export function appendResponseHeader(c: Context, name: string, value: string): void {
  const outgoing = nodeResponse(c);
  if (outgoing) outgoing.appendHeader(name, value);
  else c.header(name, value, { append: true });
}

/**
 * JSON answers that remember what they said. Middleware that keeps answers (Idempotency-Key)
 * reads `answeredJson(c)` instead of cloning the finished response and parsing it back: a
 * clone tees the body through web streams, a visible cost on every widget submission.
 *
 *   return answerJson(c, accepted, 202);        // in a handler (errors.ts does it for errors)
 *   const answer = answeredJson(c);             // after next(), in middleware
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface JsonAnswer {
  status: number;
  body: unknown;
}

declare module 'hono' {
  interface ContextVariableMap {
    jsonAnswer: JsonAnswer;
  }
}

export function answerJson(c: Context, body: object, status: ContentfulStatusCode): Response {
  c.set('jsonAnswer', { status, body });
  return c.json(body, status);
}

/** What the handler answered with answerJson, if that is what `c.res` holds. */
export function answeredJson(c: Context): JsonAnswer | undefined {
  const answer = c.get('jsonAnswer');
  return answer && answer.status === c.res.status ? answer : undefined;
}

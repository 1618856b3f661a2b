/**
 * How large a request body each route may send, in one table (docs/SECURITY.md, "Request
 * bodies"). Anything not listed gets DEFAULT_BODY_LIMIT: a few KB is enough for a login, a
 * decision, a ban, an account or a word, and it is what a route added later gets until it is
 * listed here. A route that needs more (an import of many words, say) adds its line with why.
 */
import type { BodyLimitFor } from './middleware/body-limit/index.js';

/** Logins, logout, rejections, bans, accounts, single lexicon words, reader likes and reports. */
export const DEFAULT_BODY_LIMIT = 8 * 1024;

interface BodyLimitRule {
  methods: ReadonlyArray<string>;
  path: RegExp;
  /** Bytes; null: the route checks its own limit. */
  maxBytes: number | null;
}

export const BODY_LIMIT_RULES: ReadonlyArray<BodyLimitRule> = [
  // 32 KiB (API.md), checked by the route itself on the hot path (src/http/routes/comments.ts).
  { methods: ['POST'], path: /^\/v1\/comments$/, maxBytes: null },
  // Up to 200 ids of up to 100 characters, and a reason.
  { methods: ['POST'], path: /^\/admin\/api\/comments\/bulk$/, maxBytes: 32 * 1024 },
  // Approving or editing may carry the comment's new text, up to 5,000 characters as on /v1/comments.
  { methods: ['POST'], path: /^\/admin\/api\/comments\/[^/]+\/approve$/, maxBytes: 32 * 1024 },
  { methods: ['PATCH'], path: /^\/admin\/api\/comments\/[^/]+$/, maxBytes: 32 * 1024 },
  // bull-board: adding a job or editing a job's data (a moderation job holds a whole comment).
  { methods: ['POST', 'PUT', 'PATCH', 'DELETE'], path: /^\/admin\/queues\//, maxBytes: 64 * 1024 },
];

export const bodyLimitFor: BodyLimitFor = (method, path) => {
  for (const rule of BODY_LIMIT_RULES) if (rule.methods.includes(method) && rule.path.test(path)) return rule.maxBytes;
  return DEFAULT_BODY_LIMIT;
};

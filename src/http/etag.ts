/**
 * The strong ETag of a body the service builds as a string: the counts of GET /v1/counts
 * (src/http/hot-path) and the static assets (./static-asset.ts).
 */
import { createHash } from 'node:crypto';

export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

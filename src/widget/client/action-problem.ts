/** What a reader is told when a like or a report did not go through (404, 429, no network, the rest). */
import type { ApiResult } from './api.js';
import type { Messages } from './i18n/index.js';

export function actionProblem(
  result: Exclude<ApiResult<unknown>, { kind: 'ok' }>,
  t: Messages,
  gone: string,
  tooMany: (seconds: number | null) => string,
): string {
  if (result.kind === 'network') return t.actionNetwork;
  if (result.status === 404) return gone;
  if (result.status === 429) return tooMany(result.retryAfter);
  if (result.status === 503) return t.busy(result.retryAfter);
  return result.error.message || t.generic;
}

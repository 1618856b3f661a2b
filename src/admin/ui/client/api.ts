/**
 * Every request of the script: JSON both ways, the session's CSRF token in X-CSRF-Token on
 * POST and PATCH, the page's language as Accept-Language. A 401 sends the moderator to the login page
 * with "session expired"; network failures come back as an error, never as a throw.
 */
import { body, csrf, tr } from './dom.js';
import { toast } from './toast.js';

export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ApiError };

function toLogin(): void {
  toast(tr('toast.expired'), { bad: true });
  const next = location.pathname + location.search;
  setTimeout(() => location.assign(`/admin/login?expired=1&next=${encodeURIComponent(next)}`), 600);
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': body.dataset.lang === 'en' ? 'en' : 'vi',
        ...(method !== 'GET' ? { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } : {}),
      },
      body: method !== 'GET' ? JSON.stringify(payload ?? {}) : undefined,
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: navigator.onLine ? 'network error' : 'offline' } };
  }
  if (response.status === 401) toLogin();
  const data = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, status: response.status, body: data as T };
  const error = (data as { error?: ApiError }).error ?? { code: 'http_' + response.status, message: response.statusText };
  return { ok: false, status: response.status, error };
}

/**
 * Framework-free handlers (the bull-board shape): a handler takes the services and a request
 * of already-validated input plus the logged-in moderator, and returns the response body.
 * Failures are AppErrors (404, 409 …) that app.onError maps. Hono wiring lives in routes.ts.
 */
import type { Services } from '../../../services.js';
import type { SessionUser } from '../../auth/index.js';

export interface AdminRequest<I> {
  moderator: SessionUser;
  input: I;
}

export type AdminHandler<I, R> = (services: Services, req: AdminRequest<I>) => Promise<R>;

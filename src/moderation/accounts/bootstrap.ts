/**
 * ADMIN_EMAIL / ADMIN_PASSWORD: creates that admin at start when no account has that email.
 * Idempotent and safe when several copies start together (the insert is ON CONFLICT DO
 * NOTHING on the unique email index). An existing account is never changed: rotating the
 * password in the environment does not overwrite a password set since.
 *
 * A weak ADMIN_PASSWORD (src/util/password-policy.ts) stops a production start in
 * src/config.ts; elsewhere it is a warning at every start, so a demo can keep its short one.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { ModeratorStore } from '../../store/moderators.js';
import { hashPassword } from './password.js';
import { configProblem, passwordProblem } from '../../util/password-policy.js';

export async function ensureBootstrapAdmin(deps: { config: Config; moderators: ModeratorStore; logger: Logger }): Promise<void> {
  const admin = deps.config.admin;
  if (!admin) return;
  const problem = passwordProblem(admin.password, admin.email);
  if (problem)
    deps.logger.warn({ setting: 'ADMIN_PASSWORD', problem }, `ADMIN_PASSWORD ${configProblem(problem)} (refused with NODE_ENV=production)`);
  if (await deps.moderators.findByEmail(admin.email)) return;
  const created = await deps.moderators.createIfAbsent({
    id: randomUUID(),
    email: admin.email.trim(),
    role: 'admin',
    displayName: null,
    passwordHash: await hashPassword(admin.password),
  });
  if (created) deps.logger.info('bootstrap admin account created from ADMIN_EMAIL');
}

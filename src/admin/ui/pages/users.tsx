/** Accounts (admins): create, disable/enable, reset a password. */
import type { FC } from 'hono/jsx';
import { MIN_PASSWORD_LENGTH } from '../../../util/password-policy.js';
import type { AccountSummary } from '../../../store/moderators.js';
import { translator } from '../i18n.js';
import { FormMessage, Layout, type PageContext } from '../layout.js';
import { formatTime } from '../time.js';

export const UsersPage: FC<{ page: PageContext; users: AccountSummary[] }> = ({ page, users }) => {
  const tr = translator(page.lang);
  return (
    <Layout page={page} title={tr('users.title')} nav="users">
      <h1>{tr('users.title')}</h1>
      <section class="panel" aria-labelledby="user-new">
        <h2 id="user-new">{tr('users.new')}</h2>
        <form data-api="/admin/api/users" class="form-grid">
          <div>
            <label for="u-email">{tr('users.email')}</label>
            <input id="u-email" name="email" type="email" required size={26} autocomplete="off" />
          </div>
          <div>
            <label for="u-name">{tr('users.name')}</label>
            <input id="u-name" name="displayName" type="text" size={18} maxlength={80} />
          </div>
          <div>
            <label for="u-role">{tr('users.role')}</label>
            <select id="u-role" name="role">
              <option value="moderator">{tr('role.moderator')}</option>
              <option value="admin">{tr('role.admin')}</option>
            </select>
          </div>
          <div>
            <label for="u-password">{tr('users.password')}</label>
            <input id="u-password" name="password" type="password" required minlength={MIN_PASSWORD_LENGTH} autocomplete="new-password" aria-describedby="u-password-hint" />
          </div>
          <button type="submit" class="primary">{tr('users.submit')}</button>
          <FormMessage />
        </form>
        <p class="hint" id="u-password-hint">{tr('users.passwordHint')}</p>
      </section>
      <table>
        <thead>
          <tr>
            <th scope="col">{tr('users.email')}</th>
            <th scope="col">{tr('users.name')}</th>
            <th scope="col">{tr('users.role')}</th>
            <th scope="col">{tr('users.status')}</th>
            <th scope="col">{tr('bans.createdAt')}</th>
            <th scope="col">{tr('users.reset')}</th>
            <th scope="col"><span class="visually-hidden">{tr('users.disable')}</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>{u.email} {u.id === page.user.id ? tr('users.you') : ''}</td>
              <td>{u.displayName ?? ''}</td>
              <td>{tr(`role.${u.role}`)}</td>
              <td>{u.disabledAt ? tr('users.disabled') : tr('users.active')}</td>
              <td>{formatTime(u.createdAt, page.lang)}</td>
              <td>
                <form data-api={`/admin/api/users/${u.id}/password`} class="form-grid">
                  <input name="password" type="password" minlength={MIN_PASSWORD_LENGTH} required autocomplete="new-password"
                    aria-label={tr('users.newPassword', { email: u.email })} size={14} />
                  <button type="submit">{tr('users.reset')}</button>
                  <FormMessage />
                </form>
              </td>
              <td>
                {u.id === page.user.id ? null : (
                  <form data-api={`/admin/api/users/${u.id}/${u.disabledAt ? 'enable' : 'disable'}`} class="inline">
                    <button type="submit" aria-label={`${u.disabledAt ? tr('users.enable') : tr('users.disable')}: ${u.email}`}>
                      {u.disabledAt ? tr('users.enable') : tr('users.disable')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
};

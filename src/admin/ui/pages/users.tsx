/** Accounts (admins): create, disable/enable, reset a password. */
import type { FC } from 'hono/jsx';
import { MIN_PASSWORD_LENGTH } from '../../../util/password-policy.js';
import type { AccountSummary } from '../../../store/moderators.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { DataTable } from '../components/data-table.js';
import { ActionButton, ApiForm, choicesOf, InputField, SelectField } from '../components/forms.js';
import { Panel } from '../components/panel.js';
import { formatTime } from '../time.js';

export const UsersPage: FC<{ page: PageContext; users: AccountSummary[] }> = ({ page, users }) => {
  const tr = translator(page.lang);
  return (
    <Layout page={page} title={tr('users.title')} nav="users">
      <h1>{tr('users.title')}</h1>
      <Panel id="user-new" title={tr('users.new')}>
        <ApiForm api="/admin/api/users" submit={tr('users.submit')} submitClass="primary">
          <InputField id="u-email" label={tr('users.email')} name="email" type="email" required size={26} autocomplete="off" />
          <InputField id="u-name" label={tr('users.name')} name="displayName" type="text" size={18} maxlength={80} />
          <SelectField
            id="u-role"
            label={tr('users.role')}
            name="role"
            choices={choicesOf(['moderator', 'admin'], (v) => tr(`role.${v}`))}
          />
          <InputField
            id="u-password"
            label={tr('users.password')}
            name="password"
            type="password"
            required
            minlength={MIN_PASSWORD_LENGTH}
            autocomplete="new-password"
            aria-describedby="u-password-hint"
          />
        </ApiForm>
        <p class="hint" id="u-password-hint">
          {tr('users.passwordHint')}
        </p>
      </Panel>
      <DataTable
        columns={[
          tr('users.email'),
          tr('users.name'),
          tr('users.role'),
          tr('users.status'),
          tr('bans.createdAt'),
          tr('users.reset'),
          { label: tr('users.disable'), hidden: true },
        ]}
        items={users}
        row={(u) => (
          <tr>
            <td>
              {u.email} {u.id === page.user.id ? tr('users.you') : ''}
            </td>
            <td>{u.displayName ?? ''}</td>
            <td>{tr(`role.${u.role}`)}</td>
            <td>{u.disabledAt ? tr('users.disabled') : tr('users.active')}</td>
            <td>{formatTime(u.createdAt, page.lang)}</td>
            <td>
              <ApiForm api={`/admin/api/users/${u.id}/password`} submit={tr('users.reset')}>
                <input
                  name="password"
                  type="password"
                  minlength={MIN_PASSWORD_LENGTH}
                  required
                  autocomplete="new-password"
                  aria-label={tr('users.newPassword', { email: u.email })}
                  size={14}
                />
              </ApiForm>
            </td>
            <td>{u.id === page.user.id ? null : <AccountSwitch user={u} lang={page.lang} />}</td>
          </tr>
        )}
      />
    </Layout>
  );
};

/** Disable an active account, or enable a disabled one. */
const AccountSwitch: FC<{ user: AccountSummary; lang: PageContext['lang'] }> = ({ user, lang }) => {
  const tr = translator(lang);
  const action = user.disabledAt ? 'enable' : 'disable';
  const text = tr(`users.${action}`);
  return <ActionButton api={`/admin/api/users/${user.id}/${action}`} text={text} label={`${text}: ${user.email}`} />;
};

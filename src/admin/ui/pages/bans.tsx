/** Bans: a form to ban an email and/or IP for a while, and the active bans with "lift". */
import type { FC } from 'hono/jsx';
import type { Ban } from '../../../store/bans.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { DataTable } from '../components/data-table.js';
import { ActionButton, ApiForm, InputField, SelectField } from '../components/forms.js';
import { Panel } from '../components/panel.js';
import { formatTime } from '../time.js';

export const BansPage: FC<{ page: PageContext; bans: Ban[]; names: Map<string, string>; prefill: { email?: string; ip?: string } }> = ({
  page,
  bans,
  names,
  prefill,
}) => {
  const tr = translator(page.lang);
  return (
    <Layout page={page} title={tr('bans.title')} nav="bans">
      <h1>{tr('bans.title')}</h1>
      <Panel id="ban-new" title={tr('bans.new')}>
        <p class="hint">{tr('bans.hint')}</p>
        <ApiForm api="/admin/api/bans" submit={tr('bans.submit')} submitClass="reject">
          <InputField id="ban-email" label={tr('bans.email')} name="email" type="email" value={prefill.email ?? ''} size={28} />
          <InputField id="ban-ip" label={tr('bans.ip')} name="ip" type="text" value={prefill.ip ?? ''} size={18} />
          <SelectField
            id="ban-duration"
            label={tr('bans.duration')}
            name="durationDays"
            selected="7"
            choices={[
              ['1', tr('bans.d1')],
              ['7', tr('bans.d7')],
              ['30', tr('bans.d30')],
              ['', tr('bans.forever')],
            ]}
          />
          <InputField id="ban-reason" label={tr('bans.reason')} name="reason" type="text" size={30} maxlength={200} />
        </ApiForm>
      </Panel>
      <h2>{tr('bans.active')}</h2>
      <DataTable
        columns={[
          ...(['email', 'ip', 'reason', 'expires', 'createdBy', 'createdAt'] as const).map((column) => tr(`bans.${column}`)),
          { label: tr('bans.lift'), hidden: true },
        ]}
        items={bans}
        empty={tr('bans.none')}
        row={(b) => (
          <tr data-ban={b.id}>
            <td>{b.email ?? '—'}</td>
            <td>{b.ip ?? '—'}</td>
            <td>{b.reason ?? ''}</td>
            <td>{b.expiresAt ? formatTime(b.expiresAt, page.lang) : tr('bans.forever')}</td>
            <td>{names.get(b.createdBy) ?? b.createdBy}</td>
            <td>{formatTime(b.createdAt, page.lang)}</td>
            <td>
              <ActionButton
                api={`/admin/api/bans/${b.id}/lift`}
                text={tr('bans.lift')}
                label={`${tr('bans.lift')}: ${b.email ?? ''} ${b.ip ?? ''}`}
              />
            </td>
          </tr>
        )}
      />
    </Layout>
  );
};

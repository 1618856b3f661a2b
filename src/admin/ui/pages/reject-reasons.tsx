/** Preset rejection reasons: everyone reads them (keys 1–9 in the queue); admins add and remove. */
import type { FC } from 'hono/jsx';
import type { RejectReasonRecord } from '../../../store/reject-reasons.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { DataTable } from '../components/data-table.js';
import { ActionButton, ApiForm, InputField } from '../components/forms.js';
import { Panel } from '../components/panel.js';
import { formatTime } from '../time.js';

export const RejectReasonsPage: FC<{ page: PageContext; reasons: RejectReasonRecord[]; names: Map<string, string> }> = ({
  page,
  reasons,
  names,
}) => {
  const tr = translator(page.lang);
  const isAdmin = page.user.role === 'admin';
  return (
    <Layout page={page} title={tr('presets.title')} nav="reasons">
      <h1>{tr('presets.title')}</h1>
      <p class="hint">{tr('presets.hint')}</p>
      {isAdmin ? (
        <Panel id="preset-new" title={tr('presets.new')}>
          <ApiForm api="/admin/api/reject-reasons" submit={tr('presets.submit')} submitClass="primary">
            <InputField
              id="preset-text"
              label={tr('presets.text')}
              name="text"
              type="text"
              required
              minlength={2}
              maxlength={200}
              size={40}
            />
          </ApiForm>
        </Panel>
      ) : (
        <p class="notice">{tr('presets.adminOnly')}</p>
      )}
      <DataTable
        columns={[
          tr('presets.key'),
          tr('presets.text'),
          tr('bans.createdBy'),
          tr('bans.createdAt'),
          isAdmin ? { label: tr('presets.remove'), hidden: true } : null,
        ]}
        items={reasons}
        empty={tr('presets.none')}
        row={(r) => {
          const key = reasons.indexOf(r) + 1;
          return (
            <tr data-preset={r.id}>
              <td>{key <= 9 ? <kbd>{key}</kbd> : '—'}</td>
              <td>
                <strong>{r.text}</strong>
              </td>
              <td>{names.get(r.createdBy) ?? r.createdBy}</td>
              <td>{formatTime(r.createdAt, page.lang)}</td>
              {isAdmin ? (
                <td>
                  <ActionButton
                    api={`/admin/api/reject-reasons/${r.id}/delete`}
                    text={tr('presets.remove')}
                    label={`${tr('presets.remove')}: ${r.text}`}
                  />
                </td>
              ) : null}
            </tr>
          );
        }}
      />
    </Layout>
  );
};

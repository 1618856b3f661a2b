/** Word lists: admins add or remove terms (vi/en, block/review) and allowlist entries. */
import type { FC } from 'hono/jsx';
import type { LexiconEntryRecord } from '../../../store/lexicon.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { DataTable } from '../components/data-table.js';
import { ActionButton, ApiForm, choicesOf, InputField, SelectField } from '../components/forms.js';
import { Panel } from '../components/panel.js';
import { formatTime } from '../time.js';

export const LexiconPage: FC<{ page: PageContext; entries: LexiconEntryRecord[]; names: Map<string, string> }> = ({
  page,
  entries,
  names,
}) => {
  const tr = translator(page.lang);
  const isAdmin = page.user.role === 'admin';
  return (
    <Layout page={page} title={tr('lexicon.title')} nav="lexicon">
      <h1>{tr('lexicon.title')}</h1>
      <p class="hint">{tr('lexicon.hint')}</p>
      {isAdmin ? (
        <Panel id="lex-new" title={tr('lexicon.new')}>
          <ApiForm api="/admin/api/lexicon" submit={tr('lexicon.submit')} submitClass="primary">
            <SelectField
              id="lex-kind"
              label={tr('lexicon.kind')}
              name="kind"
              choices={choicesOf(['term', 'allow'], (v) => tr(`lexicon.kind.${v}`))}
            />
            <SelectField
              id="lex-lang"
              label={tr('lexicon.lang')}
              name="lang"
              choices={choicesOf(['vi', 'en'], (v) => tr(`lexicon.lang.${v}`))}
            />
            <InputField id="lex-term" label={tr('lexicon.term')} name="term" type="text" required minlength={2} maxlength={100} size={28} />
            <SelectField
              id="lex-tier"
              label={tr('lexicon.tier')}
              name="tier"
              choices={choicesOf(['review', 'block'], (v) => tr(`lexicon.tier.${v}`))}
            />
          </ApiForm>
        </Panel>
      ) : (
        <p class="notice">{tr('lexicon.adminOnly')}</p>
      )}
      <DataTable
        columns={[
          tr('lexicon.term'),
          tr('lexicon.kind'),
          tr('lexicon.lang'),
          tr('lexicon.tier'),
          tr('bans.createdBy'),
          tr('bans.createdAt'),
          isAdmin ? { label: tr('lexicon.remove'), hidden: true } : null,
        ]}
        items={entries}
        empty={tr('lexicon.none')}
        row={(e) => (
          <tr data-entry={e.id}>
            <td>
              <strong>{e.term}</strong>
            </td>
            <td>{tr(`lexicon.kind.${e.kind}`)}</td>
            <td>{tr(`lexicon.lang.${e.lang}`)}</td>
            <td>{e.tier ? tr(`lexicon.tier.${e.tier}`) : '—'}</td>
            <td>{names.get(e.createdBy) ?? e.createdBy}</td>
            <td>{formatTime(e.createdAt, page.lang)}</td>
            {isAdmin ? (
              <td>
                <ActionButton
                  api={`/admin/api/lexicon/${e.id}/delete`}
                  text={tr('lexicon.remove')}
                  label={`${tr('lexicon.remove')}: ${e.term}`}
                />
              </td>
            ) : null}
          </tr>
        )}
      />
    </Layout>
  );
};

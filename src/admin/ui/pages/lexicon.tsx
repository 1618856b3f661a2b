/** Word lists: admins add or remove terms (vi/en, block/review) and allowlist entries. */
import type { FC } from 'hono/jsx';
import type { LexiconEntryRecord } from '../../../store/lexicon.js';
import { translator } from '../i18n/index.js';
import { FormMessage, Layout, type PageContext } from '../layout.js';
import { formatTime } from '../time.js';

export const LexiconPage: FC<{ page: PageContext; entries: LexiconEntryRecord[]; names: Map<string, string> }> = ({ page, entries, names }) => {
  const tr = translator(page.lang);
  const isAdmin = page.user.role === 'admin';
  return (
    <Layout page={page} title={tr('lexicon.title')} nav="lexicon">
      <h1>{tr('lexicon.title')}</h1>
      <p class="hint">{tr('lexicon.hint')}</p>
      {isAdmin ? (
        <section class="panel" aria-labelledby="lex-new">
          <h2 id="lex-new">{tr('lexicon.new')}</h2>
          <form data-api="/admin/api/lexicon" class="form-grid">
            <div>
              <label for="lex-kind">{tr('lexicon.kind')}</label>
              <select id="lex-kind" name="kind">
                <option value="term">{tr('lexicon.kind.term')}</option>
                <option value="allow">{tr('lexicon.kind.allow')}</option>
              </select>
            </div>
            <div>
              <label for="lex-lang">{tr('lexicon.lang')}</label>
              <select id="lex-lang" name="lang">
                <option value="vi">{tr('lexicon.lang.vi')}</option>
                <option value="en">{tr('lexicon.lang.en')}</option>
              </select>
            </div>
            <div>
              <label for="lex-term">{tr('lexicon.term')}</label>
              <input id="lex-term" name="term" type="text" required minlength={2} maxlength={100} size={28} />
            </div>
            <div>
              <label for="lex-tier">{tr('lexicon.tier')}</label>
              <select id="lex-tier" name="tier">
                <option value="review">{tr('lexicon.tier.review')}</option>
                <option value="block">{tr('lexicon.tier.block')}</option>
              </select>
            </div>
            <button type="submit" class="primary">{tr('lexicon.submit')}</button>
            <FormMessage />
          </form>
        </section>
      ) : (
        <p class="notice">{tr('lexicon.adminOnly')}</p>
      )}
      {entries.length === 0 ? (
        <p class="empty">{tr('lexicon.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{tr('lexicon.term')}</th>
              <th scope="col">{tr('lexicon.kind')}</th>
              <th scope="col">{tr('lexicon.lang')}</th>
              <th scope="col">{tr('lexicon.tier')}</th>
              <th scope="col">{tr('bans.createdBy')}</th>
              <th scope="col">{tr('bans.createdAt')}</th>
              {isAdmin ? <th scope="col"><span class="visually-hidden">{tr('lexicon.remove')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr data-entry={e.id}>
                <td><strong>{e.term}</strong></td>
                <td>{tr(`lexicon.kind.${e.kind}`)}</td>
                <td>{tr(`lexicon.lang.${e.lang}`)}</td>
                <td>{e.tier ? tr(`lexicon.tier.${e.tier}`) : '—'}</td>
                <td>{names.get(e.createdBy) ?? e.createdBy}</td>
                <td>{formatTime(e.createdAt, page.lang)}</td>
                {isAdmin ? (
                  <td>
                    <form data-api={`/admin/api/lexicon/${e.id}/delete`} class="inline">
                      <button type="submit" aria-label={`${tr('lexicon.remove')}: ${e.term}`}>{tr('lexicon.remove')}</button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
};

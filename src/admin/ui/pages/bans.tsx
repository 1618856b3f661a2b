/** Bans: a form to ban an email and/or IP for a while, and the active bans with "lift". */
import type { FC } from 'hono/jsx';
import type { Ban } from '../../../store/bans.js';
import { translator } from '../i18n/index.js';
import { FormMessage, Layout, type PageContext } from '../layout.js';
import { formatTime } from '../time.js';

export const BansPage: FC<{ page: PageContext; bans: Ban[]; names: Map<string, string>; prefill: { email?: string; ip?: string } }> = ({ page, bans, names, prefill }) => {
  const tr = translator(page.lang);
  return (
    <Layout page={page} title={tr('bans.title')} nav="bans">
      <h1>{tr('bans.title')}</h1>
      <section class="panel" aria-labelledby="ban-new">
        <h2 id="ban-new">{tr('bans.new')}</h2>
        <p class="hint">{tr('bans.hint')}</p>
        <form data-api="/admin/api/bans" class="form-grid">
          <div>
            <label for="ban-email">{tr('bans.email')}</label>
            <input id="ban-email" name="email" type="email" value={prefill.email ?? ''} size={28} />
          </div>
          <div>
            <label for="ban-ip">{tr('bans.ip')}</label>
            <input id="ban-ip" name="ip" type="text" value={prefill.ip ?? ''} size={18} />
          </div>
          <div>
            <label for="ban-duration">{tr('bans.duration')}</label>
            <select id="ban-duration" name="durationDays">
              <option value="1">{tr('bans.d1')}</option>
              <option value="7" selected>{tr('bans.d7')}</option>
              <option value="30">{tr('bans.d30')}</option>
              <option value="">{tr('bans.forever')}</option>
            </select>
          </div>
          <div>
            <label for="ban-reason">{tr('bans.reason')}</label>
            <input id="ban-reason" name="reason" type="text" size={30} maxlength={200} />
          </div>
          <button type="submit" class="reject">{tr('bans.submit')}</button>
          <FormMessage />
        </form>
      </section>
      <h2>{tr('bans.active')}</h2>
      {bans.length === 0 ? (
        <p class="empty">{tr('bans.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{tr('bans.email')}</th>
              <th scope="col">{tr('bans.ip')}</th>
              <th scope="col">{tr('bans.reason')}</th>
              <th scope="col">{tr('bans.expires')}</th>
              <th scope="col">{tr('bans.createdBy')}</th>
              <th scope="col">{tr('bans.createdAt')}</th>
              <th scope="col"><span class="visually-hidden">{tr('bans.lift')}</span></th>
            </tr>
          </thead>
          <tbody>
            {bans.map((b) => (
              <tr data-ban={b.id}>
                <td>{b.email ?? '—'}</td>
                <td>{b.ip ?? '—'}</td>
                <td>{b.reason ?? ''}</td>
                <td>{b.expiresAt ? formatTime(b.expiresAt, page.lang) : tr('bans.forever')}</td>
                <td>{names.get(b.createdBy) ?? b.createdBy}</td>
                <td>{formatTime(b.createdAt, page.lang)}</td>
                <td>
                  <form data-api={`/admin/api/bans/${b.id}/lift`} class="inline">
                    <button type="submit" aria-label={`${tr('bans.lift')}: ${b.email ?? ''} ${b.ip ?? ''}`}>{tr('bans.lift')}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
};

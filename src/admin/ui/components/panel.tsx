/** A boxed section under its own heading, e.g. the "new ban" form above the list. */
import type { Child, FC } from 'hono/jsx';

export const Panel: FC<{ id: string; title: string; children?: Child }> = ({ id, title, children }) => (
  <section class="panel" aria-labelledby={id}>
    <h2 id={id}>{title}</h2>
    {children}
  </section>
);

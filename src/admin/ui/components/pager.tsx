/** Links to the first and to the next page of a long list; each only when there is one. */
import type { FC } from 'hono/jsx';

export const Pager: FC<{ first?: string | null; firstLabel?: string; next?: string | null; nextLabel: string }> = ({
  first,
  firstLabel,
  next,
  nextLabel,
}) => (
  <nav class="pager" aria-label="pager">
    {first ? <a href={first}>{firstLabel}</a> : null}
    {next ? (
      <a href={next} rel="next">
        {nextLabel} →
      </a>
    ) : null}
  </nav>
);

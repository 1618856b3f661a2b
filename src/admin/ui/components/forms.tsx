/**
 * The pieces of the admin forms: labelled fields, a form the client script posts as JSON
 * (`data-api`, see client/admin.ts) with its submit button and message box, and the
 * one-button form of a table row ("lift", "remove", "disable").
 */
import type { Child, FC, JSX } from 'hono/jsx';
import { FormMessage } from '../layout.js';

interface FieldProps {
  /** The control's id, which its label points at. */
  id: string;
  label: string;
  /** The wrapper's class (e.g. "grow" in the filter bar). */
  class?: string;
}

/** A control with its visible label. */
const Field: FC<FieldProps & { children?: Child }> = ({ id, label, class: cls, children }) => (
  <div class={cls}>
    <label for={id}>{label}</label>
    {children}
  </div>
);

/** An input with its label; every other attribute goes to the input. */
export const InputField: FC<FieldProps & JSX.IntrinsicElements['input']> = ({ id, label, class: cls, ...input }) => (
  <Field id={id} label={label} class={cls}>
    <input id={id} {...input} />
  </Field>
);

/** One choice of a select: its value and what the reader sees. */
export type Choice = readonly [value: string, text: string];

/** Choices whose values are also what their text is looked up by (`(v) => tr(\`role.${v}\`)`). */
export function choicesOf<V extends string>(values: readonly V[], text: (value: V) => string): Choice[] {
  return values.map((value) => [value, text(value)]);
}

/** A select with its label; the option whose value is `selected` starts chosen. */
export const SelectField: FC<FieldProps & { name: string; choices: readonly Choice[]; selected?: string }> = (props) => (
  <Field id={props.id} label={props.label} class={props.class}>
    <select id={props.id} name={props.name}>
      {props.choices.map(([value, text]) => (
        <option value={value} selected={value === props.selected}>
          {text}
        </option>
      ))}
    </select>
  </Field>
);

/** A form posted by the client script to `api`; errors show in its message box. */
export const ApiForm: FC<{ api: string; submit: string; submitClass?: string; children?: Child }> = ({
  api,
  submit,
  submitClass,
  children,
}) => (
  <form data-api={api} class="form-grid">
    {children}
    <button type="submit" class={submitClass}>
      {submit}
    </button>
    <FormMessage />
  </form>
);

/**
 * A single button posting to `api`, inline in a table row; `label` names what it acts on,
 * since a column of identical buttons says nothing to a screen reader.
 */
export const ActionButton: FC<{ api: string; text: string; label: string }> = ({ api, text, label }) => (
  <form data-api={api} class="inline">
    <button type="submit" aria-label={label}>
      {text}
    </button>
  </form>
);

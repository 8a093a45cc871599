import { Field } from "@keel/ui";

/** A labelled multi-line field (the UI package has single-line inputs only). */
export function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
  required,
  rows = 4,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  rows?: number;
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(control) => (
        <textarea
          {...control}
          className="keel-input"
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

import type { ComponentPropsWithRef, ReactNode } from "react";
import { cx } from "../../internal/cx.ts";
import { Field } from "../Field/Field.tsx";

export interface TextAreaProps extends ComponentPropsWithRef<"textarea"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Class of the wrapping field; `className` goes to the <textarea>. */
  fieldClassName?: string;
}

/** A labelled multi-line field: a summary, a reason, lessons learned. */
export function TextArea({
  label,
  hint,
  error,
  fieldClassName,
  className,
  id,
  required,
  rows = 4,
  ...textareaProps
}: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id} className={fieldClassName}>
      {(control) => (
        <textarea
          rows={rows}
          {...textareaProps}
          {...control}
          className={cx("keel-input", "keel-textarea", className)}
        />
      )}
    </Field>
  );
}

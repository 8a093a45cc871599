import type { ComponentPropsWithRef, ReactNode } from "react";
import { cx } from "../../internal/cx.ts";
import { Field } from "../Field/Field.tsx";

export interface TextInputProps extends ComponentPropsWithRef<"input"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Class of the wrapping field; `className` goes to the <input>. */
  fieldClassName?: string;
}

export function TextInput({
  label,
  hint,
  error,
  fieldClassName,
  className,
  id,
  required,
  ...inputProps
}: TextInputProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id} className={fieldClassName}>
      {(control) => (
        <input type="text" {...inputProps} {...control} className={cx("keel-input", className)} />
      )}
    </Field>
  );
}

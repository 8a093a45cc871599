import { type ReactNode, useId } from "react";
import { cx } from "../../internal/cx.ts";

/** Props a Field hands to its control so label, hint and error are wired up for assistive tech. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  required: boolean | undefined;
}

export interface FieldProps {
  /** Always visible: placeholders are not labels. */
  label: ReactNode;
  hint?: ReactNode;
  /** Validation message; marks the control invalid. */
  error?: ReactNode;
  required?: boolean;
  /** Use a given id for the control instead of a generated one. */
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({ label, hint, error, required, id, className, children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false;
  const describedBy = [hint !== undefined ? hintId : null, hasError ? errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cx("keel-field", className)}>
      <label className="keel-field__label" htmlFor={controlId}>
        {label}
        {required && (
          <span className="keel-field__required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({
        id: controlId,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": hasError || undefined,
        required,
      })}
      {hint !== undefined && (
        <p id={hintId} className="keel-field__hint">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={errorId} className="keel-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

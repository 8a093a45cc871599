import type { ChangeEvent, ComponentPropsWithRef, ReactNode } from "react";
import { cx } from "../../internal/cx.ts";
import { Field } from "../Field/Field.tsx";

export interface SelectOption<Value extends string = string> {
  value: Value;
  label: string;
  disabled?: boolean;
}

export interface SelectProps<Value extends string = string>
  extends Omit<ComponentPropsWithRef<"select">, "children" | "value" | "defaultValue"> {
  label: ReactNode;
  options: readonly SelectOption<Value>[];
  value?: Value | "";
  defaultValue?: Value | "";
  /** Typed alternative to onChange: receives the option's value (or "" for the placeholder). */
  onValueChange?: (value: Value | "") => void;
  /** An empty first option, e.g. "All stages". */
  placeholder?: string;
  hint?: ReactNode;
  error?: ReactNode;
  fieldClassName?: string;
}

export function Select<Value extends string = string>({
  label,
  options,
  onValueChange,
  onChange,
  placeholder,
  hint,
  error,
  fieldClassName,
  className,
  id,
  required,
  ...selectProps
}: SelectProps<Value>) {
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => {
    onChange?.(event);
    // The DOM only ever holds values we rendered from `options` (or the placeholder's "").
    onValueChange?.(event.target.value as Value | "");
  };
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id} className={fieldClassName}>
      {(control) => (
        <select
          {...selectProps}
          {...control}
          className={cx("keel-select", className)}
          onChange={handleChange}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

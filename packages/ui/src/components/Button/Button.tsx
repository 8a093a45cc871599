import type { ComponentPropsWithRef, MouseEvent, ReactNode } from "react";
import { cx } from "../../internal/cx.ts";
import { Spinner } from "../Spinner/Spinner.tsx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

export interface ButtonProps extends ComponentPropsWithRef<"button"> {
  /** Default "secondary": a screen should have at most one primary action. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and ignores clicks while a long action runs. */
  loading?: boolean;
  /** Leading icon; replaced by the spinner while loading. */
  icon?: ReactNode;
}

export function Button({
  variant = "secondary",
  size = "md",
  loading = false,
  icon,
  type = "button",
  className,
  children,
  onClick,
  ...buttonProps
}: ButtonProps) {
  // While loading the button stays enabled and focusable (disabling it would drop keyboard
  // focus to <body> mid-action); aria-disabled plus the swallowed click prevent a double submit.
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...buttonProps}
      type={type}
      className={cx("keel-button", `keel-button--${variant}`, `keel-button--${size}`, className)}
      aria-busy={loading || undefined}
      aria-disabled={loading || buttonProps["aria-disabled"]}
      onClick={handleClick}
    >
      {loading ? <Spinner /> : icon}
      {children}
    </button>
  );
}

import { ApiRequestError } from "@keel/client";
import { Button, TextInput } from "@keel/ui";
import { type FormEvent, useRef, useState } from "react";

export interface SignInFormProps {
  /** Resolves when signed in; rejects with the reason otherwise (shown above the button). */
  onSignIn: (email: string, password: string) => Promise<void>;
}

interface FieldErrors {
  email?: string;
  password?: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignIn(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email.trim() === "") errors.email = "Enter your email";
  else if (!emailPattern.test(email.trim())) errors.email = "Enter an email like name@company.com";
  if (password === "") errors.password = "Enter your password";
  return errors;
}

/** What to tell a person whose sign-in failed. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 401) return "Email or password is not right";
    if (error.status === 429) return "Too many attempts. Wait a minute, then try again.";
    return error.message;
  }
  if (error instanceof TypeError) return "Keel could not be reached. Check your connection and try again.";
  if (error instanceof Error) return error.message;
  return "Could not sign in";
}

/** Email + password. Validates before sending; never clears what the person typed. */
export function SignInForm({ onSignIn }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const errors = validateSignIn(email, password);
    setFieldErrors(errors);
    setFailure(null);
    if (errors.email) {
      emailRef.current?.focus();
      return;
    }
    if (errors.password) {
      passwordRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      await onSignIn(email.trim(), password);
    } catch (error) {
      setFailure(signInErrorMessage(error));
      passwordRef.current?.select();
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="signin-form" noValidate onSubmit={submit} aria-busy={pending || undefined}>
      <TextInput
        ref={emailRef}
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        value={email}
        error={fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextInput
        ref={passwordRef}
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        error={fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {failure && (
        <p className="signin-form__error" role="alert">
          {failure}
        </p>
      )}
      <Button type="submit" variant="primary" loading={pending} className="signin-form__submit">
        Sign in
      </Button>
    </form>
  );
}

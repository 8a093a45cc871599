import { ApiRequestError } from "@keel/client";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SignInForm } from "./SignInForm.tsx";

describe("SignInForm", () => {
  it("asks for the missing fields instead of sending an empty form", async () => {
    const onSignIn = vi.fn(async () => {});
    render(<SignInForm onSignIn={onSignIn} />);

    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(onSignIn).not.toHaveBeenCalled();
    expect(screen.getByText("Enter your email")).toBeTruthy();
    expect(screen.getByText("Enter your password")).toBeTruthy();
    expect(screen.getByLabelText("Email").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
  });

  it("rejects something that is not an email", async () => {
    const onSignIn = vi.fn(async () => {});
    render(<SignInForm onSignIn={onSignIn} />);

    await userEvent.type(screen.getByLabelText("Email"), "tess");
    await userEvent.type(screen.getByLabelText("Password"), "keel-demo");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(onSignIn).not.toHaveBeenCalled();
    expect(screen.getByText("Enter an email like name@company.com")).toBeTruthy();
  });

  it("sends the trimmed email and the password", async () => {
    const onSignIn = vi.fn(async () => {});
    render(<SignInForm onSignIn={onSignIn} />);

    await userEvent.type(screen.getByLabelText("Email"), " ta@keel.test ");
    await userEvent.type(screen.getByLabelText("Password"), "keel-demo{Enter}");

    expect(onSignIn).toHaveBeenCalledWith("ta@keel.test", "keel-demo");
  });

  it("says so when the credentials are wrong, and keeps what was typed", async () => {
    const onSignIn = vi.fn(async () => {
      throw new ApiRequestError(401, "INVALID_EMAIL_OR_PASSWORD", "Invalid email or password");
    });
    render(<SignInForm onSignIn={onSignIn} />);

    await userEvent.type(screen.getByLabelText("Email"), "ta@keel.test");
    await userEvent.type(screen.getByLabelText("Password"), "wrong");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect((await screen.findByRole("alert")).textContent).toBe("Email or password is not right");
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("ta@keel.test");
  });
});

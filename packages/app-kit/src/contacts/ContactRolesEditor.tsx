import { type ContactRole, contactRoleLabels, contactRoleSchema } from "@keel/domain";
import { Button } from "@keel/ui";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import "./roles-editor.css";

const allRoles = contactRoleSchema.options;

export interface ContactRolesEditorProps {
  contactName: string;
  initialRoles: readonly ContactRole[];
  onSave: (roles: ContactRole[]) => void;
  onCancel: () => void;
  saving?: boolean;
  /** Why the last save did not go through (shown in the editor, announced). */
  message?: string | null;
}

/** C-1: the multi-select of a contact's roles, as checkboxes; saves in the canonical order. */
export function ContactRolesEditor({
  contactName,
  initialRoles,
  onSave,
  onCancel,
  saving = false,
  message,
}: ContactRolesEditorProps) {
  const [roles, setRoles] = useState<ReadonlySet<ContactRole>>(() => new Set(initialRoles));
  const legendId = useId();
  const firstBoxRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstBoxRef.current?.focus();
  }, []);

  const toggle = (role: ContactRole, checked: boolean) => {
    setRoles((current) => {
      const next = new Set(current);
      if (checked) next.add(role);
      else next.delete(role);
      return next;
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(allRoles.filter((role) => roles.has(role)));
  };

  return (
    <form
      className="roles-editor"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <fieldset aria-labelledby={legendId}>
        <legend id={legendId} className="keel-visually-hidden">
          Roles of {contactName}
        </legend>
        <div className="roles-editor__options">
          {allRoles.map((role, index) => (
            <label key={role} className="roles-editor__option">
              <input
                ref={index === 0 ? firstBoxRef : undefined}
                type="checkbox"
                checked={roles.has(role)}
                onChange={(event) => toggle(role, event.target.checked)}
              />
              {contactRoleLabels[role]}
            </label>
          ))}
        </div>
      </fieldset>
      {message && (
        <p className="roles-editor__message" role="alert">
          {message}
        </p>
      )}
      <div className="roles-editor__actions">
        <Button type="submit" size="sm" variant="primary" loading={saving}>
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

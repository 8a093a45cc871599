import { contactMutations } from "@keel/client";
import type { ContactRole } from "@keel/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ContactRolesEditor } from "./ContactRolesEditor.tsx";
import { roleSaveFailure } from "./role-save-error.ts";

/** What tagging needs of a contact row: the backlog's items and an account's contacts both fit. */
export interface TaggableContact {
  id: string;
  accountId: string;
  name: string;
  version: number;
  roles: readonly ContactRole[];
}

export interface RoleTaggingOptions<Contact extends TaggableContact> {
  /** Reloads the rows on screen: a 412 means this contact changed meanwhile. */
  reload: () => Promise<unknown>;
  /** The notice after a save (announced). */
  savedNotice: (saved: { name: string; roles: readonly ContactRole[] }, contact: Contact) => string;
}

/**
 * C-1 role tagging in place, one contact at a time, for any list of contacts: which row is being
 * edited, its editor, the save (If-Match on the contact's version; the mutation invalidates every
 * contact list and the contact's account), the notice after it and what to say when it fails.
 */
export function useRoleTagging<Contact extends TaggableContact>({
  reload,
  savedNotice,
}: RoleTaggingOptions<Contact>) {
  const queryClient = useQueryClient();
  const saveRoles = useMutation(contactMutations.update(queryClient));
  const [editingId, setEditingId] = useState<string | null>(null);
  const [editorMessage, setEditorMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const start = (contact: Contact) => {
    setEditingId(contact.id);
    setEditorMessage(null);
    setNotice(null);
  };
  const stop = () => {
    setEditingId(null);
    setEditorMessage(null);
  };

  const save = (contact: Contact, roles: ContactRole[]) => {
    setEditorMessage(null);
    saveRoles.mutate(
      { id: contact.id, version: contact.version, patch: { roles } },
      {
        onSuccess: (saved) => {
          stop();
          setNotice(savedNotice(saved, contact));
        },
        onError: async (error) => {
          const failure = roleSaveFailure(error);
          setEditorMessage(failure.message);
          if (failure.stale) await reload();
        },
      },
    );
  };

  /** The roles editor for a row being edited. */
  const editor = (contact: Contact) => (
    <ContactRolesEditor
      // A reload after a conflict brings a new version: start again from its roles.
      key={contact.version}
      contactName={contact.name}
      initialRoles={contact.roles}
      saving={saveRoles.isPending}
      message={editorMessage}
      onSave={(roles) => save(contact, roles)}
      onCancel={stop}
    />
  );

  return {
    isEditing: (contact: Contact) => contact.id === editingId,
    start,
    editor,
    /** The last save's notice, or null. */
    notice,
  };
}

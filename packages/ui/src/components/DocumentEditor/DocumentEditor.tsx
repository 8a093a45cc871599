import {
  type ChangeEvent,
  type ComponentPropsWithRef,
  type FormEvent,
  type KeyboardEvent,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { cx } from "../../internal/cx.ts";
import { Button } from "../Button/Button.tsx";
import { DateText } from "../DateText/DateText.tsx";
import { Select } from "../Select/Select.tsx";
import { TextInput } from "../TextInput/TextInput.tsx";

/** One section of an M-2 document: the heading comes from the template, the body is edited. */
export interface DocumentSection {
  id: string;
  heading: string;
  body: string;
  /** The template's hint for an empty section: greyed placeholder text, gone on the first keystroke. */
  prompt?: string;
}

/** What `onSave` receives. */
export interface DocumentDraft {
  title: string;
  sections: DocumentSection[];
}

export interface EditableDocument extends DocumentDraft {
  version: number;
  /** ISO timestamp of this version. */
  editedAt: string;
  editedBy: string | null;
}

export interface DocumentVersionSummary {
  version: number;
  editedAt: string;
  editedBy: string | null;
}

export interface DocumentEditorProps {
  /** The version being shown: the latest, or an older one picked in the version picker. */
  document: EditableDocument;
  /** Every version, for the picker. Without it there is no picker and `document` is the latest. */
  versions?: readonly DocumentVersionSummary[];
  onSelectVersion?: (version: number) => void;
  onSave: (draft: DocumentDraft) => void;
  /** Called after the draft is reset to the saved text. */
  onDiscard?: () => void;
  saving?: boolean;
  /** The last save failed for a reason other than a conflict. */
  saveError?: string | null;
  /** Someone saved a newer version (412): the draft is kept, Save is blocked until a reload. */
  conflict?: { message: string } | null;
  onReload?: () => void;
  /** The user may not edit this document. */
  readOnly?: boolean;
  /** Heading level of the document title. Default 2; sections use the next level. */
  headingLevel?: 2 | 3;
  /** Time zone for "edited <date>". */
  timeZone?: string;
  className?: string;
}

function toDraft(document: DocumentDraft): DocumentDraft {
  return { title: document.title, sections: document.sections.map((section) => ({ ...section })) };
}

function sameDraft(a: DocumentDraft, b: DocumentDraft): boolean {
  return (
    a.title === b.title &&
    a.sections.length === b.sections.length &&
    a.sections.every((section, index) => {
      const other = b.sections[index];
      return other !== undefined && section.id === other.id && section.body === other.body;
    })
  );
}

/** A textarea that grows with its text, so long sections never scroll inside a box. */
function AutoGrowTextarea({
  value,
  className,
  ...props
}: ComponentPropsWithRef<"textarea"> & { value: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height must be measured again whenever the text changes.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.style.height = "auto";
    // jsdom (and a hidden element) measure 0: keep the CSS minimum then.
    if (element.scrollHeight > 0) element.style.height = `${element.scrollHeight + 2}px`;
  }, [value]);
  return (
    <textarea ref={ref} rows={3} value={value} className={cx("keel-doc__textarea", className)} {...props} />
  );
}

function versionLabel(summary: DocumentVersionSummary, latest: number): string {
  const by = summary.editedBy ? ` by ${summary.editedBy}` : "";
  const date = new Date(summary.editedAt);
  const when = Number.isNaN(date.getTime())
    ? ""
    : ` · ${date.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" })}`;
  return `Version ${summary.version}${summary.version === latest ? " (latest)" : ""}${when}${by}`;
}

/** M-2: edit a document's title and section bodies, with versions, conflicts and Ctrl/Cmd+S. */
export function DocumentEditor({
  document,
  versions,
  onSelectVersion,
  onSave,
  onDiscard,
  saving = false,
  saveError,
  conflict,
  onReload,
  readOnly = false,
  headingLevel = 2,
  timeZone,
  className,
}: DocumentEditorProps) {
  const baseId = useId();
  const TitleHeading = `h${headingLevel}` as const;
  const SectionHeading = `h${headingLevel + 1}` as "h3" | "h4";

  // The draft follows the document whenever another version arrives (after a save, a reload or
  // picking a version); edits in between stay local.
  const baseKey = `${document.version}|${document.editedAt}`;
  const [draftBase, setDraftBase] = useState(baseKey);
  const [draft, setDraft] = useState<DocumentDraft>(() => toDraft(document));
  if (draftBase !== baseKey) {
    setDraftBase(baseKey);
    setDraft(toDraft(document));
  }

  const latestVersion = Math.max(document.version, ...(versions ?? []).map((summary) => summary.version));
  const viewingOlder = document.version < latestVersion;
  const editable = !readOnly && !viewingOlder;
  const dirty = editable && !sameDraft(draft, document);
  const titleMissing = draft.title.trim() === "";
  const canSave = dirty && !saving && !conflict && !titleMissing;

  const save = () => {
    if (canSave) onSave(toDraft(draft));
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      // Never the browser's "Save page as…" while the focus is in the editor.
      event.preventDefault();
      save();
    }
  };

  const discard = () => {
    setDraft(toDraft(document));
    onDiscard?.();
  };

  const setBody = (sectionId: string) => (event: ChangeEvent<HTMLTextAreaElement>) => {
    const body = event.target.value;
    setDraft((current) => ({
      ...current,
      sections: current.sections.map((section) =>
        section.id === sectionId ? { ...section, body } : section,
      ),
    }));
  };

  const versionOptions = [...(versions ?? [])]
    .sort((a, b) => b.version - a.version)
    .map((summary) => ({ value: String(summary.version), label: versionLabel(summary, latestVersion) }));

  const meta = (
    <p className="keel-doc__meta">
      Version {document.version} · edited <DateText value={document.editedAt} timeZone={timeZone} />
      {document.editedBy ? ` by ${document.editedBy}` : ""}
    </p>
  );

  const picker = versionOptions.length > 1 && onSelectVersion && (
    <Select
      label="Version"
      fieldClassName="keel-doc__versions"
      options={versionOptions}
      value={String(document.version)}
      disabled={dirty}
      hint={dirty ? "Save or discard your changes to view another version." : undefined}
      onValueChange={(value) => {
        if (value !== "") onSelectVersion(Number(value));
      }}
    />
  );

  return (
    <form
      className={cx("keel-doc", !editable && "keel-doc--readonly", className)}
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
      aria-labelledby={`${baseId}-title`}
      aria-busy={saving || undefined}
    >
      {conflict && (
        <div role="alert" className="keel-doc__banner keel-doc__banner--conflict">
          <div>
            <p className="keel-doc__banner-title">
              Someone saved a newer version of this document. Reload to see it.
            </p>
            <p className="keel-doc__banner-text">
              {conflict.message} Your changes stay here until you reload, so you can copy them first.
            </p>
          </div>
          {onReload && (
            <Button size="sm" onClick={onReload}>
              Reload
            </Button>
          )}
        </div>
      )}
      {viewingOlder && (
        <div className="keel-doc__banner keel-doc__banner--older" role="note">
          <p>
            You are viewing version {document.version} of {latestVersion}. Older versions are read-only.
          </p>
          {onSelectVersion && (
            <Button size="sm" variant="ghost" onClick={() => onSelectVersion(latestVersion)}>
              Back to the latest version
            </Button>
          )}
        </div>
      )}

      <header className="keel-doc__header">
        <div className="keel-doc__heading">
          {editable ? (
            <TitleHeading id={`${baseId}-title`} className="keel-visually-hidden">
              {draft.title || "Untitled document"}
            </TitleHeading>
          ) : (
            <TitleHeading id={`${baseId}-title`} className="keel-doc__title">
              {document.title}
            </TitleHeading>
          )}
          {meta}
        </div>
        {picker}
      </header>

      {editable && (
        <TextInput
          label="Title"
          required
          value={draft.title}
          error={titleMissing ? "A title is required." : undefined}
          onChange={(event) => {
            const title = event.target.value;
            setDraft((current) => ({ ...current, title }));
          }}
          fieldClassName="keel-doc__title-field"
        />
      )}

      <div className="keel-doc__sections">
        {(editable ? draft.sections : document.sections).map((section) => {
          const headingId = `${baseId}-section-${section.id}`;
          return (
            <section key={section.id} className="keel-doc__section" aria-labelledby={headingId}>
              <SectionHeading id={headingId} className="keel-doc__section-heading">
                {section.heading}
              </SectionHeading>
              {editable ? (
                <AutoGrowTextarea
                  aria-labelledby={headingId}
                  value={section.body}
                  placeholder={section.prompt}
                  onChange={setBody(section.id)}
                />
              ) : section.body.trim() === "" ? (
                <p className="keel-doc__body keel-doc__body--empty">Nothing written yet.</p>
              ) : (
                <p className="keel-doc__body">{section.body}</p>
              )}
            </section>
          );
        })}
      </div>

      {editable && (
        <footer className="keel-doc__actions">
          {saveError && !conflict && (
            <p role="alert" className="keel-doc__error">
              {saveError}
            </p>
          )}
          <span className="keel-doc__status" role="status">
            {saving ? "Saving…" : dirty ? "Unsaved changes" : ""}
          </span>
          <Button onClick={discard} disabled={!dirty || saving}>
            Discard changes
          </Button>
          <Button
            type="submit"
            variant="primary"
            loading={saving}
            disabled={!saving && !canSave}
            aria-keyshortcuts="Control+S Meta+S"
          >
            Save
          </Button>
        </footer>
      )}
    </form>
  );
}

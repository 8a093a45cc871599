import { accountQueries } from "@keel/client";
import { segmentLabels } from "@keel/domain";
import { Spinner } from "@keel/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import "./account-search.css";

/** How many matches the dialog lists: enough to pick from, few enough to arrow through. */
const MATCH_LIMIT = 8;
/** Wait this long after the last keystroke before asking the API. */
const TYPING_PAUSE_MS = 150;

const onApple = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** The global shortcut: Cmd-K on Apple keyboards, Ctrl-K elsewhere (both work everywhere). */
export function isSearchShortcut(
  event: Pick<globalThis.KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">,
) {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k";
}

/** The header's search button, and Ctrl/Cmd-K from anywhere in the shell. */
export function AccountSearch() {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const openOnShortcut = (event: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", openOnShortcut);
    return () => window.removeEventListener("keydown", openOnShortcut);
  }, []);

  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="shell-search-button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⌕</span>
        <span className="shell-search-button__label">Search accounts</span>
        <kbd className="shell-search-button__kbd">{onApple ? "⌘K" : "Ctrl K"}</kbd>
      </button>
      {open && <AccountSearchDialog onClose={close} />}
    </>
  );
}

/**
 * Finds an account by name with the accounts list's `q` filter and opens its page: arrows move,
 * Enter opens, Escape closes. The list API matches names only (not domains).
 */
export function AccountSearchDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [term, setTerm] = useState("");
  const [active, setActive] = useState(0);
  const titleId = useId();
  const listId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const matches = useQuery({
    ...accountQueries.list({ q: term, sort: "name", order: "asc", pageSize: MATCH_LIMIT }),
    enabled: term !== "",
    placeholderData: keepPreviousData,
  });
  const accounts = term === "" ? [] : (matches.data?.items ?? []);
  const activeIndex = Math.min(active, Math.max(accounts.length - 1, 0));
  const optionId = (index: number) => `${listId}-${index}`;

  const openAccount = (accountId: string) => {
    onClose();
    void navigate(`/accounts/${accountId}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (accounts.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + accounts.length) % accounts.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const account = accounts[activeIndex];
      if (account) openAccount(account.id);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === "Tab") {
      // The field is the dialog's only stop: focus stays in the modal until it closes.
      event.preventDefault();
    }
  };

  let status: string;
  if (term === "") status = "Type part of an account's name.";
  else if (matches.isError) status = `Search failed: ${matches.error.message}`;
  else if (matches.isPending) status = "Searching…";
  else if (accounts.length === 0) status = `No account name contains “${term}”.`;
  else {
    const total = matches.data?.total ?? accounts.length;
    status =
      total > accounts.length
        ? `First ${accounts.length} of ${total} accounts; type more to narrow it down.`
        : `${total} ${total === 1 ? "account" : "accounts"}. Arrow keys to choose, Enter to open.`;
  }

  return (
    <div className="shell-search">
      {/* A click on the backdrop closes, like Escape; keyboard users have Escape. */}
      <div className="shell-search__backdrop" aria-hidden="true" onClick={onClose} />
      <div className="shell-search__dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="keel-visually-hidden">
          Find an account
        </h2>
        <div className="shell-search__field">
          <span aria-hidden="true" className="shell-search__icon">
            ⌕
          </span>
          <input
            // The dialog exists to type into this field.
            // biome-ignore lint/a11y/noAutofocus: opening the dialog is asking to type a name.
            autoFocus
            type="text"
            role="combobox"
            aria-label="Account name"
            aria-expanded={accounts.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={accounts.length > 0 ? optionId(activeIndex) : undefined}
            placeholder="Find an account by name…"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          {matches.isFetching && term !== "" && <Spinner />}
        </div>
        <div id={listId} role="listbox" aria-label="Matching accounts" className="shell-search__results">
          {accounts.map((account, index) => (
            <div
              key={account.id}
              id={optionId(index)}
              role="option"
              // Chosen from the field (arrows + Enter) or by mouse; never a Tab stop of its own.
              tabIndex={-1}
              aria-selected={index === activeIndex}
              className="shell-search__option"
              onMouseMove={() => setActive(index)}
              onClick={() => openAccount(account.id)}
              onKeyDown={(event) => {
                if (event.key === "Enter") openAccount(account.id);
              }}
            >
              <span className="shell-search__name">{account.name}</span>
              <span className="shell-search__meta">
                {segmentLabels[account.segment]}
                {account.ta ? ` · ${account.ta.name}` : ""}
              </span>
            </div>
          ))}
        </div>
        <p className="shell-search__status" role="status">
          {status}
        </p>
      </div>
    </div>
  );
}

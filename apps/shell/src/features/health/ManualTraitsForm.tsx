import { healthMutations, isApiRequestError, type ManualTraitsPatch } from "@keel/client";
import { type Pulse, pulses } from "@keel/domain";
import { Button, DateText, Select, type SelectOption } from "@keel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

type ManualTraitState<T> = { value: T; setAt: string; setBy: string | null; stale: boolean } | null;

export interface ManualTraits {
  version: number;
  taPulse: ManualTraitState<Pulse>;
  activeChampion: ManualTraitState<boolean>;
  buyerAccess: ManualTraitState<boolean>;
}

const pulseOptions: SelectOption<Pulse>[] = pulses.map((pulse) => ({
  value: pulse,
  label: pulse[0]?.toUpperCase() + pulse.slice(1),
}));
const yesNoOptions: SelectOption<"yes" | "no">[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

const toYesNo = (value: boolean | undefined) => (value === undefined ? "" : value ? "yes" : "no");
const fromYesNo = (value: string) => (value === "" ? null : value === "yes");

function SetNote({ state }: { state: ManualTraitState<unknown> }) {
  if (!state) return <>Not set yet</>;
  return (
    <>
      Set <DateText value={state.setAt} />
      {state.stale && (
        <>
          {" "}
          · <strong className="shell-warning-text">Stale, please refresh</strong>
        </>
      )}
    </>
  );
}

/**
 * The TA's manual traits (H-2): TA pulse, active champion, access to buyer. Saves with If-Match
 * (the traits' version); the answer is the recomputed health (X-7).
 */
export type TraitsMessage = { kind: "error" | "success"; text: string } | null;

/** Remount it with `key={manualTraits.version}` so a save or a reload starts from the new values. */
export function ManualTraitsForm({
  accountId,
  manualTraits,
  onReload,
  message,
  onMessage,
}: {
  accountId: string;
  manualTraits: ManualTraits;
  onReload: () => Promise<unknown>;
  /** Kept by the parent, so it outlives the remount after a save. */
  message: TraitsMessage;
  onMessage: (message: TraitsMessage) => void;
}) {
  const queryClient = useQueryClient();
  const [taPulse, setTaPulse] = useState<Pulse | "">(manualTraits.taPulse?.value ?? "");
  const [champion, setChampion] = useState(toYesNo(manualTraits.activeChampion?.value));
  const [buyer, setBuyer] = useState(toYesNo(manualTraits.buyerAccess?.value));
  const setTraits = healthMutations.setTraits(queryClient);
  const save = useMutation({
    ...setTraits,
    // The saved answer has a new version, which remounts this form (its key) before a `mutate()`
    // callback could run: the notice is given here, by the mutation, and kept by the parent.
    onSuccess: (...args) => {
      onMessage({ kind: "success", text: "Saved. The score is recomputed." });
      return setTraits.onSuccess?.(...args);
    },
  });

  const patch: ManualTraitsPatch = {};
  if (taPulse !== (manualTraits.taPulse?.value ?? "")) patch.taPulse = taPulse === "" ? null : taPulse;
  if (champion !== toYesNo(manualTraits.activeChampion?.value)) patch.activeChampion = fromYesNo(champion);
  if (buyer !== toYesNo(manualTraits.buyerAccess?.value)) patch.buyerAccess = fromYesNo(buyer);
  // Refreshing a stale trait means saving it unchanged: send every set trait then.
  const anyStale = Boolean(
    manualTraits.taPulse?.stale || manualTraits.activeChampion?.stale || manualTraits.buyerAccess?.stale,
  );
  const dirty = Object.keys(patch).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage(null);
    const body: ManualTraitsPatch = dirty
      ? patch
      : {
          ...(taPulse !== "" && { taPulse }),
          ...(champion !== "" && { activeChampion: champion === "yes" }),
          ...(buyer !== "" && { buyerAccess: buyer === "yes" }),
        };
    save.mutate(
      { accountId, version: manualTraits.version, patch: body },
      {
        onError: async (error) => {
          if (isApiRequestError(error) && error.status === 412) {
            onMessage({ kind: "error", text: "Someone else changed these traits; reloaded" });
            await onReload();
            return;
          }
          onMessage({ kind: "error", text: error.message });
        },
      },
    );
  };

  return (
    <form className="traits-form" onSubmit={submit} aria-label="Manual traits">
      <div className="traits-form__fields">
        <Select
          label="TA pulse"
          options={pulseOptions}
          placeholder="Not set"
          value={taPulse}
          onValueChange={setTaPulse}
          hint={<SetNote state={manualTraits.taPulse} />}
        />
        <Select
          label="Active champion"
          options={yesNoOptions}
          placeholder="Not set"
          value={champion}
          onValueChange={setChampion}
          hint={<SetNote state={manualTraits.activeChampion} />}
        />
        <Select
          label="Access to buyer"
          options={yesNoOptions}
          placeholder="Not set"
          value={buyer}
          onValueChange={setBuyer}
          hint={<SetNote state={manualTraits.buyerAccess} />}
        />
      </div>
      <div className="traits-form__actions">
        <Button
          type="submit"
          variant="primary"
          size="sm"
          loading={save.isPending}
          disabled={!dirty && !anyStale}
        >
          {dirty || !anyStale ? "Save traits" : "Confirm unchanged"}
        </Button>
        <p
          role="status"
          className={
            message
              ? message.kind === "error"
                ? "shell-warning-text"
                : "shell-note shell-note--success"
              : undefined
          }
        >
          {message?.text}
        </p>
      </div>
    </form>
  );
}

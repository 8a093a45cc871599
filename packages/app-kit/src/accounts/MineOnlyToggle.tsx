import { useId } from "react";
import "./mine-only-toggle.css";

/** The "Mine only" switch of a team app's list (X-9: narrow the list to my accounts). */
export function MineOnlyToggle({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (mineOnly: boolean) => void;
}) {
  const id = useId();
  return (
    <label className="keel-mine-only" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      Mine only
    </label>
  );
}

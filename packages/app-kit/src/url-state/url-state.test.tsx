import { DataTable } from "@keel/ui";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { useTableUrlState, useUrlFlag } from "./url-state.ts";

const rows = [
  { id: "a", name: "Acme", arr: 3 },
  { id: "b", name: "Borealis", arr: 1 },
  { id: "c", name: "Cobalt", arr: 2 },
];

function Url() {
  const location = useLocation();
  return <output aria-label="url">{location.pathname + location.search}</output>;
}

function Accounts() {
  const table = useTableUrlState({ columnId: "name", direction: "asc" });
  const [mineOnly, setMineOnly] = useUrlFlag("mine");
  return (
    <>
      <label>
        <input type="checkbox" checked={mineOnly} onChange={(event) => setMineOnly(event.target.checked)} />
        Mine only
      </label>
      <DataTable
        caption="Accounts"
        columns={[
          {
            id: "name",
            header: "Account",
            cell: (r) => r.name,
            sortValue: (r) => r.name,
            filterValue: (r) => r.name,
          },
          { id: "arr", header: "ARR", cell: (r) => r.arr, sortValue: (r) => r.arr },
        ]}
        rows={rows}
        getRowId={(r) => r.id}
        {...table}
      />
      <Url />
    </>
  );
}

const names = () => screen.getAllByRole("rowheader").map((cell) => cell.textContent);

describe("list state in the URL", () => {
  it("opens a shared link with its sort, filter and flags", () => {
    render(
      <MemoryRouter initialEntries={["/renewals?sort=arr&dir=desc&q=o&mine=1"]}>
        <Accounts />
      </MemoryRouter>,
    );
    expect(names()).toEqual(["Cobalt", "Borealis"]);
    expect((screen.getByRole("searchbox") as HTMLInputElement).value).toBe("o");
    expect((screen.getByRole("checkbox", { name: "Mine only" }) as HTMLInputElement).checked).toBe(true);
  });

  it("writes sort, filter and flags back to the URL, leaving defaults out", async () => {
    render(
      <MemoryRouter initialEntries={["/renewals"]}>
        <Accounts />
      </MemoryRouter>,
    );
    expect(names()).toEqual(["Acme", "Borealis", "Cobalt"]);

    await userEvent.click(screen.getByRole("button", { name: /ARR/ }));
    await userEvent.type(screen.getByRole("searchbox"), "bor");
    await userEvent.click(screen.getByRole("checkbox", { name: "Mine only" }));

    expect(screen.getByRole("status", { name: "url" }).textContent).toBe(
      "/renewals?sort=arr&dir=asc&q=bor&mine=1",
    );
    expect(names()).toEqual(["Borealis"]);
  });
});

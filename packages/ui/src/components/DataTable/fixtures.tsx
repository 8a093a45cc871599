import type { HealthCategory, LifecycleStage } from "@keel/domain";
import { lifecycleStageLabels } from "@keel/domain";
import { DateText } from "../DateText/DateText.tsx";
import { HealthBadge, healthCategoryLabels } from "../HealthBadge/HealthBadge.tsx";
import { Money } from "../Money/Money.tsx";
import { StagePill } from "../StagePill/StagePill.tsx";
import type { DataTableColumn } from "./DataTable.tsx";

/** A book-of-business row as the stories and tests use it. */
export interface AccountRow {
  id: string;
  name: string;
  owner: string;
  healthCategory: HealthCategory;
  healthScore: number | null;
  lifecycleStage: LifecycleStage;
  arrCents: number;
  currency: string;
  renewalDate: string | null;
}

export const accountRows: AccountRow[] = [
  {
    id: "a1",
    name: "Acme Robotics",
    owner: "Dana Whitfield",
    healthCategory: "green",
    healthScore: 86,
    lifecycleStage: "nurturing",
    arrCents: 18_000_000,
    currency: "USD",
    renewalDate: "2026-03-31",
  },
  {
    id: "a2",
    name: "Borealis Freight",
    owner: "Sam Okafor",
    healthCategory: "yellow",
    healthScore: 61,
    lifecycleStage: "adopting",
    arrCents: 9_450_000,
    currency: "USD",
    renewalDate: "2025-11-15",
  },
  {
    id: "a3",
    name: "Cobalt Health",
    owner: "Dana Whitfield",
    healthCategory: "red",
    healthScore: 38,
    lifecycleStage: "renewing",
    arrCents: 24_000_000,
    currency: "USD",
    renewalDate: "2025-09-30",
  },
  {
    id: "a4",
    name: "Delta Grid Energy",
    owner: "Priya Raman",
    healthCategory: "unknown",
    healthScore: null,
    lifecycleStage: "onboarding",
    arrCents: 5_200_000,
    currency: "EUR",
    renewalDate: "2026-06-01",
  },
  {
    id: "a5",
    name: "Ember Analytics",
    owner: "Sam Okafor",
    healthCategory: "green",
    healthScore: 92,
    lifecycleStage: "nurturing",
    arrCents: 31_500_000,
    currency: "USD",
    renewalDate: "2026-01-20",
  },
  {
    id: "a6",
    name: "Fjord Maritime",
    owner: "Priya Raman",
    healthCategory: "yellow",
    healthScore: 55,
    lifecycleStage: "renewing",
    arrCents: 7_800_000,
    currency: "GBP",
    renewalDate: "2025-10-05",
  },
  {
    id: "a7",
    name: "Granite Insurance",
    owner: "Lee Marchetti",
    healthCategory: "green",
    healthScore: 77,
    lifecycleStage: "adopting",
    arrCents: 12_250_000,
    currency: "USD",
    renewalDate: null,
  },
  {
    id: "a8",
    name: "Helios Solar",
    owner: "Lee Marchetti",
    healthCategory: "red",
    healthScore: 22,
    lifecycleStage: "adopting",
    arrCents: 3_900_000,
    currency: "USD",
    renewalDate: "2025-12-12",
  },
  {
    id: "a9",
    name: "Ion Semiconductors",
    owner: "Dana Whitfield",
    healthCategory: "yellow",
    healthScore: 70,
    lifecycleStage: "prospect",
    arrCents: 0,
    currency: "USD",
    renewalDate: null,
  },
  {
    id: "a10",
    name: "Juniper Retail Group",
    owner: "Sam Okafor",
    healthCategory: "green",
    healthScore: 81,
    lifecycleStage: "renewing",
    arrCents: 15_600_000,
    currency: "USD",
    renewalDate: "2025-09-01",
  },
];

export const accountColumns: DataTableColumn<AccountRow>[] = [
  {
    id: "name",
    header: "Account",
    cell: (row) => row.name,
    sortValue: (row) => row.name,
    filterValue: (row) => row.name,
  },
  {
    id: "owner",
    header: "TA",
    cell: (row) => row.owner,
    sortValue: (row) => row.owner,
    filterValue: (row) => row.owner,
  },
  {
    id: "health",
    header: "Health",
    cell: (row) => <HealthBadge category={row.healthCategory} score={row.healthScore} />,
    sortValue: (row) => row.healthScore,
    filterValue: (row) => healthCategoryLabels[row.healthCategory],
  },
  {
    id: "stage",
    header: "Stage",
    cell: (row) => <StagePill stage={row.lifecycleStage} />,
    sortValue: (row) => lifecycleStageLabels[row.lifecycleStage],
    filterValue: (row) => lifecycleStageLabels[row.lifecycleStage],
  },
  {
    id: "arr",
    header: "ARR",
    align: "end",
    cell: (row) => <Money cents={row.arrCents} currency={row.currency} />,
    sortValue: (row) => row.arrCents,
  },
  {
    id: "renewal",
    header: "Renewal",
    cell: (row) => <DateText value={row.renewalDate} fallback="Not set" />,
    sortValue: (row) => row.renewalDate,
  },
];

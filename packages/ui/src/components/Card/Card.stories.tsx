import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button } from "../Button/Button.tsx";
import { HealthBadge } from "../HealthBadge/HealthBadge.tsx";
import { Money } from "../Money/Money.tsx";
import { StagePill } from "../StagePill/StagePill.tsx";
import { Card } from "./Card.tsx";

const meta = {
  title: "Layout/Card",
  component: Card,
  args: {
    title: "Account facts",
    children: (
      <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.25rem 1rem", margin: 0 }}>
        <dt>Health</dt>
        <dd style={{ margin: 0 }}>
          <HealthBadge category="yellow" score={61} />
        </dd>
        <dt>Stage</dt>
        <dd style={{ margin: 0 }}>
          <StagePill stage="adopting" />
        </dd>
        <dt>ARR</dt>
        <dd style={{ margin: 0 }}>
          <Money cents={9_450_000} currency="USD" />
        </dd>
      </dl>
    ),
  },
} satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithActions: Story = {
  args: {
    actions: (
      <>
        <Button size="sm" variant="ghost">
          History
        </Button>
        <Button size="sm">Edit</Button>
      </>
    ),
  },
};

export const WithFooter: Story = {
  args: { footer: "Health policy v3 · computed 2 hours ago" },
};

export const Untitled: Story = {
  args: {
    title: undefined,
    children: "A card without a header, for grouping content inside a page section.",
  },
};

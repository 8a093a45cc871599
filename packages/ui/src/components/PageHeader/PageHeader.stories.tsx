import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button } from "../Button/Button.tsx";
import { PageHeader } from "./PageHeader.tsx";

const meta = {
  title: "Layout/PageHeader",
  component: PageHeader,
  args: { title: "Health policies" },
} satisfies Meta<typeof PageHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TitleOnly: Story = {};

export const WithDescription: Story = {
  args: {
    description:
      "The policy in force scores every account; drafts are previewed over the book before publishing.",
  },
};

export const WithActions: Story = {
  args: {
    description: "Accounts whose health category changed, newest first.",
    title: "Health changes",
    actions: (
      <>
        <Button size="sm">Export</Button>
        <Button size="sm" variant="primary">
          New draft
        </Button>
      </>
    ),
  },
};

/** The pages above this one; the last crumb is the page itself, not a link. */
export const WithBreadcrumb: Story = {
  args: {
    title: "Quarterly business review",
    breadcrumb: [
      { label: "Accounts", href: "#/" },
      { label: "Acme Robotics", href: "#/accounts/acme" },
      { label: "QBR" },
    ],
  },
};

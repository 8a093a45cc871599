import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { Button } from "../Button/Button.tsx";
import { Skeleton } from "../Skeleton/Skeleton.tsx";
import { AsyncContent } from "./AsyncContent.tsx";

const accountNames = (names: string[]) => (
  <ul>
    {names.map((name) => (
      <li key={name}>{name}</li>
    ))}
  </ul>
);

const meta = {
  title: "Feedback/AsyncContent",
  component: AsyncContent<string[]>,
  args: {
    query: { data: ["Acme Robotics", "Globex", "Initech"], isPending: false },
    children: accountNames,
    errorTitle: "Could not load the accounts",
    isEmpty: (names: string[]) => names.length === 0,
    emptyTitle: "No accounts in this book yet",
  },
} satisfies Meta<typeof AsyncContent<string[]>>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loaded: Story = {};

/** The default skeleton, announced as a status. */
export const Loading: Story = {
  args: { query: { data: undefined, isPending: true }, loadingLabel: "Loading the accounts…" },
};

/** A skeleton shaped like what is coming (here a chart). */
export const CustomLoading: Story = {
  args: {
    query: { data: undefined, isPending: true },
    loading: <Skeleton variant="block" height="8rem" label="Loading the trend…" />,
  },
};

export const Failed: Story = {
  args: {
    query: {
      data: undefined,
      isPending: false,
      error: new Error("The API did not answer in time."),
      refetch: fn(),
    },
  },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await expect(args.query.refetch).toHaveBeenCalledTimes(1);
  },
};

export const Retrying: Story = {
  args: {
    query: {
      data: undefined,
      isPending: false,
      isFetching: true,
      error: new Error("The API did not answer in time."),
      refetch: fn(),
    },
  },
};

export const Empty: Story = {
  args: {
    query: { data: [], isPending: false },
    emptyMessage: "Accounts appear here once the CRM import has run.",
    emptyAction: <Button size="sm">Import accounts</Button>,
  },
};

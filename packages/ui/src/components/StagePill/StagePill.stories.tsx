import { lifecycleStageSchema } from "@keel/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { StagePill } from "./StagePill.tsx";

const meta = {
  title: "Data display/StagePill",
  component: StagePill,
  argTypes: { stage: { control: "select", options: lifecycleStageSchema.options } },
} satisfies Meta<typeof StagePill>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Prospect: Story = { args: { stage: "prospect" } };
export const Onboarding: Story = { args: { stage: "onboarding" } };
export const Adopting: Story = { args: { stage: "adopting" } };
export const Nurturing: Story = { args: { stage: "nurturing" } };
export const Renewing: Story = { args: { stage: "renewing" } };
export const LabelOnly: Story = { args: { stage: "adopting", showProgress: false } };

export const AllStages: Story = {
  args: { stage: "prospect" },
  render: () => (
    <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
      {lifecycleStageSchema.options.map((stage) => (
        <StagePill key={stage} stage={stage} />
      ))}
    </div>
  ),
};

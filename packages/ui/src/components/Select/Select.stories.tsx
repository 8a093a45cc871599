import { type LifecycleStage, lifecycleStageLabels, lifecycleStageSchema } from "@keel/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { Select, type SelectOption } from "./Select.tsx";

const stageOptions: SelectOption<LifecycleStage>[] = lifecycleStageSchema.options.map((stage) => ({
  value: stage,
  label: lifecycleStageLabels[stage],
}));

const meta = {
  title: "Forms/Select",
  component: Select<LifecycleStage>,
  args: { label: "Lifecycle stage", options: stageOptions, onValueChange: fn() },
} satisfies Meta<typeof Select<LifecycleStage>>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  args: { defaultValue: "adopting" },
  play: async ({ canvas, args }) => {
    await userEvent.selectOptions(canvas.getByLabelText("Lifecycle stage"), "4. Renewing");
    await expect(args.onValueChange).toHaveBeenCalledWith("renewing");
  },
};

/** As a list filter: the empty option means "no filter". */
export const WithPlaceholder: Story = {
  args: { label: "Stage", placeholder: "All stages", defaultValue: "" },
};

export const WithError: Story = {
  args: { defaultValue: "", placeholder: "Choose…", required: true, error: "Pick a stage." },
};

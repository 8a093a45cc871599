import { setProjectAnnotations } from "@storybook/react-vite";
import preview from "../../.storybook/preview.ts";

// Stories rendered in tests get the same decorators and parameters as in Storybook.
setProjectAnnotations(preview);

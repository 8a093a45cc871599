import { setProjectAnnotations } from "@storybook/react-vite";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import preview from "../../.storybook/preview.ts";

// Stories rendered in tests get the same decorators and parameters as in Storybook.
setProjectAnnotations(preview);

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});

import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["../src/**/*.stories.tsx"],
  // No addons: only what ships inside storybook 10 itself is installed, and the build must work offline.
  addons: [],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The preview bundle is Storybook's own runtime (~1.1 MB); it is never shipped to users, so
  // Vite's 500 kB warning is noise here.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    build: { ...viteConfig.build, chunkSizeWarningLimit: 2000 },
  }),
};

export default config;

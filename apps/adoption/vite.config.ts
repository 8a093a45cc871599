import { fileURLToPath } from "node:url";
import { remoteViteConfig } from "@keel/federation/vite";

export default remoteViteConfig({ name: "adoption", appDir: fileURLToPath(new URL(".", import.meta.url)) });

import { fileURLToPath } from "node:url";
import { remoteViteConfig } from "@keel/federation/vite";

export default remoteViteConfig({ name: "contacts", appDir: fileURLToPath(new URL(".", import.meta.url)) });

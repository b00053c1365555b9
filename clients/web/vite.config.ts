// The reference web client, built and served by Vite: `npm run web` serves it on its own
// port (5173), a different origin from the gateway's, as a front-end app would be.
// VITE_GATEWAY_URL says where the gateway is (http://localhost:4000/ when unset).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./", import.meta.url)),
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server serves `dist/` at `/` and the API at `/trpc`; in `vite dev` the API is proxied.
export default defineConfig({
  plugins: [react()],
  base: "./",
  server: {
    port: 5173,
    proxy: { "/trpc": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});

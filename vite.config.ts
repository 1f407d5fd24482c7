import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const api = process.env.CAKUPAN_API ?? "http://localhost:4000";

// Vitest also reads this file: keep its root at the repository so server tests are found.
const isVitest = Boolean(process.env.VITEST);

export default defineConfig({
  root: isVitest ? undefined : "client",
  plugins: [react()],
  server: {
    proxy: {
      "/graphql": api,
      "/export": api,
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "maplibre", test: /node_modules[\\/]maplibre-gl[\\/]/ }],
        },
      },
    },
  },
});

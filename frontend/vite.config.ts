import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The Go server serves the built app and the API from one origin. In development the API is
// proxied to a locally running server (`teilhabe serve`), by default on port 8080.
const apiTarget = process.env.TEILHABE_DEV_API ?? "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, resolved against the <base href> the server fills in: one build serves
  // under / and under any TEILHABE_BASE_URL path.
  base: "./",
  server: {
    proxy: {
      // ws: the live updates of consultations are a websocket below /api/v1/live.
      "/api": { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: "dist",
    // Never inline assets as data: URIs: the Content-Security-Policy only allows data: for images.
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The libraries change less often than the app: a chunk of their own stays cached across
        // releases, and neither chunk grows past the 500 kB warning.
        // The QR code library stays out of it: only the projector and the console draw one. The
        // live workshop's shared code is one chunk, so a phone on a slow network fetches the
        // participant view in three requests, not eight (HTTP/1.1 opens six at a time).
        codeSplitting: {
          groups: [
            { name: "vendor", test: /node_modules[\\/](?!qrcode-generator[\\/])/ },
            {
              name: "workshop",
              test: /src[\\/]features[\\/]workshop[\\/](api|model|i18n|components[\\/](?!console[\\/]|QrCode|ModulesEditor|WorkshopOffers|WorkshopsSection))/,
              // Only these: their dependencies (the shared client, the router) stay where they are.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    // jsdom with user-event is slow on two shared cores; a page test typing a whole form takes
    // seconds there, and a timeout is not what these tests are about.
    testTimeout: 20_000,
  },
});

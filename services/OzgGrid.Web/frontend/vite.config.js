import { defineConfig } from "vite";

// Served by the silo under /programm/ from the folder wwwroot/ of OzgGrid.Web (copied beside the program).
export default defineConfig({
  base: "/programm/",
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
  },
});

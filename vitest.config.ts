import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "threads",
    // Vitest leaves one CPU to itself by default: on a 2-CPU machine that is one worker, and the
    // suite took as long as its files one after the other. Its own work is light (the measured
    // wall time fell by about 40%), and the test files that run processes wait on them.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "tools/*/test/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/support/dynamodb-global-setup.ts", "test/support/redis-global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

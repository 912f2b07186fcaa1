/// <reference path="./.sst/platform/config.d.ts" />

// W.W.H.D. on AWS: one file per concern under infra/, imported here in dependency order.
export default $config({
  app(input) {
    return {
      name: "wwhd",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      home: "aws",
    };
  },
  async run() {
    await import("./infra/secrets");
    await import("./infra/storage");
    await import("./infra/workflow");
    const { api } = await import("./infra/api");
    return { api: api.url };
  },
});

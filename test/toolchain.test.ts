import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("toolchain", () => {
  it("runs the tests on the Node major the project brings (>= 24), not the system Node", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major).toBeGreaterThanOrEqual(24);
    expect(process.execPath).toContain("node_modules");
  });

  it("declares the same Node floor in engines", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.engines.node).toBe(">=24");
  });
});

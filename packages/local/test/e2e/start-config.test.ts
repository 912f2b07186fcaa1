import { ConfigError, loadConfig } from "@wwhd/core/config/config.ts";
import { describe, expect, it } from "vitest";

const failure = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
};

describe("the start-up configuration of accounts and tokens", () => {
  it("defaults the token issuer and audience and keeps sessions forever", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ WWHD_JWT_ISSUER: "wwhd-local", WWHD_JWT_AUDIENCE: "wwhd-api" });
    expect(config).not.toHaveProperty("WWHD_SESSION_RETENTION_DAYS");
    expect(config).not.toHaveProperty("WWHD_ADMIN_EMAIL");
    expect(loadConfig({ WWHD_SESSION_RETENTION_DAYS: "30" }).WWHD_SESSION_RETENTION_DAYS).toBe(30);
  });

  it("names a bad retention and an empty issuer", () => {
    const message = failure({ WWHD_SESSION_RETENTION_DAYS: "0.5", WWHD_JWT_ISSUER: "" });
    expect(message).toContain("WWHD_SESSION_RETENTION_DAYS: must be a whole number of days");
    expect(message).toContain("WWHD_JWT_ISSUER");
  });

  it("wants the admin's address and password together", () => {
    expect(failure({ WWHD_ADMIN_EMAIL: "boss@example.com" })).toContain(
      "WWHD_ADMIN_PASSWORD: set WWHD_ADMIN_EMAIL and WWHD_ADMIN_PASSWORD together",
    );
  });

  it("holds the admin password to the registration rules without ever showing it", () => {
    const password = "boss@example.com!";
    const message = failure({
      WWHD_ADMIN_EMAIL: "boss@example.com",
      WWHD_ADMIN_PASSWORD: password,
    });
    expect(message).toContain("WWHD_ADMIN_PASSWORD: password must not contain the e-mail address");
    expect(message).not.toContain(password);
    expect(failure({ WWHD_ADMIN_EMAIL: "not an address", WWHD_ADMIN_PASSWORD: "x" })).toContain(
      "WWHD_ADMIN_EMAIL",
    );
  });
});

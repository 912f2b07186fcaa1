import type { Role } from "@wwhd/core/ports/session-store.ts";

/** Per-request values the middleware hands to routes. */
export interface AppEnv {
  Variables: {
    /** The caller's user id: the `sub` of the verified access token. */
    userId: string;
    /** The roles the access token grants. */
    roles: Role[];
  };
}

/** Per-request values the middleware hands to routes. */
export interface AppEnv {
  Variables: {
    /** The caller's user id. */
    userId: string;
  };
}

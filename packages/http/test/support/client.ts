import type { App } from "../../src/app.ts";

export interface CallOptions {
  method?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Serialised as the JSON body. */
  json?: unknown;
  /** A raw body, sent as is. */
  body?: string;
  headers?: Record<string, string>;
}

/** One request through the app, as a client would send it. */
export async function call(app: App, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    ...(options.token !== undefined && { authorization: `Bearer ${options.token}` }),
    ...((options.json !== undefined || options.body !== undefined) && {
      "content-type": "application/json",
    }),
    ...options.headers,
  };
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  return app.request(path, { method, headers, ...(body !== undefined && { body }) });
}

export interface SignedUp {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

let accounts = 0;

/** Registers a new account through `POST /v1/auth/register`. */
export async function signUp(app: App, label = "person"): Promise<SignedUp> {
  const email = `${label}${++accounts}.${Date.now()}@example.com`;
  const password = "plum blossom in the snow";
  const response = await call(app, "/v1/auth/register", { json: { email, password } });
  if (response.status !== 201)
    throw new Error(`register: ${response.status} ${await response.text()}`);
  const { user, tokens } = (await response.json()) as {
    user: { id: string };
    tokens: { accessToken: string; refreshToken: string };
  };
  return { id: user.id, email, password, ...tokens };
}

/** The response's JSON body, typed by the caller. */
export const json = async <T = Record<string, unknown>>(response: Response) =>
  (await response.json()) as T;

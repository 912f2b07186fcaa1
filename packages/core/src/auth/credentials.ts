import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
const MIN_DISTINCT_CHARACTERS = 5;

/**
 * Length over composition rules (as NIST SP 800-63B advises): at least 12 characters, counted
 * as the user sees them, and not a single repeated pattern such as "aaaaaaaaaaaa".
 */
export const PasswordSchema = z
  .string()
  .refine((p) => [...p].length >= MIN_PASSWORD_LENGTH, {
    message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  .refine((p) => [...p].length <= MAX_PASSWORD_LENGTH, {
    message: `password must be at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  .refine((p) => new Set(p).size >= MIN_DISTINCT_CHARACTERS, {
    message: `password must use at least ${MIN_DISTINCT_CHARACTERS} different characters`,
  });

/** Trimmed and lower-cased: the address identifies the account. */
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** Registration: also refuses a password that merely repeats the address. */
export const RegistrationSchema = z
  .object({ email: EmailSchema, password: PasswordSchema })
  .refine(({ email, password }) => !password.toLowerCase().includes(email), {
    message: "password must not contain the e-mail address",
    path: ["password"],
  });
export type Registration = z.infer<typeof RegistrationSchema>;

/** Login checks only the shape: the rules may have changed since the password was set. */
export const LoginSchema = z.object({
  email: EmailSchema,
  password: z
    .string()
    .min(1)
    .max(MAX_PASSWORD_LENGTH * 4),
});
export type Login = z.infer<typeof LoginSchema>;

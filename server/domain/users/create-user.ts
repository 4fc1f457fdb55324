import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findUserByEmail, insertUser } from "../../db/repositories/users.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashPassword } from "../security/passwords.js";

/** Roles a person can hold. */
export const USER_ROLES = ["admin", "operator", "developer"] as const;

/** Create a console user with an argon2id-hashed password. */
export async function createUser(
  deps: Pick<Deps, "db" | "clock">,
  input: { email: string; password: string; role: string },
): Promise<Result<{ id: string; email: string; role: (typeof USER_ROLES)[number] }>> {
  const email = input.email.trim().toLowerCase();
  if (!z.email().safeParse(email).success) return fail("invalid_request", `email: "${input.email}" is not an email address`);
  if (input.password.length < 10) return fail("invalid_request", "password: must be at least 10 characters");
  const role = USER_ROLES.find((r) => r === input.role);
  if (!role) return fail("invalid_request", `role: must be one of ${USER_ROLES.join(", ")}`);
  if (await findUserByEmail(deps.db, email)) return fail("invalid_request", `email: a user with ${email} already exists`);
  const id = randomUUID();
  await insertUser(deps.db, { id, email, passwordHash: await hashPassword(input.password), role, createdAt: deps.clock.now() });
  return ok({ id, email, role });
}

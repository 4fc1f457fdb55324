import type { AuthorizeRequest } from "../../../contracts/linnet/connect-flow.js";
import { fail, ok, type Result } from "../errors.js";

/** Sandbox logins: `good_user` (or `good_user_N` for distinct companies) with `good_pass`; API token `good_token`. */
export function checkSandboxCredentials(input: AuthorizeRequest): Result<true> {
  if (input.auth_method === "credential") {
    if (!input.username || !input.password) return fail("invalid_request", "username and password: both are required");
    if (/^good_user(_\d+)?$/.test(input.username) && input.password === "good_pass") return ok(true);
    return fail("invalid_credentials", "Incorrect username or password. In the sandbox, use good_user / good_pass.");
  }
  if (input.auth_method === "api_token") {
    if (!input.api_token) return fail("invalid_request", "api_token: required");
    if (input.api_token === "good_token") return ok(true);
    return fail("invalid_credentials", "That API token was not accepted. In the sandbox, use good_token.");
  }
  return ok(true);
}

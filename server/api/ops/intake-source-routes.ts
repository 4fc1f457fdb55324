import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { AddPublicKeySchema, IntakeSourceListSchema, IntakeSourceSchema } from "../../../contracts/linnet/intake.js";
import { addInboxKey } from "../../domain/intake/inboxes.js";
import { getSource } from "../../domain/intake/intake-view.js";
import { listSources } from "../../domain/intake/source-list.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const tags = ["Operations"];

/** The Intake view's source list, and adding one public key to an inbox. */
export const opsIntakeSourceRoutes: RouteModule = (app, deps) => {
  app.get(
    "/ops/api/intake/sources",
    {
      schema: {
        tags,
        summary: "Every connection's scheduled-report source, late first, and file counts",
        response: { 200: IntakeSourceListSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return listSources(deps);
    },
  );

  app.post(
    "/ops/api/connections/:id/inbox/keys",
    {
      schema: {
        tags,
        summary: "Add a public key to the inbox (opening it without a password if needed)",
        params: z.object({ id: z.string() }),
        body: AddPublicKeySchema,
        response: { 200: IntakeSourceSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      unwrap(await addInboxKey(deps, `user:${actor.userId}`, request.params.id, request.body.public_key));
      return unwrap(await getSource(deps, request.params.id));
    },
  );
};

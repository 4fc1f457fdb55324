import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { addPeople } from "../../../commands/sandbox-edits.js";
import { readConnectionState } from "../../../domain/connections/authenticate-token.js";
import { readPeople } from "../../../domain/employer/read-people.js";
import { FinchError } from "../../../domain/errors.js";
import { personFromFields } from "../../../domain/sandbox/person-defaults.js";
import { sourceIdOf, stableIdsOf } from "../../../domain/sandbox/stable-id-lookup.js";
import { unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import type { RouteModule } from "../../types.js";

/** At most this many people per call, as the contract's batch endpoints. */
const MAX_PEOPLE = 10_000;

/** `POST /sandbox/directory`: add people (individual and employment fields together; missing ones get defaults). */
export const postSandboxDirectory: RouteModule = (app, deps) => {
  app.post(
    "/sandbox/directory",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Add individuals to a sandbox company",
        security: [{ bearerAuth: [] }],
        // no body at all is allowed (the spec's body is optional; the SDK's `directory.create()` sends none): nobody added
        body: z.array(z.record(z.string(), z.unknown())).max(MAX_PEOPLE).nullish(),
        response: { 200: z.array(z.record(z.string(), z.unknown())), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const ctx = await requireToken(deps, request);
      const today = deps.clock.now().toISOString().slice(0, 10);
      const people = request.body ?? [];
      const builders = [];
      for (const [i, fields] of people.entries()) {
        const managerId = (fields.manager as { id?: string } | null | undefined)?.id;
        const managerSource = managerId ? await sourceIdOf(deps, ctx.connection.id, "individual", managerId) : null;
        if (managerId && !managerSource) throw new FinchError("invalid_request", `${i}.manager.id: no individual "${managerId}"`);
        builders.push((sourceId: string) => personFromFields(sourceId, fields, managerSource ?? null, today));
      }
      const sourceIds = unwrap(await addPeople(deps, ctx, builders));
      // the publish moved the connection's pointer and dropped its cached state on commit: read the state once more
      const connection = (await readConnectionState(deps, ctx.connection.id))?.connection;
      if (!connection?.orgSnapshotId) return people; // assisted, not connected yet: stored for when it is
      const snapshot = { id: connection.orgSnapshotId };
      const ids = await stableIdsOf(deps, connection.id, "individual", sourceIds);
      const reverse = ids.filter((id): id is string => Boolean(id));
      const individuals = JSON.parse(await readPeople(deps, snapshot, "individual", reverse)) as {
        responses: { body: Record<string, unknown> }[];
      };
      const employments = JSON.parse(await readPeople(deps, snapshot, "employment", reverse)) as {
        responses: { body: Record<string, unknown> }[];
      };
      return individuals.responses.map((r, i) => ({ ...employments.responses[i]?.body, ...r.body }));
    },
  );
};

import { ProvidersResponseSchema } from "../../../contracts/finch/providers.js";
import { presentProvider } from "../presenters/provider.presenter.js";
import type { RouteModule } from "../types.js";

/** `GET /providers`: every provider, automated and assisted (anonymous or bearer). */
export const getProviders: RouteModule = (app, deps) => {
  const body = deps.catalog.all.map(presentProvider);
  app.get(
    "/providers",
    {
      schema: {
        tags: ["Management"],
        summary: "List every provider Linnet connects to",
        response: { 200: ProvidersResponseSchema },
      },
    },
    async () => body,
  );
};

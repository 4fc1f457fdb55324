#!/usr/bin/env node
// The `linnet` command: loads the TypeScript sources through tsx in this process (no separate server build).
import { register } from "tsx/esm/api";

register();
await import("../server/cli.ts");

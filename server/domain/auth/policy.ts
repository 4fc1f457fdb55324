import type { USER_ROLES } from "../users/create-user.js";

/** A console user's role. */
export type UserRole = (typeof USER_ROLES)[number];

/** Everything a console route may ask permission for. */
export const CONSOLE_ACTIONS = ["ops.read", "ops.write", "admin.users", "admin.audit", "dashboard.read", "dashboard.write"] as const;

/** A console action, `<area>.<verb>`. */
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

/** Areas each role may act in: admins everywhere, operators in the operations console, developers in the dashboard. */
const AREAS: Record<UserRole, readonly string[]> = {
  admin: ["ops", "admin", "dashboard"],
  operator: ["ops"],
  developer: ["dashboard"],
};

/** Whether someone with this role may perform the action. */
export function can(actor: { role: UserRole }, action: ConsoleAction): boolean {
  const area = action.slice(0, action.indexOf("."));
  return AREAS[actor.role]?.includes(area) ?? false;
}

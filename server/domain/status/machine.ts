/**
 * The one shape of every state machine: a table of allowed moves per state, a check, and the typed error a refused
 * move gives. Each machine file (`*-machine.ts`) defines its table with `defineMachine` and its own `transition…`,
 * which writes the row only while it is still in `from` (a conditional `UPDATE … WHERE status = from`), so two
 * concurrent moves from one state cannot both win.
 */
import { FinchError } from "../errors.js";

/** A state machine: the entity it moves and, per state, the states it may move to (none: final). */
export interface Machine<S extends string> {
  /** What moves (`upload`, `automated_job`…), named in errors and in `status_transitions.entity`. */
  readonly entity: string;
  /** Allowed moves. */
  readonly moves: Readonly<Record<S, readonly S[]>>;
}

/** Define a machine from its table of allowed moves. */
export function defineMachine<S extends string, E extends string>(
  entity: E,
  moves: Record<S, readonly S[]>,
): Machine<S> & { readonly entity: E } {
  return { entity, moves };
}

/** Whether `from → to` is an allowed move. */
export function canMove<S extends string>(machine: Machine<S>, from: S, to: S): boolean {
  return machine.moves[from].includes(to);
}

/** Whether a state is final (no move leaves it). */
export function isFinal<S extends string>(machine: Machine<S>, state: S): boolean {
  return machine.moves[state].length === 0;
}

/** Why a move was refused: not in the table, or the row had already left `from` (another move won). */
export type RefusalKind = "illegal" | "stale";

/** A refused move, as a Finch `invalid_request` carrying the entity, both states and why. */
export class TransitionRefused extends FinchError {
  constructor(
    readonly entity: string,
    readonly from: string,
    readonly to: string,
    readonly kind: RefusalKind,
  ) {
    const what = entity.replace(/_/g, " ");
    super(
      "invalid_request",
      kind === "illegal"
        ? `The ${what} is ${from.replace(/_/g, " ")} and cannot become ${to.replace(/_/g, " ")}`
        : `The ${what} changed meanwhile; reload it`,
    );
  }
}

/** The refusal of `from → to`, or null when the table allows it. */
export function refuseMove<S extends string>(machine: Machine<S>, from: S, to: S): TransitionRefused | null {
  return canMove(machine, from, to) ? null : new TransitionRefused(machine.entity, from, to, "illegal");
}

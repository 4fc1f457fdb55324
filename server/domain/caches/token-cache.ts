import type { ApplicationRow } from "../../db/repositories/applications.repository.js";
import type { TokenRow } from "../../db/repositories/credentials.repository.js";
import { RefreshingCache } from "./refreshing-cache.js";

/**
 * Who a bearer token is: its row (id, connection id, creation) and its application (settings, product rules). Only
 * the token's identity is kept here; the connection's state is read through `ConnectionStateCache`, so a publish or a
 * status move never has to find the tokens of a connection.
 */
export interface TokenIdentity {
  token: TokenRow;
  application: ApplicationRow;
}

/** Token identities by token hash (see RefreshingCache for the staleness bound). */
export class TokenCache extends RefreshingCache<TokenIdentity> {
  /** Forget every token of an application (its settings changed, e.g. the 202 body mode). */
  invalidateApplication(applicationId: string): void {
    this.invalidateWhere((_hash, identity) => identity.application.id === applicationId);
  }
}

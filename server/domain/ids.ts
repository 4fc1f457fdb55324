const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (ids from the outside are checked before they reach SQL uuid columns). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A value at once when it is at hand (a cache hit), or a promise of it. The hot reads return these so that a request
 * answered from caches takes no asynchronous step: every `await` costs a promise and a trip through the microtask
 * queue, which at tens of thousands of requests a second is a measurable share of a request.
 */
export type Soon<T> = T | Promise<T>;

/** `next` applied to `value`: at once when the value is at hand, once it settles otherwise. */
export function thenSoon<T, R>(value: Soon<T>, next: (value: T) => Soon<R>): Soon<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * The values, awaiting only when some are still loading: a batch's pages are nearly always cached, and a
 * `Promise.all` of ten cached pages would cost ten promises and their microtasks per request.
 */
export function allSoon<T>(values: Soon<T>[]): Soon<T[]> {
  return values.some((v) => v instanceof Promise) ? Promise.all(values) : (values as T[]);
}

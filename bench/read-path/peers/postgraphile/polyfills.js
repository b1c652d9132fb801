// @ts-check
/**
 * PostGraphile 5 declares Node 22 (`engines`), and this project runs on Node 20. What it uses of
 * Node 22's JavaScript is `Promise.withResolvers` (grafast, grafserv, @dataplan/pg) and, in some
 * releases, the ES2025 `Set` methods; both are defined here, before PostGraphile loads, only
 * where Node lacks them, to the letter of the specification for the cases it uses (plain sets,
 * or set-likes with `has`, `keys` and `size`). Node 22 leaves this file without effect.
 */

/** @typedef {{ size: number, has(value: unknown): boolean, keys(): Iterator<unknown> }} SetLike */

/**
 * @param {string} name
 * @param {Function} implementation
 */
function define(name, implementation) {
  if (typeof Reflect.get(Set.prototype, name) !== 'function')
    Object.defineProperty(Set.prototype, name, { value: implementation, writable: true, configurable: true });
}

/**
 * @param {SetLike} other
 * @returns {Iterable<unknown>}
 */
function keysOf(other) {
  return { [Symbol.iterator]: () => other.keys() };
}

if (typeof Reflect.get(Promise, 'withResolvers') !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    /** @template T */
    value: function withResolvers() {
      /** @type {(value: T | PromiseLike<T>) => void} */
      let resolve = () => undefined;
      /** @type {(reason?: unknown) => void} */
      let reject = () => undefined;
      const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
    writable: true,
    configurable: true,
  });
}

define(
  'union',
  /** @this {Set<unknown>} @param {SetLike} other */ function (other) {
    const result = new Set(this);
    for (const value of keysOf(other)) result.add(value);
    return result;
  },
);
define(
  'intersection',
  /** @this {Set<unknown>} @param {SetLike} other */ function (other) {
    return new Set([...this].filter((value) => other.has(value)));
  },
);
define(
  'difference',
  /** @this {Set<unknown>} @param {SetLike} other */ function (other) {
    return new Set([...this].filter((value) => !other.has(value)));
  },
);
define(
  'symmetricDifference',
  /** @this {Set<unknown>} @param {SetLike} other */ function (other) {
    const result = new Set(this);
    for (const value of keysOf(other)) {
      if (this.has(value)) result.delete(value);
      else result.add(value);
    }
    return result;
  },
);
define(
  'isSubsetOf',
  /** @this {Set<unknown>} @param {SetLike} other */ function (other) {
    return [...this].every((value) => other.has(value));
  },
);
define(
  'isSupersetOf',
  /** @this {Set<unknown>} @param {SetLike} other */ function (other) {
    for (const value of keysOf(other)) if (!this.has(value)) return false;
    return true;
  },
);
define(
  'isDisjointFrom',
  /** @this {Set<unknown>} @param {SetLike} other */ function (other) {
    return [...this].every((value) => !other.has(value));
  },
);

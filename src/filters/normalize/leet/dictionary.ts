/** Digits and symbols readers use in place of letters ("l0n", "d1t", "c@c", "sh!t"). */
export const LEET: ReadonlyMap<number, number> = new Map(
  Object.entries({
    '0': 'o',
    '1': 'i',
    '3': 'e',
    '4': 'a',
    '5': 's',
    '7': 't',
    '8': 'b',
    '9': 'g',
    '@': 'a',
    $: 's',
    '!': 'i',
    '|': 'l',
    '+': 't',
  }).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)] as const),
);

/** Symbols that hide one letter without saying which (c*c, f*ck). */
export const MASKS: ReadonlySet<number> = new Set(['*', '#'].map((s) => s.charCodeAt(0)));

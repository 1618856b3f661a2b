/**
 * Sorts `items` in place, stably, like `Array.prototype.sort` with the same comparator.
 * Short arrays (every comment's hits and reasons, nearly always) get an insertion sort:
 * V8's sort allocates a work area on each call, which cost more than the sorting itself.
 */
export function stableSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_MAX) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    // Strictly greater only: equal items keep their order.
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

const INSERTION_MAX = 24;

/**
 * Lookalike letters from other scripts, folded to the Latin letter they imitate.
 *
 * Cyrillic and Greek keys, a few non-Vietnamese Latin letters that imitate "đ" (eth "ð/Ð"),
 * letterlike symbols, and full-width forms and mathematical alphanumerics (handled in code).
 * No Vietnamese letter is a key, so nothing here can turn "ơ" or "đ" into something else. Mapped case for case, the lower-case step runs after.
 */
export const CONFUSABLES: ReadonlyMap<number, number> = new Map(
  (
    [
      // Cyrillic lower case
      ['а', 'a'], ['с', 'c'], ['е', 'e'], ['һ', 'h'], ['і', 'i'], ['ј', 'j'], ['к', 'k'],
      ['м', 'm'], ['о', 'o'], ['р', 'p'], ['ԛ', 'q'], ['ѕ', 's'], ['т', 't'], ['у', 'y'],
      ['х', 'x'], ['ԁ', 'd'], ['ԝ', 'w'], ['ѵ', 'v'], ['ɡ', 'g'], ['ı', 'i'], ['ո', 'n'],
      // Cyrillic upper case
      ['А', 'A'], ['В', 'B'], ['С', 'C'], ['Е', 'E'], ['Н', 'H'], ['І', 'I'], ['Ј', 'J'],
      ['К', 'K'], ['М', 'M'], ['О', 'O'], ['Р', 'P'], ['Ѕ', 'S'], ['Т', 'T'], ['У', 'Y'],
      ['Х', 'X'], ['Ԁ', 'D'], ['Ԛ', 'Q'], ['Ԝ', 'W'],
      // Latin letters that are not Vietnamese but pass for "đ"/"Đ" (eth, d with stroke variants)
      ['ð', 'đ'], ['Ð', 'Đ'], ['ɖ', 'đ'], ['Ɖ', 'Đ'],
      // Greek
      ['α', 'a'], ['ο', 'o'], ['ν', 'v'], ['ρ', 'p'], ['υ', 'u'], ['ι', 'i'], ['κ', 'k'],
      ['ε', 'e'], ['τ', 't'], ['χ', 'x'], ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'],
      ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'], ['Ο', 'O'], ['Ρ', 'P'],
      ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'],
      // Letterlike symbols: the letters missing from the mathematical alphanumerics block
      // (script e, g, o; italic h; double-struck and Fraktur capitals), so "𝒻𝓊𝒸𝓀"-style text
      // folds whole. NFC keeps them (compatibility decompositions only).
      ['ℂ', 'C'], ['ℊ', 'g'], ['ℋ', 'H'], ['ℌ', 'H'], ['ℍ', 'H'], ['ℎ', 'h'], ['ℐ', 'I'],
      ['ℑ', 'I'], ['ℒ', 'L'], ['ℓ', 'l'], ['ℕ', 'N'], ['ℙ', 'P'], ['ℚ', 'Q'], ['ℛ', 'R'],
      ['ℜ', 'R'], ['ℝ', 'R'], ['ℤ', 'Z'], ['ℨ', 'Z'], ['ℬ', 'B'], ['ℭ', 'C'], ['ℯ', 'e'],
      ['ℰ', 'E'], ['ℱ', 'F'], ['ℳ', 'M'], ['ℴ', 'o'],
    ] as const
  ).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)] as const),
);

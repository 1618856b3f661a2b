/**
 * Captcha answers: random text from an alphabet without look-alikes, and the comparison rule.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Digits and letters a reader cannot confuse once distorted. None of 0 O o Q 1 l I i; of the
 * other look-alike pairs we keep one side only (5 not S, 2 not Z, 8 not B, 9 not g/q, b not 6,
 * no G); lowercase only where its shape differs from the capital (c, s, u, v, w, x, z would
 * look like C, S, U…). Answers compare case-insensitively anyway.
 */
export const ANSWER_ALPHABET = '2345789ACDEFHJKMNPRTUVWXYabdefhkmnprty';
export const ANSWER_LENGTH = 5;

/** Cryptographically random answer (svg-captcha's own text uses Math.random). */
export function randomAnswer(length = ANSWER_LENGTH): string {
  let text = '';
  for (let i = 0; i < length; i++) text += ANSWER_ALPHABET[randomInt(ANSWER_ALPHABET.length)];
  return text;
}

/** How an answer is kept and compared: trimmed, lowercase. */
export function canonicalAnswer(answer: string): string {
  return answer.trim().toLowerCase();
}

/** Case-insensitive, constant-time comparison of a typed answer with the stored one. */
export function answersMatch(stored: string, typed: string): boolean {
  const a = Buffer.from(canonicalAnswer(stored));
  const b = Buffer.from(canonicalAnswer(typed));
  return a.length === b.length && timingSafeEqual(a, b);
}

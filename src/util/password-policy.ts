/**
 * What a moderator password must be, wherever one is set (an admin creating an account or
 * resetting a password, ADMIN_PASSWORD at start). Following NIST SP 800-63B and OWASP's
 * authentication cheat sheet: a minimum length and a list of passwords attackers try first,
 * no composition rules (no "one digit, one capital").
 *
 * - at least MIN_PASSWORD_LENGTH characters (Unicode characters after NFC, not bytes);
 * - not a common password: compared in lower case without diacritics, spaces or separators
 *   ("Mật khẩu 2026" reads as "matkhau2026"), a password is refused when it is a line of
 *   common-passwords.txt, or such a line with only digits or symbols before or after it, also
 *   with common letter swaps undone (p@ssw0rd), or a keyboard walk, an alphabet or digit run,
 *   or a short unit repeated (qwertyuiopas, 1qaz2wsx3edc, 098765432109, abcabcabcabc);
 * - not the email's local part with only digits or symbols added (nguyenvana1990).
 *
 * The answer names the problem; passwordMessage() words it for the moderator pages and the
 * API (Vietnamese, or English), configProblem() for the one line of a refused start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import type { Lang } from '../http/messages.js';

export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = 'too_short' | 'too_common' | 'from_email';

const MESSAGES: Record<PasswordProblem, Record<Lang, string>> = {
  too_short: {
    vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
    en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
  },
  too_common: {
    vi: 'Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác.',
    en: 'This password is too common, please choose another one.',
  },
  from_email: {
    vi: 'Mật khẩu này dễ đoán từ địa chỉ email, hãy chọn mật khẩu khác.',
    en: 'This password is easy to guess from the email address, please choose another one.',
  },
};

export function passwordMessage(problem: PasswordProblem, lang: Lang = 'vi'): string {
  return MESSAGES[problem][lang];
}

/** For a setting (ADMIN_PASSWORD): English, never the password itself. */
export function configProblem(problem: PasswordProblem): string {
  switch (problem) {
    case 'too_short':
      return `is too short: at least ${MIN_PASSWORD_LENGTH} characters are required`;
    case 'too_common':
      return 'is too common (a listed password, a keyboard walk or a repeat): choose another';
    case 'from_email':
      return "is the email's local part with digits or symbols added: choose another";
  }
}

/** The data file sits next to this module; a compiled build may not copy it (see the Dockerfile). */
function locate(name: string): string {
  const here = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (existsSync(here)) return here;
  const fromSource = fileURLToPath(new URL(`../../../src/util/${name}`, import.meta.url));
  if (existsSync(fromSource)) return fromSource;
  throw new Error(`password list ${name} not found next to ${fileURLToPath(import.meta.url)}`);
}

/** The shipped list, lower case, read once per process. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  readFileSync(locate('common-passwords.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

/** Lower case, NFC, no diacritics (đ → d), no spaces or separators. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\-_.]+/g, '');
}

/** Digits and symbols before and after the letters: "2026matkhau@!" → "matkhau". */
function core(folded: string): string {
  return folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't', '+': 't' };
const unLeet = (text: string) => text.replace(/[@43!10$57+]/g, (ch) => LEET[ch]);

/** Strings a keyboard walk or a run follows; each is also read backwards. */
const RUNS = [
  '`1234567890-=1234567890',
  '~!@#$%^&*()_+',
  "qwertyuiop[]\\asdfghjkl;'zxcvbnm,./",
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0',
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
];
const WALKS = [...RUNS, ...RUNS.map((r) => [...r].reverse().join(''))];

/** Covered by at most three walks of two or more characters each (qwer + asdf + 1234). */
function isWalk(text: string): boolean {
  let at = 0;
  for (let chunk = 0; chunk < 3 && at < text.length; chunk++) {
    let best = 0;
    for (let end = text.length; end - at >= 2 && end - at > best; end--) {
      const piece = text.slice(at, end);
      if (WALKS.some((w) => w.includes(piece))) best = end - at;
    }
    if (best === 0) return false;
    at += best;
  }
  return at === text.length;
}

/** A unit of at most four characters repeated (aaaa…, abab…, 123123…), a partial last one allowed. */
function isRepeat(text: string): boolean {
  for (let k = 1; k <= 4 && 2 * k <= text.length; k++) {
    const unit = text.slice(0, k);
    if (unit.repeat(Math.ceil(text.length / k)).slice(0, text.length) === text) return true;
  }
  return false;
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const folded = fold(password);
  const letters = core(folded);
  const candidates = [lower, folded, letters, unLeet(letters), core(unLeet(folded))];
  if (candidates.some((c) => c && COMMON_PASSWORDS.has(c))) return true;
  return [lower, folded].some((c) => isRepeat(c) || isWalk(c));
}

function isFromEmail(password: string, email: string | undefined): boolean {
  if (!email) return false;
  const local = fold(email.split('@')[0] ?? '');
  if (!local) return false;
  const folded = fold(password);
  return core(folded) === local || folded === local || folded === fold(email);
}

/** The first problem of a password, or null when it may be used. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const text = password.normalize('NFC');
  if ([...text].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (isCommon(text)) return 'too_common';
  if (isFromEmail(text, email)) return 'from_email';
  return null;
}

/** Throws the API's 400 validation_failed naming `field`, worded in `lang`, for a password that may not be used. */
export function assertPasswordAllowed(password: string, options: { email?: string; field?: string; lang?: Lang } = {}): void {
  const problem = passwordProblem(password, options.email);
  if (problem) {
    throw new AppError('validation_failed', { fields: { [options.field ?? 'password']: passwordMessage(problem, options.lang) } });
  }
}

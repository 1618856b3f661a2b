/**
 * What an article id and a comment id may look like, written once for the API, the admin
 * pages and the browser scripts. No imports: /count.js bundles this file for the browser.
 */

const ARTICLE_ID_CHARACTER = 'A-Za-z0-9._:/-';
export const ARTICLE_ID_MAX_LENGTH = 200;

/** The article id rule of API.md: 1–200 characters of `[A-Za-z0-9._:/-]`. */
export const ARTICLE_ID_PATTERN = new RegExp(`^[${ARTICLE_ID_CHARACTER}]{1,${ARTICLE_ID_MAX_LENGTH}}$`);

/** The same characters at any length: the submission reports a long id as `too_long`, apart. */
export const ARTICLE_ID_CHARACTERS = new RegExp(`^[${ARTICLE_ID_CHARACTER}]+$`);

/** The ids this service issues (src/comments/ids.ts): UUIDv7, lower-case hex. */
export const COMMENT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * What a moderator's request may name as a comment id (paths, bulk bodies): only characters
 * an id can hold reach the database, so a NUL in a path is a 404 or 400, not a 500.
 */
export const COMMENT_ID_PARAM_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

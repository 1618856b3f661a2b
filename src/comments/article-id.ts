/** The article id rule of API.md: 1–200 characters of `[A-Za-z0-9._:/-]`. */
import { z } from 'zod';

export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9._:/-]{1,200}$/;

export const articleIdSchema = z.string().regex(ARTICLE_ID_PATTERN, 'invalid');

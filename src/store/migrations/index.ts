/**
 * Every migration, in order. Never edit or reorder one that has shipped: add a new file
 * and append it here. Numbers are reserved by area so parallel work does not collide:
 * 0xx core, 1xx decisions/publishing, 2xx moderator UI, 3xx operations.
 */
import * as m001 from './001_initial.js';
import * as m002 from './002_articles_and_edits.js';
import * as m003 from './003_likes_and_reports.js';
import * as m101 from './101_publish_outbox.js';
import * as m201 from './201_reject_reasons.js';

export interface Migration {
  name: string;
  up: string;
}

export const migrations: Migration[] = [m001, m002, m101, m003, m201];

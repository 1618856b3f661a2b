/**
 * The preset rejection reasons of the queue (number keys 1–9 pick them in order). Admins
 * change the list; the rows below are the newsroom's starting set, in key order. The reason
 * is stored on a rejected comment as this text, which is what the audit log shows.
 */
export const name = '201_reject_reasons';

export const up = /* sql */ `
CREATE TABLE reject_reasons (
  id         bigserial PRIMARY KEY,
  text       text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO reject_reasons (text, created_by) VALUES
  ('Ngôn từ thô tục', 'system'),
  ('Quảng cáo / spam', 'system'),
  ('Công kích cá nhân', 'system'),
  ('Vi phạm pháp luật / nhạy cảm chính trị', 'system'),
  ('Sai sự thật', 'system'),
  ('Lạc đề', 'system');
`;

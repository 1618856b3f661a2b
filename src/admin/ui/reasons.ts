/** Filter rule names (verdict reasons) as a moderator reads them. Unknown rules show as-is. */
import type { UiLang } from './i18n/index.js';

export const RULE_LABELS: Record<string, Record<UiLang, string>> = {
  'profanity.vi': { vi: 'Tục tĩu (tiếng Việt)', en: 'Profanity (Vietnamese)' },
  'profanity.en': { vi: 'Tục tĩu (tiếng Anh)', en: 'Profanity (English)' },
  'model.offensive': { vi: 'Xúc phạm (mô hình)', en: 'Offensive (model)' },
  'spam.phone': { vi: 'Số điện thoại', en: 'Phone number' },
  'spam.link': { vi: 'Đường dẫn', en: 'Link' },
  'spam.contact': { vi: 'Liên hệ ngoài (Zalo, Telegram…)', en: 'Contact handle' },
  'spam.gambling': { vi: 'Cờ bạc, cá độ', en: 'Gambling' },
  'spam.lending': { vi: 'Cho vay', en: 'Lending' },
  'spam.job': { vi: 'Tuyển dụng, việc làm', en: 'Job offer' },
  'spam.invest': { vi: 'Đầu tư, tiền ảo', en: 'Investment, crypto scheme' },
  'spam.promo': { vi: 'Quảng cáo, khuyến mãi', en: 'Promotion' },
  'spam.flood': { vi: 'Lặp ký tự, spam', en: 'Flooding' },
  'spam.shouting': { vi: 'Viết hoa toàn bộ', en: 'Shouting (all caps)' },
  ban: { vi: 'Bị cấm', en: 'Banned' },
  'engine.error': { vi: 'Lỗi bộ lọc', en: 'Filter error' },
};

/** The rules offered in the queue's rule filter, in this order. */
export const FILTERABLE_RULES = Object.keys(RULE_LABELS).filter((r) => r !== 'engine.error');

export function ruleLabel(rule: string, lang: UiLang): string {
  return RULE_LABELS[rule]?.[lang] ?? rule;
}

/**
 * A reason as its chip names it: the rule's label, then the model's confidence as a whole
 * percentage when the reason carries one ("Xúc phạm (mô hình) · 87%"). A confidence that is
 * not a number in 0..1 (an old or hand-edited verdict) is left out rather than shown wrong.
 */
export function reasonLabel(reason: { rule: string; confidence?: unknown }, lang: UiLang): string {
  const label = ruleLabel(reason.rule, lang);
  const c = reason.confidence;
  if (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1) return label;
  return `${label} · ${Math.round(c * 100)}%`;
}

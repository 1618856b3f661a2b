/** Short relative ages ("12 phút", "3 giờ") and absolute times in Vietnam's time zone. */
import type { UiLang } from './i18n/index.js';

const UNITS: Array<{ seconds: number; vi: string; en: string }> = [
  { seconds: 86_400, vi: 'ngày', en: 'd' },
  { seconds: 3_600, vi: 'giờ', en: 'h' },
  { seconds: 60, vi: 'phút', en: 'min' },
  { seconds: 1, vi: 'giây', en: 's' },
];

export function formatAge(from: Date, now: Date, lang: UiLang): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 1000));
  const unit = UNITS.find((u) => seconds >= u.seconds) ?? UNITS[UNITS.length - 1];
  const n = Math.floor(seconds / unit.seconds);
  return lang === 'vi' ? `${n} ${unit.vi}` : `${n} ${unit.en}`;
}

const formatters: Record<UiLang, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }),
};

export function formatTime(date: Date, lang: UiLang): string {
  return formatters[lang].format(date);
}

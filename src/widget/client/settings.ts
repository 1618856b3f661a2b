/**
 * What the service tells the widget about itself: the privacy policy's address (PRIVACY_URL)
 * and how long personal data is kept (RETENTION_*), so the consent line under the form says
 * what this service really does. src/widget/assets.ts writes them into /widget.js as it serves
 * it, in place of the placeholder string below; a script bundled without them (tests) uses
 * the service's defaults and no link.
 */
export interface WidgetSettings {
  privacyUrl: string | null;
  ipDays: number;
  rejectedDays: number;
}

export const SETTINGS_PLACEHOLDER = '__BL_WIDGET_SETTINGS__';

const DEFAULTS: WidgetSettings = { privacyUrl: null, ipDays: 30, rejectedDays: 90 };

export function widgetSettings(injected: string = SETTINGS_PLACEHOLDER): WidgetSettings {
  try {
    return { ...DEFAULTS, ...(JSON.parse(injected) as Partial<WidgetSettings>) };
  } catch {
    return DEFAULTS;
  }
}

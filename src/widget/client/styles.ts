/**
 * The widget's look, applied inside its own shadow root: the site's CSS cannot reach in and
 * these rules cannot leak out. `:host { all: initial }` drops what the page would otherwise
 * pass down by inheritance (fonts, colours, line heights), then we set our own.
 *
 * The live regions (.status, .form-error) are never display:none while empty: that would drop
 * them from the accessibility tree and screen readers could miss the announcement.
 */
export const WIDGET_CSS = `
:host{all:initial;display:block}
.bl{max-width:720px;font:16px/1.5 Arial,"Helvetica Neue",Helvetica,sans-serif;color:#222;text-align:left;letter-spacing:normal;word-spacing:normal;text-transform:none}
*{box-sizing:border-box}
[hidden]{display:none!important}
h2{font-size:18px;line-height:1.3;margin:24px 0 12px;padding-bottom:6px;border-bottom:2px solid #0a5c9c;color:#0a5c9c;text-transform:none}
form{background:#f5f7f9;border:1px solid #dde3e8;border-radius:4px;padding:14px;margin:0 0 8px}
.field{margin:0 0 12px}
label{display:block;font-weight:bold;font-size:14px;margin:0 0 4px}
.hint{font-weight:normal;color:#555}
input,textarea{display:block;width:100%;font:inherit;font-size:15px;color:#222;background:#fff;border:1px solid #9aa5ae;border-radius:3px;padding:7px 9px;margin:0}
textarea{min-height:110px;resize:vertical;white-space:pre-wrap}
input:focus,textarea:focus,button:focus{outline:2px solid #f2a900;outline-offset:1px}
[aria-invalid=true]{border-color:#b00020;background:#fff8f8}
.row{display:flex;flex-wrap:wrap;gap:12px}
.row>.field{flex:1 1 220px}
.counter{font-size:13px;color:#555;text-align:right;margin:2px 0 0}
.counter.over{color:#b00020;font-weight:bold}
.error{color:#b00020;font-size:14px;margin:4px 0 0}
.error:empty{display:none}
.captcha{display:flex;align-items:center;flex-wrap:wrap;gap:8px;margin:0 0 8px}
.captcha img{height:50px;min-width:150px;background:#fff;border:1px solid #dde3e8;border-radius:3px}
.captcha-field input{max-width:220px}
button{font:inherit;font-size:14px;cursor:pointer;border-radius:3px;padding:7px 14px;border:1px solid #0a5c9c;background:#fff;color:#0a5c9c;margin:0}
button.primary{background:#0a5c9c;color:#fff;font-weight:bold;padding:9px 18px}
button[disabled]{opacity:.65;cursor:progress}
button.link{border:0;background:none;padding:0;color:#0a5c9c;text-decoration:underline;font-size:14px}
.replying{display:flex;justify-content:space-between;gap:8px;align-items:center;background:#e6eff7;border-radius:3px;padding:6px 10px;margin:0 0 12px;font-size:14px}
.status{margin:10px 0 0;font-weight:bold;color:#1d6b2f}
.status:empty,.form-error:empty{margin:0}
.form-error{margin:10px 0 0;color:#b00020;font-weight:bold}
.trap{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
ol{list-style:none;margin:0;padding:0}
.comment{padding:12px 0;border-bottom:1px solid #e3e7ea}
.replies{margin:8px 0 0 24px;border-left:3px solid #dde3e8;padding-left:12px}
.replies .comment{border-bottom:0;padding:8px 0}
.meta{font-size:14px;margin:0 0 4px}
.author{font-weight:bold;color:#0a3d66}
.time{color:#666;margin-left:8px}
.content{margin:0 0 6px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.more{margin:12px 0 0}
.note{color:#555;font-style:italic}
.sorts{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 8px}
.sorts button,button.like{padding:4px 12px}
.sorts [aria-pressed=true],.like[aria-pressed=true]{background:#0a5c9c;color:#fff}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin:6px 0 0}
.likes:empty{display:none}
.content.folded{max-height:12em;overflow:hidden}
.fold{display:block;margin:0 0 6px}
.pending{color:#555;background:#f1f3f4;padding:10px}
.pending .author{color:#444}
.badge{margin-left:8px;font-size:13px;background:#dde1e4;color:#333;border-radius:10px;padding:1px 8px}
.action-note{margin:6px 0 0;font-size:14px;color:#333}
.action-note:empty{margin:0}
fieldset{border:0;padding:0;margin:0 0 8px;min-width:0}
legend{font-weight:bold;font-size:14px;padding:0;margin:0 0 4px}
.choice{display:inline-flex;align-items:center;gap:4px;font-weight:normal;margin:0 14px 4px 0}
.choice input{display:inline-block;width:auto}
.report-form{margin:8px 0}
.consent{font-size:13px;color:#555;margin:10px 0 0}
.closed-notice{background:#fff8e1;border:1px solid #d9b44a;border-radius:4px;padding:12px 14px;font-weight:bold;color:#4d3900}
.closed .reply{display:none}
`;

/**
 * Adopted stylesheets are not inline styles, so sites whose CSP forbids `style-src
 * 'unsafe-inline'` still show the widget styled; older browsers get a <style> element.
 */
export function applyStyles(root: ShadowRoot): void {
  const adoptable = root as ShadowRoot & { adoptedStyleSheets?: CSSStyleSheet[] };
  try {
    if (adoptable.adoptedStyleSheets && typeof CSSStyleSheet === 'function') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(WIDGET_CSS);
      adoptable.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // constructable stylesheets not supported: fall back below
  }
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  root.appendChild(style);
}

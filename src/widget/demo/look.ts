/**
 * The demo paper's look: a provincial daily's masthead, a serif body, a sidebar of other news.
 * The photo is drawn in SVG so the page needs no external asset.
 */
export const DEMO_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f3f1ec;color:#1d1d1d;font:17px/1.65 Georgia,"Times New Roman",serif}
a{color:#0b4f8a}
.wrap{max-width:1080px;margin:0 auto;padding:0 16px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:8px}
.skip:focus{left:8px;z-index:10}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.masthead{background:#fff;border-bottom:4px solid #a3171b;font-family:Arial,Helvetica,sans-serif}
.top{display:flex;justify-content:space-between;flex-wrap:wrap;gap:8px;font-size:13px;color:#444;padding-top:6px;padding-bottom:6px;border-bottom:1px solid #e5e1d8}
.brand{display:flex;align-items:center;gap:24px;flex-wrap:wrap;padding-top:14px;padding-bottom:14px}
.logo{display:flex;flex-direction:column;text-decoration:none;line-height:1}
.logo-main{font:bold 44px/1 Georgia,serif;color:#a3171b;letter-spacing:2px}
.logo-sub{font:bold 13px/1.6 Arial,sans-serif;color:#0b4f8a;letter-spacing:6px}
.tagline{margin:0;color:#444;font-size:14px;font-style:italic}
.menu{background:#0b4f8a}
.menu ul{list-style:none;display:flex;flex-wrap:wrap;margin:0 auto;padding-top:0;padding-bottom:0}
.menu a{display:block;color:#fff;text-decoration:none;font-weight:bold;font-size:14px;padding:10px 14px;text-transform:uppercase}
.menu a:hover,.menu a:focus{background:#a3171b}
.columns{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:28px;padding-top:24px;padding-bottom:32px}
main{background:#fff;padding:24px 28px;border:1px solid #e5e1d8}
.crumb{margin:0 0 6px;font:bold 13px Arial,sans-serif;text-transform:uppercase}
.crumb a{color:#a3171b;text-decoration:none}
h1{font-size:31px;line-height:1.25;margin:0 0 10px;color:#111}
.meta{font:13px Arial,sans-serif;color:#555;margin:0 0 16px}
.lead{font-weight:bold;font-size:18px}
.photo{margin:20px 0}
.photo svg{display:block;width:100%;height:auto;border-radius:2px}
figcaption{font:italic 14px/1.5 Arial,sans-serif;color:#444;background:#f3f1ec;padding:8px 12px}
.byline{text-align:right;font-weight:bold}
.comments-area{margin-top:28px;padding-top:8px;border-top:3px double #d6d0c4}
.count{display:inline-flex;align-items:center;gap:3px;font:bold 12px/1 Arial,sans-serif;color:#fff;background:#a3171b;border-radius:10px;padding:3px 8px;vertical-align:middle}
.count::before{content:"";display:inline-block;width:11px;height:9px;border:2px solid #fff;border-radius:2px}
.others{background:#fff;border:1px solid #e5e1d8;padding:16px 18px;align-self:start}
.others h2{font:bold 16px Arial,sans-serif;color:#a3171b;margin:0 0 8px;padding-bottom:6px;border-bottom:2px solid #a3171b}
.others ul{list-style:none;margin:0;padding:0}
.others li{padding:9px 0;border-bottom:1px solid #eee;font-size:15px;line-height:1.4}
.others a{color:#1d1d1d;text-decoration:none}
.others a:hover,.others a:focus{color:#0b4f8a;text-decoration:underline}
.story-list{margin:0;padding-left:24px}
.story-list li{padding:8px 0;border-bottom:1px solid #eee}
.footer{background:#232323;color:#ddd;font:14px Arial,sans-serif;padding:18px 0}
.footer p{margin:4px 0}
@media (max-width:820px){.columns{grid-template-columns:1fr}main{padding:16px}h1{font-size:25px}}
`;

export const FLOOD_PHOTO_SVG = `<svg viewBox="0 0 800 400" role="img" aria-labelledby="anh-lu-title" xmlns="http://www.w3.org/2000/svg">
<title id="anh-lu-title">Tranh minh họa: máy xúc dọn đất đá trên con đường ven sông dưới chân đồi</title>
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3df"/><stop offset="1" stop-color="#e4eef3"/></linearGradient>
<linearGradient id="river" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#a88a5c"/><stop offset="1" stop-color="#7d6440"/></linearGradient></defs>
<rect width="800" height="400" fill="url(#sky)"/>
<circle cx="660" cy="80" r="34" fill="#fff6d5"/>
<path d="M0 210 L120 120 L230 190 L340 100 L470 200 L590 130 L700 190 L800 150 L800 260 L0 260Z" fill="#6f9a6a"/>
<path d="M0 240 L160 170 L300 235 L430 165 L560 240 L690 185 L800 230 L800 290 L0 290Z" fill="#4f7d4d"/>
<path d="M0 300 C180 280 320 320 520 296 S760 300 800 290 L800 400 L0 400Z" fill="url(#river)"/>
<path d="M0 286 L800 262 L800 300 L0 326Z" fill="#8d8a82"/>
<path d="M0 306 L800 281" stroke="#f1efe6" stroke-width="3" stroke-dasharray="26 18"/>
<path d="M360 262 C400 230 450 236 480 258 L500 281 L340 292Z" fill="#8a6a43"/>
<circle cx="395" cy="268" r="9" fill="#6d6259"/><circle cx="430" cy="262" r="12" fill="#776a5e"/><circle cx="462" cy="272" r="8" fill="#5f564e"/>
<g transform="translate(510 222)"><rect x="0" y="30" width="92" height="34" rx="4" fill="#f0b323"/><rect x="52" y="6" width="40" height="30" rx="3" fill="#f0b323"/>
<rect x="58" y="11" width="26" height="16" fill="#cfe3ef"/><rect x="-4" y="62" width="104" height="16" rx="8" fill="#333"/>
<path d="M4 36 L-50 2 L-62 12 L-8 48Z" fill="#e0a21c"/><path d="M-62 12 L-80 40 L-52 44 L-50 22Z" fill="#555"/></g>
<g fill="#1f4f7a"><rect x="250" y="262" width="10" height="26"/><circle cx="255" cy="256" r="7" fill="#e8c39e"/><rect x="248" y="246" width="14" height="5" fill="#f0b323"/>
<rect x="290" y="258" width="10" height="26"/><circle cx="295" cy="252" r="7" fill="#e8c39e"/><rect x="288" y="242" width="14" height="5" fill="#f0b323"/></g>
</svg>`;

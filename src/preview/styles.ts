/**
 * The preview's stylesheet. The colours and sizes of the record are rendering facts from
 * ../shared/spec/preview-facts.md (section named in each comment), written here as our own CSS:
 * Bitrix24's stylesheets are proprietary and not copied. Fonts are a stack that resolves offline
 * ("Helvetica Neue", then Arial — Liberation Sans on Debian — then any sans-serif): the page loads
 * nothing, so its screenshots are the same on every machine with the same fonts.
 */
export const PREVIEW_CSS = `
:root { color-scheme: light; --page: #eef2f4; --page-text: #333; --panel: #fff; --line: #dfe0e3; --muted: #828b95; }
body[data-theme="dark"] { color-scheme: dark; --page: #1f2529; --page-text: #e6e9eb; --panel: #2b3237; --line: #3d464d; --muted: #a8adb4; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--page-text); font: 13px/1.4 "Helvetica Neue", Arial, sans-serif; }
.pv-toolbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: 16px; align-items: center; padding: 8px 16px; background: var(--panel); border-bottom: 1px solid var(--line); }
.pv-toolbar h1 { font-size: 14px; margin: 0 8px 0 0; }
.pv-toolbar label { display: inline-flex; gap: 6px; align-items: center; color: var(--muted); }
.pv-toolbar select { font: inherit; }
.pv-main { padding: 12px 16px 32px; }
.pv-banner { margin: 0 0 12px; padding: 8px 12px; border-radius: 4px; background: #ffe8e8; color: #8a1f1b; border: 1px solid #ff5752; }
.pv-banner--ok { background: #e9f7d9; color: #36520b; border-color: #9dcf00; }
.pv-banner ul { margin: 4px 0 0; padding-left: 18px; }
.pv-file > h2 { font-size: 13px; font-weight: 400; color: var(--muted); margin: 16px 0 8px; font-family: "DejaVu Sans Mono", monospace; }
.pv-item { margin: 0 0 16px; }
.pv-item__head { display: flex; gap: 8px; align-items: center; margin: 0 0 6px; }
.pv-item__kind { font-size: 11px; text-transform: uppercase; color: var(--muted); }
.pv-item__name { font-weight: 700; }
.pv-copy { font: inherit; font-size: 11px; padding: 1px 8px; border: 1px solid var(--line); border-radius: 10px; background: var(--panel); color: var(--page-text); cursor: pointer; }
.pv-sets { display: flex; gap: 16px; align-items: flex-start; }
.pv-set { flex: 1 1 0; min-width: 0; max-width: 720px; }
.pv-set__name { display: flex; gap: 8px; align-items: center; font-size: 11px; color: var(--muted); margin: 0 0 4px; min-height: 18px; }
.pv-missing { padding: 8px 12px; border: 1px dashed var(--line); border-radius: 4px; color: var(--muted); }
.pv-findings { margin: 6px 0 0; padding: 0; list-style: none; font-size: 12px; }
.pv-findings li { padding: 2px 0; }
.pv-findings .pv-sev--error { color: #e0332d; }
.pv-findings .pv-sev--warning { color: #b07c00; }
body[data-theme="dark"] .pv-findings .pv-sev--error { color: #ff8c87; }
body[data-theme="dark"] .pv-findings .pv-sev--warning { color: #ffd35c; }
.pv-popup { position: fixed; right: 16px; bottom: 16px; max-width: 420px; z-index: 10; padding: 10px 12px; border-radius: 6px; background: #333; color: #fff; font-size: 12px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.pv-popup pre { margin: 6px 0 0; white-space: pre-wrap; font-family: "DejaVu Sans Mono", monospace; }
.pv-popup button { float: right; margin-left: 8px; }

/* preview-facts.md "Card": the record is a white card; its icon a circle in the gutter. */
.b24-record { position: relative; display: flex; gap: 12px; align-items: flex-start; }
.b24-icon { flex: none; width: 40px; height: 40px; border-radius: 50%; border: 1px solid #2fc6f6; background: #2fc6f6; color: #fff; display: flex; align-items: center; justify-content: center; }
.b24-icon--muted { background: #f8fafb; border-color: #dfe0e3; }
.b24-icon .b24-glyph { width: 24px; height: 24px; }
.b24-glyph { fill: none; stroke: currentColor; stroke-width: 1.6; stroke-linecap: round; stroke-linejoin: round; }
.b24-card { position: relative; flex: 1 1 auto; min-width: 0; background: #fff; color: #333; border-radius: 12px; padding: 12px 16px; font: 13px/1.4 "Helvetica Neue", Arial, sans-serif; }
body[data-theme="dark"] .b24-card { box-shadow: none; }

/* preview-facts.md "Header": bold 13px/18px title; upper-cased 9px bold tags, 6px apart. */
.b24-header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin: 0 0 10px; }
.b24-title { font-weight: 700; font-size: 13px; line-height: 18px; }
.b24-tags { display: inline-flex; gap: 6px; flex-wrap: wrap; }
.b24-tag { display: inline-block; padding: 2px 7px; border-radius: 10px; font-size: 9px; line-height: 13px; font-weight: 700; text-transform: uppercase; }
.b24-tag--primary { background: #dbf5fe; color: #0b7fa3; }
.b24-tag--secondary { background: #eef0f2; color: #6a737f; }
.b24-tag--success { background: #e4f5c9; color: #4f7500; }
.b24-tag--warning { background: #fff1c2; color: #8a6500; }
.b24-tag--failure { background: #ffe1e0; color: #c2231d; }

/* preview-facts.md "Body": the logo box and the content blocks. */
.b24-body { display: flex; gap: 16px; align-items: flex-start; }
.b24-logo { position: relative; flex: none; width: 80px; height: 80px; border-radius: 12px; background: #e5f9ff; color: #2fc6f6; display: flex; align-items: center; justify-content: center; }
.b24-logo .b24-glyph { width: 44px; height: 44px; stroke-width: 1.4; }
.b24-logo--picture { background: #e5f9ff; color: #1f6fb2; }
.b24-logo--picture .b24-glyph { fill: #fff; stroke-width: 1.6; }
.b24-logo--failure { background: #ffe8e8; color: #ff5752; }
.b24-logo.b24-clickable:hover { filter: brightness(.95); }
.b24-blocks { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; gap: 8px; }
.b24-text { line-height: 1.4; }
.b24-size--xs { font-size: 12px; } .b24-size--sm { font-size: 13px; } .b24-size--md { font-size: 14px; }
.b24-colour--default { color: #333; } .b24-colour--base_50 { color: #a8adb4; } .b24-colour--base_60 { color: #959ca4; }
.b24-colour--base_70 { color: #828b95; } .b24-colour--base_90 { color: #525c69; }
.b24-weight--normal { font-weight: 400; } .b24-weight--medium { font-weight: 500; } .b24-weight--bold { font-weight: 700; }
.b24-link { color: #0b66c3; cursor: pointer; font-size: 14px; }
.b24-link:hover { text-decoration: underline; }
.b24-block--withTitle > .b24-with-title__title { font-size: 13px; color: #a8adb4; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.b24-block--withTitle > .b24-with-title__value { font-size: 14px; color: rgba(82,92,105,.9); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.b24-block--withTitle > .b24-with-title__value .b24-text.b24-colour--default { color: rgba(82,92,105,.9); }
.b24-block--withTitle > .b24-with-title__value .b24-link { font-weight: 500; }
/* The value is a block of its own: the ellipsis goes on it, and in a row it may shrink to the card's width. */
.b24-block--withTitle > .b24-with-title__value > .b24-block { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.b24-block--inline { display: flex; gap: 10px; align-items: baseline; }
.b24-block--inline > .b24-with-title__value { flex: 1 1 auto; min-width: 0; }
.b24-block--inline > .b24-with-title__title { flex: none; width: 100px; color: #828b95; }
.b24-block--lineOfBlocks { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.b24-large-text { font-size: 14px; color: #333; }
.b24-large-text.b24-collapsed { max-height: 40px; overflow: hidden; }
.b24-more { font: inherit; font-size: 13px; border: 0; padding: 0; background: none; color: #0b66c3; border-bottom: 1px dashed #0b66c3; cursor: pointer; }
.b24-deadline { display: inline-flex; gap: 4px; align-items: center; padding: 1px 8px; border-radius: 10px; background: #eef0f2; color: #525c69; font-size: 13px; }
.b24-deadline--editable { background: #e5f9ff; color: #0b66c3; cursor: pointer; }
.b24-deadline .b24-glyph { width: 14px; height: 14px; }
.b24-deadline--absent { background: none; border: 1px dashed #c6cdd3; color: #a8adb4; font-style: italic; }
.b24-unknown-block, .b24-unknown-code { display: inline-block; padding: 1px 4px; border: 1px dashed #ff5752; border-radius: 3px; color: #c2231d; font: 10px/1.3 "DejaVu Sans Mono", monospace; word-break: break-all; text-align: center; }
.b24-icon--unknown { background: #f8fafb; border-color: #dfe0e3; }
.b24-icon .b24-unknown-code { max-width: 38px; border: 0; font-size: 7px; line-height: 1.1; }

/* preview-facts.md "Footer": primary filled blue, secondary white outlined; the "…" menu. */
.b24-footer { display: flex; align-items: center; gap: 8px; margin: 14px 0 0; }
.b24-buttons { display: flex; gap: 8px; flex-wrap: wrap; }
.b24-button { font: inherit; font-size: 12px; font-weight: 700; text-transform: uppercase; height: 28px; padding: 0 14px; border-radius: 14px; cursor: pointer; }
.b24-button--primary { background: #3bc8f5; color: #333; border: 1px solid #3bc8f5; }
.b24-button--secondary { background: #fff; color: #535c69; border: 1px solid #c6cdd3; }
.b24-menu { position: relative; margin-left: auto; }
.b24-menu__toggle { width: 28px; height: 28px; border: 1px solid #dfe0e3; border-radius: 50%; background: #fff; color: #828b95; cursor: pointer; padding: 0; display: flex; align-items: center; justify-content: center; }
.b24-menu__toggle .b24-glyph { width: 18px; height: 18px; stroke-width: 2.4; }
.b24-menu__list { position: absolute; right: 0; top: 32px; z-index: 3; min-width: 180px; margin: 0; padding: 6px 0; list-style: none; background: #fff; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.b24-menu__item { display: flex; gap: 8px; align-items: center; padding: 6px 14px; color: #333; cursor: pointer; white-space: nowrap; }
.b24-menu__item:hover { background: #f3f6f7; }
.b24-menu__item .b24-glyph { width: 14px; height: 14px; color: #a8adb4; }
.b24-menu__separator { height: 1px; margin: 4px 0; background: #eef0f2; }

/* Additional blocks under the record they are added to; a badge on a kanban card (its value upper-cased, spec §8); a CRM card. */
.b24-host-record { color: #a8adb4; font-style: italic; margin: 0 0 8px; }
.b24-additional { display: flex; flex-direction: column; gap: 8px; padding: 8px 0 0; border-top: 1px dashed #dfe0e3; }
.b24-activity { display: flex; flex-direction: column; gap: 8px; }
.b24-activity__facts { font-size: 11px; color: var(--muted); }
.b24-kanban { width: 260px; background: #fff; color: #333; border-radius: 4px; border-left: 4px solid #2fc6f6; padding: 8px 10px; }
.b24-kanban__title { color: #0b66c3; font-weight: 700; }
.b24-kanban__meta { color: #828b95; font-size: 12px; margin: 2px 0 6px; }
.b24-badge { display: flex; gap: 6px; align-items: center; font-size: 11px; }
.b24-badge__title { color: #828b95; }
.b24-badge__value { padding: 1px 7px; border-radius: 10px; font-weight: 700; text-transform: uppercase; }
.b24-badge--primary .b24-badge__value { background: #dbf5fe; color: #0b7fa3; }
.b24-badge--secondary .b24-badge__value { background: #eef0f2; color: #6a737f; }
.b24-badge--success .b24-badge__value { background: #e4f5c9; color: #4f7500; }
.b24-badge--warning .b24-badge__value { background: #fff1c2; color: #8a6500; }
.b24-badge--failure .b24-badge__value { background: #ffe1e0; color: #c2231d; }
.b24-crm-card { display: flex; flex-direction: column; gap: 10px; max-width: 520px; }
.b24-section { background: #fff; color: #333; border-radius: 8px; padding: 10px 14px; }
.b24-section__title { font-weight: 700; font-size: 14px; margin: 0 0 6px; padding: 0 0 6px; border-bottom: 1px solid #eef0f2; }
.b24-field { display: flex; gap: 10px; padding: 3px 0; }
.b24-field__name { flex: none; width: 180px; color: #828b95; font: 12px/1.5 "DejaVu Sans Mono", monospace; overflow: hidden; text-overflow: ellipsis; }
.b24-field__value { color: #a8adb4; font-size: 12px; }
.b24-field__always { color: #525c69; }

/* Platforms (preview-facts.md "Platforms"): scope filtering; openRestApp does nothing on mobile. */
body[data-platform="mobile"] [data-scope="web"], body[data-platform="web"] [data-scope="mobile"] { display: none !important; }
body[data-platform="mobile"] .pv-set { max-width: 380px; }
body[data-platform="mobile"] [data-action-type="openRestApp"] { opacity: .55; text-decoration: line-through; }
body[data-platform="mobile"] [data-action-type="openRestApp"]::after { content: " (not in the mobile app)"; font-size: 9px; text-transform: none; font-weight: 400; }

/* Problems: outlined, numbered as in the item's list of findings; texts shown in another language dashed. */
.b24-problem { outline: 2px solid #ff5752; outline-offset: 1px; }
.b24-problem--warning { outline-color: #f5b000; }
.b24-mark { font: 700 9px/1 Arial, sans-serif; color: #fff; background: #ff5752; border-radius: 7px; padding: 1px 4px; margin-left: 2px; vertical-align: super; }
.b24-mark--warning { background: #d99a00; }
.b24-fallback { text-decoration: underline dashed #f5b000; text-underline-offset: 2px; }
.b24-clickable, [data-action] { cursor: pointer; }
`;

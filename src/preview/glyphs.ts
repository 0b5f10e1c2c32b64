/**
 * The preview's own glyphs for the system icon and logo codes (src/model/codes.ts): simple line
 * drawings on a 24×24 grid, stroked in `currentColor`, drawn for this project (MIT like it).
 * Bitrix24's own pictures are proprietary and not used (preview-facts.md, "Images"). Several codes
 * share a glyph where Bitrix24's pictures show the same thing; a code without one (a portal's own
 * icon or logo) is drawn as a placeholder that names the code.
 */
import { SYSTEM_ICON_CODES, SYSTEM_LOGO_CODES } from "../model/index.js";

/** The shapes, as SVG elements inside `<svg viewBox="0 0 24 24">`. */
const SHAPES = {
  phone: '<path d="M6.5 3.5h3l1.5 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z"/>',
  phoneIn: '<path d="M6.5 3.5h3l1.5 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z"/><path d="M20 4l-5 5M15 5v4h4"/>',
  phoneOut: '<path d="M6.5 3.5h3l1.5 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z"/><path d="M15 9l5-5M16 4h4v4"/>',
  phoneMissed: '<path d="M6.5 3.5h3l1.5 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z"/><path d="M15 4l5 5M20 4l-5 5"/>',
  play: '<circle cx="12" cy="12" r="8.5"/><path d="M10 8.5v7l5.5-3.5z"/>',
  document: '<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 12h6M9 15h6M9 18h4"/>',
  documentSigned: '<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 13l2 2 4-4"/>',
  printer: '<path d="M7 9V3h10v6M7 17H4v-8h16v8h-3M7 14h10v7H7z"/>',
  chat: '<path d="M4 5h16v11H10l-4 4v-4H4z"/>',
  chatDot: '<path d="M4 5h16v11H10l-4 4v-4H4z"/><circle cx="18" cy="6" r="2.5"/>',
  check: '<path d="M5 12.5l4.5 4.5L19 7.5"/>',
  circleCheck: '<circle cx="12" cy="12" r="8.5"/><path d="M8 12.5l3 3 5-6"/>',
  circleCross: '<circle cx="12" cy="12" r="8.5"/><path d="M9 9l6 6M15 9l-6 6"/>',
  info: '<circle cx="12" cy="12" r="8.5"/><path d="M12 11v6M12 7.5v.5"/>',
  attention: '<path d="M12 3.5L21 19.5H3z"/><path d="M12 10v4.5M12 17v.5"/>',
  link: '<path d="M10 14l4-4M8.5 11.5l-2 2a3 3 0 0 0 4 4l2-2M15.5 12.5l2-2a3 3 0 0 0-4-4l-2 2"/>',
  unlink: '<path d="M8.5 11.5l-2 2a3 3 0 0 0 4 4l2-2M15.5 12.5l2-2a3 3 0 0 0-4-4l-2 2M4 4l16 16"/>',
  store: '<path d="M4 9l2-5h12l2 5M4 9h16v11H4zM9 20v-6h6v6"/>',
  cart: '<path d="M3 4h3l2.5 11h10L21 7H7"/><circle cx="10" cy="19" r="1.5"/><circle cx="17" cy="19" r="1.5"/>',
  eye: '<path d="M2.5 12s3.5-6 9.5-6 9.5 6 9.5 6-3.5 6-9.5 6-9.5-6-9.5-6z"/><circle cx="12" cy="12" r="2.5"/>',
  stages: '<path d="M3 7h6l2 5-2 5H3l2-5zM13 7h6l2 5-2 5h-6l2-5z"/>',
  coins: '<ellipse cx="12" cy="6.5" rx="7" ry="2.5"/><path d="M5 6.5v5c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-5M5 11.5v5c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-5"/>',
  wallet: '<path d="M4 7h15v12H4zM4 7l11-3v3M15 13h4"/>',
  card: '<rect x="3" y="6" width="18" height="12" rx="1.5"/><path d="M3 10h18M6.5 14.5h4"/>',
  clock: '<circle cx="12" cy="12" r="8.5"/><path d="M12 7v5l3.5 2"/>',
  calendar: '<rect x="4" y="5.5" width="16" height="14.5" rx="1.5"/><path d="M4 10h16M8 3.5v4M16 3.5v4"/>',
  mail: '<rect x="3.5" y="6" width="17" height="12" rx="1"/><path d="M3.5 7l8.5 6.5L20.5 7"/>',
  tasks: '<path d="M4 6l1.5 1.5L8 5M4 12l1.5 1.5L8 11M4 18l1.5 1.5L8 17M11 6.5h9M11 12.5h9M11 18.5h9"/>',
  sparkle: '<path d="M12 3l2 6 6 2-6 2-2 6-2-6-6-2 6-2zM18.5 16.5l.8 2 2 .8-2 .8-.8 2-.8-2-2-.8 2-.8z"/>',
  robot: '<rect x="5" y="8" width="14" height="11" rx="2"/><path d="M12 4v4M9.5 13v.5M14.5 13v.5M9 16.5h6M3 12v3M21 12v3"/>',
  cycle: '<path d="M19 8a7.5 7.5 0 0 0-13.5 1M5 16a7.5 7.5 0 0 0 13.5-1M19 4v4h-4M5 20v-4h4"/>',
  arrowUp: '<path d="M12 20V5M6 11l6-6 6 6"/>',
  arrowDown: '<path d="M12 4v15M6 13l6 6 6-6"/>',
  person: '<circle cx="12" cy="8" r="3.5"/><path d="M5 20c0-4 3-6 7-6s7 2 7 6"/>',
  camera: '<path d="M3.5 8h4l1.5-2.5h6L16.5 8h4v11h-17z"/><circle cx="12" cy="13" r="3.5"/>',
  copy: '<rect x="8" y="8" width="12" height="12" rx="1"/><path d="M16 8V4H4v12h4"/>',
  bell: '<path d="M6 17V11a6 6 0 0 1 12 0v6l1.5 1.5h-15zM10 20.5h4"/>',
  truck: '<path d="M3 6h11v10H3zM14 10h4l3 3v3h-7"/><circle cx="7" cy="18" r="1.8"/><circle cx="17.5" cy="18" r="1.8"/>',
  video: '<rect x="3" y="6.5" width="12.5" height="11" rx="1.5"/><path d="M15.5 10.5l5-3v9l-5-3"/>',
  flow: '<rect x="3.5" y="4" width="6" height="5"/><rect x="14.5" y="15" width="6" height="5"/><path d="M6.5 9v8.5h8M17.5 15V6.5h-8"/>',
  letter: '<rect x="4" y="4" width="16" height="16" rx="4"/>',
  noImage: '<rect x="3.5" y="5" width="17" height="14" rx="1.5"/><circle cx="9" cy="10" r="1.8"/><path d="M3.5 17l5-4.5 4 3.5 3-2.5 4.5 4"/>',
  plus: '<path d="M12 5v14M5 12h14"/>',
  more: '<circle cx="6" cy="12" r="1"/><circle cx="12" cy="12" r="1"/><circle cx="18" cy="12" r="1"/>',
  pin: '<path d="M9 4h6l-1 5 3 3H7l3-3zM12 12v8"/>',
  trash: '<path d="M5 7h14M10 7V4.5h4V7M7 7l1 13h8l1-13"/>',
} as const;

type ShapeName = keyof typeof SHAPES;

/** The glyph of each system icon code (SYSTEM_ICON_CODES). */
const ICON_SHAPES: Readonly<Record<string, ShapeName>> = {
  call: "phone", "call-incoming-missed": "phoneMissed", "call-incoming": "phoneIn", "call-completed": "circleCheck",
  "call-outcoming": "phoneOut", document: "document", IM: "chat", "circle-check": "circleCheck", info: "info",
  relation: "link", link: "link", unlink: "unlink", store: "store", view: "eye", "stage-change": "stages", sum: "coins",
  "open-line-incoming-message": "chatDot", clock: "clock", "mail-outcome": "mail", complete: "check", check: "check",
  comment: "chat", sms: "chat", whatsapp: "chat", task: "tasks", pipeline: "stages", wallet: "wallet", attention: "attention",
  "bank-card": "card", conversion: "cycle", calendar: "calendar", "circle-crossed": "circleCross", "task-ping": "bell",
  "task-new-comment": "chatDot", "task-viewed-comment": "chat", "task-activity": "tasks", "ai-copilot": "sparkle",
  "ai-process": "sparkle", restoration: "cycle", "arrow-up": "arrowUp", "arrow-down": "arrowDown", visit: "person",
  camera: "camera", copy: "copy", robot: "robot", "cycle-equal": "cycle", bizproc: "flow", "message-with-point": "chatDot",
  booking: "calendar",
};

/** The glyph of each system logo code (SYSTEM_LOGO_CODES). */
const LOGO_SHAPES: Readonly<Record<string, ShapeName>> = {
  "call-play-record": "play", "call-default": "phone", "call-incoming": "phoneIn", "call-outgoing": "phoneOut",
  document: "document", "document-print": "printer", "document-signed": "documentSigned", "document-draft": "document",
  "channel-chat": "chat", "channel-avito": "chat", "channel-apple": "chat", "channel-fb": "chat", "channel-fb-chat": "chat",
  "channel-instagram-direct": "chat", "channel-bitrix": "chat", "channel-ok": "chat", "channel-telegram": "chat",
  "channel-viber": "chat", "channel-vk": "chat", "channel-vk-order": "cart", "channel-whatsapp-bitrix": "chat",
  "channel-edna": "chat", "channel-whatsapp": "chat", "mail-outcome": "mail", "list-check": "tasks", shop: "store",
  notification: "bell", comment: "chat", sms: "chat", "shop-eye": "eye", "bank-card": "card", "calendar-share": "calendar",
  "unread-comment": "chatDot", "task-activity": "tasks", "ai-copilot": "sparkle", zoom: "video", bizproc: "flow",
  "bizproc-task": "flow", delivery: "truck",
};

/**
 * Logos Bitrix24 draws as full-colour pictures rather than a blue glyph on light blue
 * (preview-facts.md, "Body").
 */
const PICTURE_LOGOS: ReadonlySet<string> = new Set(["document", "document-signed", "document-print", "call-play-record", "notification", "delivery"]);

function svg(shape: ShapeName, className: string): string {
  return `<svg class="${className}" viewBox="0 0 24 24" aria-hidden="true">${SHAPES[shape]}</svg>`;
}

/** The glyph of an icon code, or undefined for a code the preview has none for (a portal's own). */
export function iconGlyph(code: string): string | undefined {
  const shape = Object.hasOwn(ICON_SHAPES, code) ? ICON_SHAPES[code] : undefined;
  return shape === undefined ? undefined : svg(shape, "b24-glyph");
}

/** The glyph of a logo code, or undefined for a code the preview has none for. */
export function logoGlyph(code: string): string | undefined {
  const shape = Object.hasOwn(LOGO_SHAPES, code) ? LOGO_SHAPES[code] : undefined;
  return shape === undefined ? undefined : svg(shape, "b24-glyph");
}

export function isPictureLogo(code: string): boolean {
  return PICTURE_LOGOS.has(code);
}

/** The "no image" glyph Bitrix24 shows in a logo box by default, and the small glyphs of the page's chrome. */
export function chromeGlyph(name: "noImage" | "plus" | "more" | "pin" | "clock" | "trash"): string {
  return svg(name, "b24-glyph");
}

/** Every system code has a glyph: a test asserts this against the model's lists. */
export const GLYPH_COVERAGE = {
  iconsWithout: SYSTEM_ICON_CODES.filter((c) => !Object.hasOwn(ICON_SHAPES, c)),
  logosWithout: SYSTEM_LOGO_CODES.filter((c) => !Object.hasOwn(LOGO_SHAPES, c)),
};

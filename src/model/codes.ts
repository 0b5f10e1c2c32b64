/**
 * System icon and logo codes (spec §10). Portals can register their own codes, so a code outside
 * these lists is a warning, not an error.
 */

/** System icon codes: the superset of all server snapshots (spec §10.1). */
export const SYSTEM_ICON_CODES: readonly string[] = [
  "call", "call-incoming-missed", "call-incoming", "call-completed", "call-outcoming", "document", "IM",
  "circle-check", "info", "relation", "link", "unlink", "store", "view", "stage-change", "sum",
  "open-line-incoming-message", "clock", "mail-outcome", "complete", "check", "comment", "sms", "whatsapp",
  "task", "pipeline", "wallet", "attention", "bank-card", "conversion", "calendar", "circle-crossed",
  "task-ping", "task-new-comment", "task-viewed-comment", "task-activity", "ai-copilot", "ai-process",
  "restoration", "arrow-up", "arrow-down", "visit", "camera", "copy", "robot", "cycle-equal", "bizproc",
  "message-with-point", "booking",
];

/** System logo codes (spec §10.2). */
export const SYSTEM_LOGO_CODES: readonly string[] = [
  "call-play-record", "call-default", "call-incoming", "call-outgoing", "document", "document-print",
  "document-signed", "document-draft", "channel-chat", "channel-avito", "channel-apple", "channel-fb",
  "channel-fb-chat", "channel-instagram-direct", "channel-bitrix", "channel-ok", "channel-telegram",
  "channel-viber", "channel-vk", "channel-vk-order", "channel-whatsapp-bitrix", "channel-edna",
  "channel-whatsapp", "mail-outcome", "list-check", "shop", "notification", "comment", "sms", "shop-eye",
  "bank-card", "calendar-share", "unread-comment", "task-activity", "ai-copilot", "zoom", "bizproc",
  "bizproc-task",
];

/** A catalogue of system codes and the method that registers a portal's own codes (spec §10). */
export interface CodeCatalogueSpec {
  /** How messages name a code of the catalogue: "icon", "logo". */
  readonly title: string;
  readonly systemCodes: readonly string[];
  /** The REST method that adds a custom code to a portal. */
  readonly addMethod: string;
}

/** The icon and logo catalogues by `CodeCatalogue` name (badges are declared per file, spec §8). */
export const CODE_CATALOGUES: Readonly<Record<"icon" | "logo", CodeCatalogueSpec>> = {
  icon: { title: "icon", systemCodes: SYSTEM_ICON_CODES, addMethod: "crm.timeline.icon.add" },
  logo: { title: "logo", systemCodes: SYSTEM_LOGO_CODES, addMethod: "crm.timeline.logo.add" },
};

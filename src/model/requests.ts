/**
 * The REST methods whose params wrap a payload with the ids of its target (spec §1, §5): which id
 * picks the method, and which ids each one needs beside the payload.
 */

export interface RequestMethod {
  readonly method: string;
  /** The params DTO (dtos.ts); the declaration that writes it names the payload's field (DeclarationSpec.request). */
  readonly dto: string;
  /** The id only this method takes: written, it picks the method. */
  readonly selectedBy: string;
  /** Every id the method needs beside the payload, in the order the server documents them. */
  readonly requires: readonly string[];
  /** Who may call it: `app` needs an app's OAuth token (a webhook gets ERROR_WRONG_CONTEXT). */
  readonly context: "app";
}

export const REQUEST_METHODS: readonly RequestMethod[] = [
  {
    method: "crm.timeline.layout.blocks.set",
    dto: "BlocksSetParams",
    selectedBy: "timelineId",
    requires: ["entityTypeId", "entityId", "timelineId"],
    context: "app",
  },
  {
    method: "crm.activity.layout.blocks.set",
    dto: "BlocksSetParams",
    selectedBy: "activityId",
    requires: ["entityTypeId", "entityId", "activityId"],
    context: "app",
  },
];

/** The methods whose params are `dto`. */
export function requestMethodsOf(dto: string): readonly RequestMethod[] {
  return REQUEST_METHODS.filter((m) => m.dto === dto);
}

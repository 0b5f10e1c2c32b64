/**
 * `b24layout/valid-payload` end to end: the real ESLint command line on two small projects, one
 * JavaScript (ESLint's own parser) and one TypeScript (typescript-eslint's parser), each with the
 * eslint.config.js docs/eslint.md gives, importing the built plugin (dist/eslint.mjs: `npm test`
 * builds before it runs the tests). Every finding's rule, message and exact place (line and
 * column, start and end) is asserted; the calls whose payload is not known statically, the methods
 * the checker does not know and real valid payloads of the shared corpus give nothing.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { scratch } from "../cli/fixtures.js";

const ROOT = resolve(import.meta.dirname, "../..");
const ESLINT = join(ROOT, "node_modules/eslint/bin/eslint.js");
const PLAIN = { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", FORCE_COLOR: "0" };
/** The shared corpus, as test/golden keeps it (verbatim copies). */
const CORPUS = join(ROOT, "test/golden/corpus");

const GUIDE = readFileSync(join(ROOT, "docs/eslint.md"), "utf8");
const guideSection = (title: string) => GUIDE.slice(GUIDE.indexOf(`## ${title}`)).split(/\n## /)[0]!;
const PAYLOADS = guideSection("JavaScript and TypeScript payloads");

/** A config of docs/eslint.md with its imports pointed at the built plugin and this repository's typescript-eslint. */
function asInstalled(config: string): string {
  const tseslint = pathToFileURL(createRequire(import.meta.url).resolve("typescript-eslint")).href;
  return config.replace('"b24layout/eslint"', JSON.stringify(pathToFileURL(join(ROOT, "dist/eslint.mjs")).href)).replace('"typescript-eslint"', JSON.stringify(tseslint));
}

/** The guide's set-up config (a JavaScript project needs nothing more) and its TypeScript config. */
const JS_CONFIG = asInstalled(/`eslint\.config\.js`:\n\n```js\n([\s\S]*?)```/.exec(guideSection("Set-up"))![1]!);
const TS_CONFIG = asInstalled(/<!-- config: ts -->\n```js\n([\s\S]*?)```/.exec(PAYLOADS)![1]!);

interface Finding {
  readonly ruleId: string | null;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

/** Runs ESLint in a project and gives each file's findings as `line:column-endLine:endColumn message`. */
function lint(files: Record<string, string>, config: string): Record<string, string[]> {
  const cwd = scratch({ "package.json": '{ "name": "app", "private": true, "type": "module" }\n', "eslint.config.js": config, ...files });
  const r = spawnSync(process.execPath, [ESLINT, "--format", "json", "."], { cwd, encoding: "utf8", env: PLAIN });
  expect(r.stderr).toBe("");
  const results = JSON.parse(r.stdout) as { filePath: string; messages: Finding[] }[];
  const byFile: Record<string, string[]> = {};
  for (const result of results) {
    byFile[result.filePath.slice(cwd.length + 1)] = result.messages.map((m) => {
      expect(m.ruleId).toBe("b24layout/valid-payload");
      return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`;
    });
  }
  return byFile;
}

/** A corpus payload as the params of a call, indented as a project would write it. */
function corpus(name: string): string {
  return readFileSync(join(CORPUS, name), "utf8").trim().replace(/\n/g, "\n  ");
}

const NO_ICON = `This layout is missing required 'icon'; the server answers "Field icon is required for LayoutDto." (b24layout/required-field)`;
const NO_LOGO = `This body is missing required 'logo'; the server answers "Field logo is required for BodyDto." (b24layout/required-field)`;
const TAG_COLOUR = (colour: string) =>
  `'${colour}' is not a valid 'color' for a text block; expected base_50, base_60, base_70 or base_90. The server answers "The value of color in TextDto is incorrect." (b24layout/enum-value)`;
const NO_SUCH_ACTION = (type: string) =>
  `'${type}' is not a valid 'type' for an action; expected redirect, restEvent or openRestApp. The server answers "The value of type in ActionDto is incorrect." (b24layout/enum-value)`;
const BADGE_TYPE = (type: string) =>
  `'${type}' is not a valid 'type' for a badge; expected warning, success, failure, primary or secondary. The server answers "Wrong value of field \`type\`" (b24layout/enum-value)`;

/** A third of the real configurable-activity payloads the issue found would be rejected, for these mistakes. */
const MISTAKES_JS = `/* An app's activity, with the mistakes real apps made. */
export function addCallActivity(dealId) {
  return BX24.callMethod("crm.activity.configurable.add", {
    ownerTypeId: 2,
    ownerId: dealId,
    fields: { typeId: "CONFIGURABLE", completed: false },
    layout: {
      header: { title: "Missed call", tags: { status: { title: "Missed", type: "failure" } } },
      body: {
        blocks: {
          client: { type: "text", properties: { value: "Klaus Weber", color: "success" } },
          open: { type: "link", properties: { text: "Open", action: { type: "openUrl", uri: "/crm/deal/details/1/" } } },
        },
      },
    },
  }, (result) => result.error() && console.error(result.error()));
}

export async function badges($b24) {
  await $b24.callMethod("crm.activity.badge.add", { code: "missedCall", title: "Call", value: "Missed", type: "danger" });
  await $b24.actions.v2.call.make({
    method: "crm.activity.badge.add",
    params: { code: "lateCall", title: "Call", value: "Late", type: "alert" },
  });
}

export function batch(entityId, timelineId) {
  BX24.callBatch({
    blocks: ["crm.timeline.layout.blocks.set", { entityTypeId: 2, entityId, timelineId, layout: { blocks: { a: { type: "text", properties: { value: "x", color: "failure" } } } } }],
    deal: ["crm.deal.get", { id: entityId }],
    badge: { method: "crm.activity.badge.add", params: { code: "c", title: "T", value: "V", type: "red" } },
  });
}
`;

/** Payloads whose parts are not known statically, and methods the checker does not know. */
const NOTHING_JS = `import { buildLayout } from "./layouts.js";

export function dynamic(BX24, base, icon, ownerId, layout, params, method) {
  BX24.callMethod("crm.activity.configurable.add", { ownerTypeId: 2, ownerId, fields: base.fields, layout: { ...base.layout, header: { title: "T" } } });
  BX24.callMethod("crm.activity.configurable.add", { ownerTypeId: 2, ownerId, fields: { typeId: "CONFIGURABLE" }, layout: { icon, header: { title: "T" }, body: { logo: base.logo, blocks: base.blocks } } });
  BX24.callMethod("crm.activity.configurable.add", { ownerTypeId: 2, ownerId, fields: { typeId: "CONFIGURABLE" }, layout: buildLayout() });
  BX24.callMethod("crm.activity.configurable.add", { ownerTypeId: 2, ownerId, fields: { typeId: "CONFIGURABLE" }, layout });
  BX24.callMethod("crm.activity.badge.add", params);
  BX24.callMethod("crm.activity.badge.add", { code: "c", title: "T", value: "V", type: "danger", ...params });
  BX24.callMethod(method, { type: "danger" });
  BX24.callMethod(\`crm.activity.\${method}\`, { type: "danger" });
  BX24.callMethod("crm.deal.add", { fields: { TITLE: "x", icon: { code: "nope" } } });
  BX24.callBatch([["crm.item.update", { entityTypeId: 2, id: 1, fields: { color: "failure" } }]]);
}
`;

/** The shared corpus's request payloads, written as calls. */
const CORPUS_JS = `export function corpus(BX24) {
  BX24.callMethod("crm.activity.configurable.add", ${corpus("activity-configurable-add-request.json").replace('"**put_current_date_time_here**"', "deadline")});
  BX24.callMethod("crm.timeline.layout.blocks.set", ${corpus("timeline-layout-blocks-set-request.json")});
  BX24.callMethod("crm.activity.badge.add", ${corpus("badge-add-request.json")});
  BX24.callMethod("crm.item.details.configuration.set", ${corpus("item-details-configuration-set-contact.json")});
  BX24.callMethod("crm.deal.details.configuration.set", ${corpus("deal-details-configuration-set.json")});
}
`;

const MISTAKES_TS = `import type { B24Hook } from "@bitrix24/b24jssdk";

type BadgeType = "success" | "failure" | "warning" | "primary" | "secondary";

export async function addActivity(b24: B24Hook, ownerId: number): Promise<void> {
  await b24.actions.v2.call.make<{ activityId: number }>({
    method: "crm.activity.configurable.add",
    params: {
      ownerTypeId: 2,
      ownerId,
      fields: { typeId: "CONFIGURABLE" as const, completed: false },
      layout: {
        icon: { code: "call-completed" },
        header: { title: "Call back" as string },
        body: {
          logo: { code: "call-incoming" },
          blocks: {
            note: { type: "text", properties: { value: "Overdue", color: "warning" as const } },
            open: { type: "link", properties: { text: "Open", action: { type: "openSlider", uri: "/crm/deal/details/1/" }! } },
          },
        },
      } satisfies object,
    },
  });
  await b24.actions.v2.batch.make({
    calls: [
      ["crm.activity.badge.add", { code: "a", title: "A", value: "A", type: "danger" as BadgeType }],
      { method: "crm.activity.badge.add", params: <Record<string, string>>{ code: "b", title: "B", value: "B", type: "secondary" } },
    ],
    options: { isHaltOnError: true },
  });
}
`;

/** A payload for the guide's options: a portal's icon and logo, string booleans, an empty badge title. */
const OPTIONS_JS = [
  'BX24.callMethod("crm.activity.configurable.add", { ownerTypeId: 2, ownerId: 1, fields: { typeId: "CONFIGURABLE" }, layout: {',
  '  icon: { code: "my-icon" },',
  '  header: { title: "Call" },',
  '  body: { logo: { code: "my-logo" }, blocks: { a: { type: "text", properties: { value: "x", bold: "Y" } } } },',
  '  footer: { buttons: { b: { title: "Open", type: "primary", action: { type: "redirect", uri: "/x" }, hideIfReadonly: "true" } } },',
  "} });",
  'BX24.callMethod("crm.activity.badge.add", { code: "late", title: "", value: "Late", type: "warning" });',
].join("\n");

describe("b24layout/valid-payload through ESLint's command line", () => {
  it("takes the options of the guide's example", () => {
    const config = asInstalled(/### Options\n[\s\S]*?```js\n([\s\S]*?)```/.exec(PAYLOADS)![1]!);
    const CASTS = 'The server casts strings (only "true" and "Y", in any case, become true; any other string is false), so this one means true; write true.';
    // The portal's icon and logo are known, an empty badge title is not reported, string booleans are errors.
    expect(lint({ "src/options.js": OPTIONS_JS }, config)["src/options.js"]).toEqual([
      `4:99-4:102 'bold' expects a boolean, not the string "Y". ${CASTS} (b24layout/string-boolean)`,
      `5:118-5:124 'hideIfReadonly' expects a boolean, not the string "true". ${CASTS} (b24layout/string-boolean)`,
    ]);
  });

  it("a JavaScript project: each mistake at its line and column, nothing where the payload is not known", () => {
    const example = /```js\n(BX24\.callMethod[\s\S]*?)```/.exec(PAYLOADS)![1]!;
    const found = lint({ "src/mistakes.js": MISTAKES_JS, "src/nothing.js": NOTHING_JS, "src/corpus.js": CORPUS_JS, "src/options.js": OPTIONS_JS, "src/layouts.js": "export const buildLayout = () => ({});\n", "src/activity.js": example }, JS_CONFIG);
    expect(found["src/mistakes.js"]).toEqual([
      `7:13-15:6 ${NO_ICON}`,
      `9:13-14:8 ${NO_LOGO}`,
      `11:78-11:87 ${TAG_COLOUR("success")}`,
      `12:77-12:86 ${NO_SUCH_ACTION("openUrl")}`,
      `20:111-20:119 ${BADGE_TYPE("danger")}`,
      `23:69-23:76 ${BADGE_TYPE("alert")}`,
      `29:161-29:170 ${TAG_COLOUR("failure")}`,
      `31:99-31:104 ${BADGE_TYPE("red")}`,
    ]);
    expect(found["src/nothing.js"]).toEqual([]);
    expect(found["src/layouts.js"]).toEqual([]);
    // Without the guide's options (above): the icon and logo are unknown, the empty badge title is reported, string booleans are warnings.
    expect(found["src/options.js"]!.map((f) => `${f.split(" ")[0]} ${f.slice(f.lastIndexOf("("))}`)).toEqual([
      "2:17-2:26 (b24layout/unknown-code, a warning)",
      "4:25-4:34 (b24layout/unknown-code, a warning)",
      "4:99-4:102 (b24layout/string-boolean, a warning)",
      "5:118-5:124 (b24layout/string-boolean, a warning)",
      "7:66-7:68 (b24layout/blank-value)",
    ]);
    // The docs' own examples: what b24layout check says of them as JSON, warnings named as such.
    expect(found["src/corpus.js"]).toEqual([
      `13:32-13:35 'isIncomingChannel' expects a boolean, not the string "N". The server accepts it here and reads it as false; write false. (b24layout/string-boolean, a warning)`,
      `15:24-15:32 Activity 'activity' is completed here, and a completed activity's badge is removed: badge 'CUSTOM' never shows. Leave out 'badgeCode', or send it while the activity is open. (b24layout/badge-on-completed, a warning)`,
    ]);
    // The guide's example gives what the guide shows.
    const shown = /```\nsrc\/activity\.js\n([\s\S]*?)```/.exec(PAYLOADS)![1]!.trim().split("\n");
    expect(found["src/activity.js"]!.map((f) => f.replace(/-\S+/, ""))).toEqual(shown.map((l) => l.trim().replace(/^(\S+)\s+error\s+(.*?)\s+b24layout\/valid-payload$/, "$1 $2")));
  });

  it("a TypeScript project with typescript-eslint's parser: through `as`, `satisfies`, `!` and `<T>`, and the SDK's batch", () => {
    const found = lint({ "src/activity.ts": MISTAKES_TS }, TS_CONFIG);
    expect(found["src/activity.ts"]).toEqual([
      `18:74-18:83 ${TAG_COLOUR("warning")}`,
      `19:79-19:91 ${NO_SUCH_ACTION("openSlider")}`,
      `27:77-27:85 ${BADGE_TYPE("danger")}`,
    ]);
  });
});

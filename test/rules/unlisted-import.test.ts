/** unlisted-import, a project rule: an import of a file that is not checked (and built) with the importing one. */
import type { SourceHost } from "../../src/index.js";
import { RuleTester, ruleById, span } from "../support/rule-tester.js";

const LAYOUTS = 'layout card {\n  icon info\n  header "Deal"\n  body {\n    logo document\n    text "x"\n  }\n}\n';
const ACTIVITIES = 'import { card } from "./layouts.b24layout"\n\nactivity reminder {\n  ownerTypeId deal; ownerId 7\n  layout card\n}\n';
const host: SourceHost = { root: "/p", readFile: (path) => (path === "/p/layouts.b24layout" ? LAYOUTS : undefined) };
const ruleTester = new RuleTester({ host });

ruleTester.run(ruleById("unlisted-import"), {
  valid: [
    { name: "an import of a file checked with it", path: "/p/activities.b24layout", code: ACTIVITIES, files: [{ path: "/p/layouts.b24layout", code: LAYOUTS }] },
    { name: "a file without imports", path: "/p/layouts.b24layout", code: LAYOUTS },
  ],
  invalid: [
    {
      name: "an import of a file not checked with it",
      path: "/p/activities.b24layout",
      code: ACTIVITIES,
      errors: [
        {
          path: "/p/activities.b24layout",
          messageId: "notListed",
          message:
            "'card' is imported from './layouts.b24layout', which is not among the files checked: build --target ts would write 'activities.ts' importing './layouts.js', which only a build of that file writes, and that file's findings would go unseen. Check and build './layouts.b24layout' with this file.",
          severity: "error",
          ...span("1:10", "1:14"),
        },
      ],
    },
  ],
});

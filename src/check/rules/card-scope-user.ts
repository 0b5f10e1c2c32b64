import { getEntry, getScalar } from "../../lower/index.js";
import { getDto, getField } from "../../model/index.js";
import { defineRule } from "../rule.js";
import { isCard } from "../rule-helpers/card-sections.js";

/** The `scope` value that means "common settings for everyone", read from the model (`common` → C). */
const COMMON_SCOPE = (() => {
  const field = getField(getDto("CardParams")!, "scope");
  return field?.type.kind === "enum" ? field.type.values.find((v) => v.aliases?.includes("common"))?.value : undefined;
})();

/** `userId` with `scope common`, where it has no effect (spec §11.1). */
export default defineRule({
  meta: {
    id: "card-scope-user",
    description: "Warn about `userId` on a card with `scope common`.",
    why: "`userId` picks whose personal card settings are written; with `scope common` (C) the settings apply to everyone and `userId` is ignored (spec §11.1), which usually means one of the two is a mistake.",
    severity: "warning",
    scope: "declaration",
    spec: "§11.1",
    messages: {
      ignored: "'userId' is ignored with 'scope common': common settings apply to every user. Remove 'userId', or use 'scope personal' to configure that user's card.",
    },
    examples: {
      incorrect: [{ code: 'card c for contact {\n  scope common\n  userId 1\n  main: section "Main" {\n    NAME\n  }\n}\n' }],
      correct: [{ code: 'card c for contact {\n  scope personal\n  userId 1\n  main: section "Main" {\n    NAME\n  }\n}\n' }],
    },
  },
  create(context) {
    return {
      declaration(declaration) {
        if (!isCard(declaration) || COMMON_SCOPE === undefined) return;
        const userId = getEntry(declaration.root, "userId");
        if (userId && getScalar(declaration.root, "scope")?.value === COMMON_SCOPE) {
          context.report({ messageId: "ignored", range: userId.keyRange });
        }
      },
    };
  },
});

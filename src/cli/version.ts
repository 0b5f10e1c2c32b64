/** The package version, for `--version` and the reports that name the tool. */
import pkg from "../../package.json" with { type: "json" };

export const VERSION: string = pkg.version;

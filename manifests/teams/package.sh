#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with your bot's app id + the two icons, zipped flat into build/.
# Usage: manifests/teams/package.sh <microsoft-app-id> [version]
# Package layout: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
APP_ID=${1:-${GtmBot__Teams__AppId:-}}
VERSION=${2:-1.0.0}
if ! [[ "$APP_ID" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "usage: $0 <microsoft-app-id (a GUID)> [version]   (or set GtmBot__Teams__AppId)" >&2
  exit 2
fi
OUT="$HERE/build"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$OUT"
sed -e "s/00000000-0000-0000-0000-000000000000/$APP_ID/g" -e "s/\"version\": \"1.0.0\"/\"version\": \"$VERSION\"/" \
  "$HERE/manifest.json" > "$STAGE/manifest.json"
cp "$HERE/color.png" "$HERE/outline.png" "$STAGE/"
rm -f "$OUT/gtmbot-teams.zip"
if command -v zip >/dev/null; then
  (cd "$STAGE" && zip -q -X "$OUT/gtmbot-teams.zip" manifest.json color.png outline.png)
else
  python3 - "$STAGE" "$OUT/gtmbot-teams.zip" <<'PY'
import sys, zipfile, pathlib
stage, out = pathlib.Path(sys.argv[1]), sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(stage / name, name)
PY
fi
echo "$OUT/gtmbot-teams.zip"

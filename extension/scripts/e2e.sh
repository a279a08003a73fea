#!/usr/bin/env bash
# The extension's whole test: unit tests, the bundled server over LSP (run from the
# unpacked .vsix, outside the repository), and the real VS Code workbench
# (code-server) driven by Playwright in Debian's Chromium. Installs what it needs
# (npm packages, code-server in a cache folder, chromium and build tools via apt
# when run as root) and exits non-zero when the extension does not work.
# Screenshots: extension/test-artifacts/.
set -euo pipefail
EXT=$(cd "$(dirname "$0")/.." && pwd)
REPO=$(cd "$EXT/.." && pwd)
cd "$EXT"

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
[ -d "$REPO/node_modules/vscode-languageserver" ] || (cd "$REPO" && npm ci)
# The CLI (dist/) says what the status bar must show; the build also writes the rule cache the bundle ships.
[ -d "$REPO/dist/cli" ] || (cd "$REPO" && npm run build)
[ -d "$EXT/node_modules/esbuild" ] || npm ci

CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
if [ -z "$CHROMIUM" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/dev/null
  CHROMIUM=$(command -v chromium)
fi
[ -n "$CHROMIUM" ] || { echo "e2e: needs chromium (Debian: apt-get install chromium)" >&2; exit 1; }

echo "== package"
npm run --silent package
VERSION=$(node -p "require('./package.json').version")
VSIX="$EXT/klar-$VERSION.vsix"

W=$(mktemp -d)
CS_PID=
cleanup() {
  if [ -n "$CS_PID" ]; then kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; fi
  if [ -n "${KLAR_E2E_KEEP:-}" ]; then echo "e2e: kept $W" >&2; else rm -rf "$W"; fi
}
trap cleanup EXIT

echo "== unit tests and the bundled server (from the unpacked .vsix)"
python3 -m zipfile -e "$VSIX" "$W/vsix"
# A failure here does not stop the workbench test: one run shows everything that is wrong.
unit_status=0
KLAR_SERVER_ROOT="$W/vsix/extension/server" node --test dist/test/ || unit_status=$?

echo "== code-server"
CS=$(bash "$EXT/scripts/install-code-server.sh")
# Keep code-server and Chromium away from the real home folder.
export HOME=$W/home XDG_CONFIG_HOME=$W/config XDG_DATA_HOME=$W/data XDG_STATE_HOME=$W/state XDG_CACHE_HOME=$W/cache
mkdir -p "$HOME" "$W/ws"
cat > "$W/ws/beslut.md" <<'DOC'
# Beslut om bostadsbidrag

Vi har erhållit din ansökan om bostadsbidrag. Försäkringskassan kommer att fatta beslut i ärendet så snart som möjligt.

## Vad händer nu?

Du ska inkomma med en kopia av hyresavtalet för år 2024 samt lönebesked för de tre senaste månaderna.
DOC
# Never opened in the test: only "Check all documents in the workspace" finds it.
printf 'Vi har mottatt søknaden din. Kommunen vil foreta en vurdering av saken og gi deg svar innen tre uker.\n' > "$W/ws/vedtak.txt"
# What the CLI says of the same document is what the status bar must show.
read -r EXPECT_LIX EXPECT_BAND < <(node "$REPO/bin/klar.js" check "$W/ws/beslut.md" --format json --fail-on never |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s).files[0].metrics;console.log(Math.round(m.lix)+" "+m.difficultyBand)})')

# No gallery, update or experiment requests: the test must not depend on the network.
mkdir -p "$W/ud/User"
cat > "$W/ud/User/settings.json" <<'JSON'
{
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "workbench.enableExperiments": false,
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none"
}
JSON
COMMON=(--user-data-dir "$W/ud" --extensions-dir "$W/ext" --config "$W/cs.yaml")
"$CS" "${COMMON[@]}" --install-extension "$VSIX" >"$W/install.log" 2>&1 || { cat "$W/install.log"; exit 1; }
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$CS" "${COMMON[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$W/ws" >"$W/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 300); do
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$CS_PID" 2>/dev/null || { cat "$W/code-server.log"; exit 1; }
  sleep 0.2
done

echo "== VS Code (code-server $("$CS" --version 2>/dev/null | grep -o 'with Code [0-9.]*')) in Chromium"
mkdir -p "$EXT/test-artifacts"
status=0
CS_URL="http://127.0.0.1:$PORT/" ARTIFACTS="$EXT/test-artifacts" CHROMIUM="$CHROMIUM" \
  EXPECT_BAND="$EXPECT_BAND" EXPECT_LIX="$EXPECT_LIX" \
  timeout 300 node dist/e2e/code-server.mjs || status=$?
if [ "$status" != 0 ]; then
  echo "e2e: failed; screenshots in extension/test-artifacts/, code-server's log:" >&2
  tail -n 40 "$W/code-server.log" >&2
  # The extension host's log and klar's own output channel.
  find "$W/ud/logs" \( -name 'remoteexthost.log' -o -path '*klar.klar*' \) -exec tail -n 40 {} + >&2 2>/dev/null || true
fi
if [ "$unit_status" != 0 ]; then echo "e2e: the unit or server tests failed (see above)" >&2; exit "$unit_status"; fi
exit "$status"

#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench, served to a browser) from the
# npm registry into a cache folder outside the repository, and prints the path of
# its launcher. A plain `npm install code-server` fails offline: its postinstall
# downloads ripgrep from GitHub and runs `npx node-gyp` (refused where npm's `yes`
# is false). This does what that postinstall does, with Debian's rg instead.
# Needs: build-essential, python3, libkrb5-dev (kerberos builds from source) and ripgrep.
set -euo pipefail

VERSION=4.100.3   # VS Code 1.100.3; the last code-server release that runs on Node 20
CACHE=${KLAR_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klar-e2e}
DIR=$CACHE/code-server-$VERSION
LAUNCHER=$DIR/node_modules/.bin/code-server

if [ -f "$DIR/.complete" ] && [ -x "$LAUNCHER" ]; then
  echo "$LAUNCHER"
  exit 0
fi

missing=()
for tool in rg cc make python3; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
command -v krb5-config >/dev/null 2>&1 || missing+=("libkrb5-dev")  # kerberos builds against its headers
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing build-essential python3 libkrb5-dev ripgrep (missing: ${missing[*]})" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      build-essential python3 libkrb5-dev ripgrep) >&2
  else
    echo "code-server needs: ${missing[*]} (Debian: apt-get install build-essential python3 libkrb5-dev ripgrep)" >&2
    exit 1
  fi
fi

rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{"private":true}' > package.json
# node-pty's install step runs `npx node-gyp`, which asks for confirmation unless told yes.
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
{
  npm install --no-save --ignore-scripts "code-server@$VERSION"
  npm rebuild argon2
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # Native modules (node-pty, spdlog, kerberos, watcher …); ripgrep's script sees bin/ and skips its download.
  npm rebuild
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev)
} >&2
touch "$DIR/.complete"
echo "$LAUNCHER"

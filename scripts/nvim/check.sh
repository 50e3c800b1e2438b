#!/usr/bin/env bash
# Proves the language server works in Neovim: headless nvim opens a policy with a comment (which
# IAM rejects), waits for the server's diagnostics and prints them. Exits non-zero when none
# arrive or the expected `json-comment` diagnostic is missing.
#   scripts/nvim/check.sh            # runs the server from source (node --import tsx)
#   CONNECT_IAM_LSP_CMD="node $PWD/dist/server.js --stdio" scripts/nvim/check.sh   # the bundle
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command -v nvim >/dev/null || { echo "nvim is not installed" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
policy="$work/recordings.policy.json"
# The seed's S3 call-recording policy with a comment in it.
sed 's|"Sid": "VisualEditor0",|// call recordings\n      "Sid": "VisualEditor0",|' \
  "$root/test/fixtures/seed-real/s3-call-recordings.policy.json" > "$policy"

export CONNECT_IAM_LSP_CMD="${CONNECT_IAM_LSP_CMD:-node --import tsx $root/server/src/lsp/main.ts --stdio}"
cd "$work"
timeout 60 nvim --headless -n -i NONE -u "$here/init.lua" "$policy" -c "luafile $here/check.lua" 2>&1

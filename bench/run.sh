#!/usr/bin/env bash
# Benchmarks article30 against openpyxl and the raw excelize StreamWriter.
# Usage: bench/run.sh [-sizes 100,1000,10000] [-records 1000000]
# Needs Go; installs Debian's python3-openpyxl when no Python has openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."

# python picks a Python 3 that can import openpyxl: the one on PATH, or
# Debian's, which apt-get installs the package for.
python=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
    python=$(command -v "$p"); break
  fi
done
if [ -z "$python" ]; then
  echo "installing python3-openpyxl (apt-get)" >&2
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-openpyxl >/dev/null
  python=/usr/bin/python3
fi

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/article30" ./cmd/article30
go build -o "$bin/bench" ./bench
cp bench/openpyxl_write.py "$bin/"
echo "openpyxl $("$python" -c 'import openpyxl; print(openpyxl.__version__)'), $(go version | cut -d' ' -f3), $(nproc) CPUs" >&2
"$bin/bench" -cli "$bin/article30" -python "$python" "$@"

#!/usr/bin/env bash
# Builds one git work tree holding the committed files of several checkouts side by side, each in a folder named
# after it, as a single commit: a repository of a given size from real code (efcore + typeorm = 9,995 files, the
# 10,000-file case of the memory target).
#   bench/combined-tree.sh OUT CHECKOUT...
set -euo pipefail
out=$1; shift
[ -e "$out" ] && { echo "$out exists; remove it or pick another path." >&2; exit 1; }
mkdir -p "$out"
git -C "$out" init -q
for checkout in "$@"; do
  name=$(basename "$checkout")
  mkdir "$out/$name"
  git -C "$checkout" archive HEAD | tar -x -C "$out/$name"
done
git -C "$out" -c core.autocrlf=false add -A
git -C "$out" -c user.name=bench -c user.email=bench@localhost -c core.autocrlf=false commit -qm "$* side by side"
echo "$out: $(git -C "$out" ls-files | wc -l) files"

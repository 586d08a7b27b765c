#!/bin/bash
# Proves check-dockerfiles.sh catches what it claims to: runs it on a deliberately bad Dockerfile.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/bad.Dockerfile" <<'BAD'
FROM ubuntu
FROM nvidia/cuda:latest
FROM mcr.microsoft.com/dotnet/runtime:lts
ADD https://example.com/tool.tar.gz /opt/
COPY docker/no-such-file /x
ENTRYPOINT /usr/local/bin/yarndl-entrypoint
CMD yarndl-trainer
USER root
BAD
rc=0; out="$("$here/check-dockerfiles.sh" "$tmp/bad.Dockerfile" 2>&1)" || rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: expected exit 1, got $rc"; echo "$out"; exit 1; }
for want in "FROM ubuntu: no tag" "':latest' is not pinned" "tag has no version number" "ADD of a URL" \
            "COPY source docker/no-such-file" "ENTRYPOINT in shell form" "CMD in shell form" "USER root" ".dockerignore beside it"; do
  grep -qF -- "$want" <<<"$out" || { echo "FAIL: check did not report: $want"; echo "$out"; exit 1; }
  echo "ok - bad Dockerfile reported: $want"
done

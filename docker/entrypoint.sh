#!/bin/bash
# YarnDL container entrypoint, written for YARN's Docker runtime:
#  - YARN runs the container as the submitting user's uid:gid, which usually has no /etc/passwd entry here;
#  - YARN bind-mounts the container's work dir and starts in it ($PWD); only that dir is ours to write;
#  - YARN's HOME (/home/<user>) normally does not exist in the image.
# So: put HOME, TMPDIR and .NET's caches under the work dir, never touch /etc, then exec the command so
# SIGTERM from `docker stop` / the NodeManager reaches the program itself (no shell in between).
set -euo pipefail

workdir="$(pwd -P 2>/dev/null || true)"
if [ -z "$workdir" ] || [ ! -w "$workdir" ]; then
  # Not started by YARN (or a read-only cwd): use a private scratch dir instead of writing elsewhere.
  workdir="$(mktemp -d "${TMPDIR:-/tmp}/yarndl.XXXXXX")"
  cd "$workdir"
fi

# HOME and TMPDIR must point inside the work dir: YARN's /home/<user> is absent and /tmp is not ours.
case "${HOME:-}" in
  "$workdir" | "$workdir"/*) ;;
  *) export HOME="$workdir" ;;
esac
case "${TMPDIR:-}" in
  "$workdir"/*) ;;
  *) export TMPDIR="$workdir/tmp" ;;
esac
mkdir -p "$TMPDIR"

# A name for the uid without editing /etc/passwd (id -un fails for an unknown uid).
if [ -z "${USER:-}" ]; then
  USER="$(id -un 2>/dev/null || echo "uid$(id -u)")"
  export USER
fi
export LOGNAME="${LOGNAME:-$USER}"

export DOTNET_CLI_HOME="$HOME"
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}"
export DOTNET_BUNDLE_EXTRACT_BASE_DIR="$TMPDIR"

if [ "$#" -eq 0 ]; then
  set -- "${YARNDL_DEFAULT_COMMAND:-yarndl-trainer}"
fi

exec "$@"

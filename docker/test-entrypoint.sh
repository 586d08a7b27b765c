#!/bin/bash
# Tests docker/entrypoint.sh the way YARN's Docker runtime starts it: cwd = the container work dir, HOME set
# to a /home/<user> that does not exist, and (when run as root) an arbitrary uid with no passwd entry.
# No docker needed. Prints one line per check; exits non-zero on the first failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
entry="$here/entrypoint.sh"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok - $*"; }

uid=54321
as_yarn_user=()
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && ! getent passwd "$uid" >/dev/null; then
  as_yarn_user=(setpriv --reuid "$uid" --regid "$uid" --clear-groups)
fi

work="$scratch/nm-local-dir/usercache/alice/appcache/application_1_0001/container_1_0001_01_000002"
mkdir -p "$work"
chmod 0777 "$scratch"
[ ${#as_yarn_user[@]} -gt 0 ] && chown -R "$uid:$uid" "$scratch/nm-local-dir"
sentinel="$scratch/before"; touch "$sentinel"

run() { # run the entrypoint in $work with a YARN-like environment
  (cd "$work" && env -i PATH=/usr/bin:/bin HOME=/home/alice CONTAINER_ID=container_1_0001_01_000002 \
     "${as_yarn_user[@]}" "$entry" "$@")
}

out="$(run bash -c 'echo "HOME=$HOME"; echo "TMPDIR=$TMPDIR"; echo "USER=$USER"; echo "UID=$(id -u)"; echo "PWD=$(pwd -P)"; touch "$HOME/.probe" "$TMPDIR/probe"')"
home="$(sed -n 's/^HOME=//p' <<<"$out")"; tmp="$(sed -n 's/^TMPDIR=//p' <<<"$out")"
[ "$home" = "$(cd "$work" && pwd -P)" ] || fail "HOME should be the work dir, got '$home'"
pass "HOME moved into the container work dir"
case "$tmp" in "$(cd "$work" && pwd -P)"/*) ;; *) fail "TMPDIR not under the work dir: '$tmp'";; esac
pass "TMPDIR under the work dir"
grep -q '^USER=.\+' <<<"$out" || fail "USER not set"
pass "USER set without a passwd entry ($(sed -n 's/^USER=//p' <<<"$out"), uid $(sed -n 's/^UID=//p' <<<"$out"))"
[ -e "$work/.probe" ] && [ -e "$work/tmp/probe" ] || fail "files not written in the work dir"
stray="$(find "$scratch" -newer "$sentinel" -type f ! -path "$work/*" | head -1)"
[ -z "$stray" ] || fail "wrote outside the work dir: $stray"
pass "writes stay inside the work dir"

mkdir -p "$scratch/bin"; printf '#!/bin/bash\necho "trainer-ran $*"\n' > "$scratch/bin/yarndl-trainer"; chmod 0755 "$scratch/bin" "$scratch/bin/yarndl-trainer"
out="$(cd "$work" && env -i PATH="$scratch/bin:/usr/bin:/bin" HOME=/home/alice "${as_yarn_user[@]}" "$entry")"
[ "$out" = "trainer-ran " ] || fail "no-argument run should start yarndl-trainer, got '$out'"
pass "no arguments -> yarndl-trainer"

out="$(cd "$work" && env -i PATH=/usr/bin:/bin YARNDL_DEFAULT_COMMAND=true "${as_yarn_user[@]}" "$entry"; echo "rc=$?")"
[ "$out" = "rc=0" ] || fail "YARNDL_DEFAULT_COMMAND not honoured: $out"
pass "YARNDL_DEFAULT_COMMAND picks the default program"

rc=0; run bash -c 'exit 7' || rc=$?
[ "$rc" -eq 7 ] || fail "exit code not propagated (got $rc)"
pass "exit code of the program is the container's exit code"

# exec: the program replaces the entrypoint, so a SIGTERM sent to the entrypoint's pid reaches the program.
log="$scratch/signal.log"; : > "$log"; chmod 0666 "$log"
(cd "$work" && exec env -i PATH=/usr/bin:/bin HOME=/home/alice "${as_yarn_user[@]}" "$entry" \
   bash -c 'trap "echo got-TERM >> '"$log"'; exit 143" TERM; echo ready >> '"$log"'; while :; do sleep 0.05; done') &
pid=$!
for _ in $(seq 1 200); do grep -q ready "$log" && break; sleep 0.05; done
grep -q ready "$log" || fail "program did not start"
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
grep -q got-TERM "$log" || fail "SIGTERM did not reach the program"
[ "$rc" -eq 143 ] || fail "expected exit 143 after SIGTERM, got $rc"
pass "SIGTERM reaches the program (exec, exit 143)"

# A read-only cwd (not started by YARN): falls back to a private temp dir instead of failing.
ro="$scratch/ro"; mkdir -p "$ro"; chmod 0555 "$ro"
out="$(cd "$ro" && env -i PATH=/usr/bin:/bin TMPDIR="$scratch" "${as_yarn_user[@]}" "$entry" bash -c 'pwd -P')"
case "$out" in "$scratch"/yarndl.*) ;; *) fail "read-only cwd not handled: $out";; esac
pass "read-only cwd falls back to a private scratch dir"

[ ${#as_yarn_user[@]} -gt 0 ] && echo "ran as uid $uid (no passwd entry)" || echo "ran as uid $(id -u) (setpriv unavailable or not root)"

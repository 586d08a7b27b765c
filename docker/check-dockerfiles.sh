#!/bin/bash
# Static checks of YarnDL's Dockerfiles (no docker engine needed):
#  base images pinned to a version (no :latest, no bare name), no ADD of URLs, ENTRYPOINT/CMD in exec form,
#  a non-root USER (YARN passes the real uid at run time), COPY sources present, a .dockerignore per Dockerfile.
# Usage: check-dockerfiles.sh [Dockerfile...]   (default: docker/*.Dockerfile). Exit 1 on any problem.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
files=("$@")
[ ${#files[@]} -eq 0 ] && files=("$here"/*.Dockerfile)
problems=0
bad() { echo "$1:$2: $3" >&2; problems=$((problems + 1)); }

for df in "${files[@]}"; do
  declare -A args=()
  stages=()
  user=""; entry=""; n=0
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    line="${line%%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    instr="$(awk '{print toupper($1)}' <<<"$line")"
    rest="$(sed -E 's/^[[:space:]]*[A-Za-z]+[[:space:]]+//' <<<"$line")"
    case "$instr" in
      ARG)
        if [[ "$rest" == *=* ]]; then args["${rest%%=*}"]="${rest#*=}"; fi ;;
      FROM)
        image="$(awk '{print $1}' <<<"$rest")"
        for k in "${!args[@]}"; do image="${image//\$\{$k\}/${args[$k]}}"; done
        stage="$(awk 'toupper($2)=="AS"{print $3}' <<<"$rest")"
        if printf '%s\n' "${stages[@]:-}" | grep -qx -- "$image"; then :
        elif [[ "$image" == *'$'* ]]; then bad "$df" "$n" "FROM $image: unresolved build argument"
        elif [[ "$image" == *@sha256:* ]]; then :
        elif [[ "${image##*/}" != *:* ]]; then bad "$df" "$n" "FROM $image: no tag; pin a version"
        elif [[ "${image##*:}" == latest ]]; then bad "$df" "$n" "FROM $image: ':latest' is not pinned"
        elif ! [[ "${image##*:}" =~ [0-9] ]]; then bad "$df" "$n" "FROM $image: tag has no version number"
        fi
        [ -n "$stage" ] && stages+=("$stage") ;;
      ADD)
        if [[ "$rest" =~ (https?|ftp):// ]]; then bad "$df" "$n" "ADD of a URL: download in a RUN step with a checksum, or COPY"; fi ;;
      ENTRYPOINT|CMD)
        if ! [[ "$rest" =~ ^\[ ]]; then bad "$df" "$n" "$instr in shell form: use the exec form [\"...\"] so signals reach the program"; fi
        [ "$instr" = ENTRYPOINT ] && entry="$rest" ;;
      USER)
        user="$rest" ;;
      COPY)
        if ! [[ "$rest" =~ --from= ]]; then
          src="$(awk '{print $1}' <<<"$rest")"
          [ "$src" = . ] || [ -e "$root/$src" ] || bad "$df" "$n" "COPY source $src does not exist in the repository"
        fi ;;
      RUN)
        proj="$(grep -oE 'src/[A-Za-z.]+/[A-Za-z.]+\.csproj' <<<"$rest" || true)"
        [ -z "$proj" ] || [ -e "$root/$proj" ] || bad "$df" "$n" "project $proj does not exist" ;;
    esac
  done < "$df"
  [ -n "$entry" ] || bad "$df" "$n" "no ENTRYPOINT"
  case "${user%%:*}" in
    "") bad "$df" "$n" "no USER: the image would run as root outside YARN" ;;
    root|0) bad "$df" "$n" "USER $user: do not run as root" ;;
  esac
  [ -f "$df.dockerignore" ] || bad "$df" 0 "no $(basename "$df").dockerignore beside it"
  if [ -f "$df.dockerignore" ] && ! { grep -qx '\*\*/bin/' "$df.dockerignore" && grep -qx '\*\*/obj/' "$df.dockerignore"; }; then
    bad "$df.dockerignore" 0 "must exclude **/bin/ and **/obj/"
  fi
  unset args
  echo "checked $df"
done

if [ "$problems" -gt 0 ]; then echo "$problems Dockerfile problem(s)" >&2; exit 1; fi
exit 0

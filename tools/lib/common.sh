# Shared by the tools: where the checkout is, and installing Debian packages only when missing.
# Sourced, not run.

DESKPHONE_ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)

say() { printf '%s\n' "$*" >&2; }
die() { printf 'deskphone: %s\n' "$*" >&2; exit 1; }

# apt_install PACKAGE...: installs the named Debian packages that are not installed yet.
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install: ${missing[*]}"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null || die "not a Debian machine; install by hand: ${missing[*]}"
  say "installing ${missing[*]} ..."
  if [ -z "${DESKPHONE_APT_UPDATED:-}" ]; then
    "${sudo[@]}" apt-get update -qq -o DPkg::Lock::Timeout=600 >&2 || die "apt-get update failed"
    export DESKPHONE_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >&2 \
    || die "apt-get install failed for: ${missing[*]}"
}

# need_build_tools: a JDK 17+ and Maven.
need_build_tools() {
  local version=0
  if command -v javac >/dev/null; then
    version=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
  fi
  if [ "${version:-0}" -lt 17 ] 2>/dev/null; then
    apt_install openjdk-17-jdk-headless
  fi
  command -v mvn >/dev/null || apt_install maven
}

# Peers: each tools/peers/<name> script starts one server in a folder of its own, in the background,
# records its PID in <dir>/<name>.pid, and stops it by that PID. Nothing binds beyond loopback.

# wait_for_port PROTO PORT SECONDS: waits until something listens on 127.0.0.1:PORT (udp|tcp).
wait_for_port() {
  local proto=$1 port=$2 seconds=$3 flag i
  [ "$proto" = udp ] && flag=-lun || flag=-ltn
  for ((i = 0; i < seconds * 20; i++)); do
    ss -H "$flag" "sport = :$port" 2>/dev/null | grep -q . && return 0
    sleep 0.05
  done
  return 1
}

# stop_pid_file FILE: stops the process whose PID FILE holds (TERM, then KILL after 5 s).
stop_pid_file() {
  local file=$1 pid i
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true   # baresip needs a second TERM when its registrar is gone
      sleep 0.5
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

# need_command NAME PACKAGE: fails with the package to install when NAME is not on PATH.
need_command() {
  command -v "$1" >/dev/null || die "$1 is missing: tools/setup installs it (Debian package $2)"
}

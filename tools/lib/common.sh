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
    "${sudo[@]}" apt-get update -qq >&2 || die "apt-get update failed"
    export DESKPHONE_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
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

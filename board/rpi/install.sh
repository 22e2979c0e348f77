#!/usr/bin/env bash
# Installs deskphone as a desk phone on a Raspberry Pi 4 or 5 running 64-bit Raspberry Pi OS (Debian
# bookworm), and takes it away again:
#
#   sudo board/rpi/install.sh [--from DIR] [--no-start]
#   sudo board/rpi/install.sh --uninstall [--purge]
#
# DIR is a deskphone tree built with `mvn -B package` (default: the tree this script is in): it needs
# target/deskphone.jar, target/lib/, target/native/linux-aarch64/ and board/. The install
#   - installs the JRE from the distribution (openjdk-17-jre-headless) when missing;
#   - copies the jar, its libraries, the native helpers and the board files to /opt/deskphone, and a
#     `deskphone` command to /usr/local/bin;
#   - creates the system user `deskphone` (groups gpio, i2c, audio; the groups and udev rules giving them
#     the GPIO chips, I2C buses and PWM channels where the system has none, as on plain Debian) and,
#     through the unit's StateDirectory, the data folder /var/lib/deskphone;
#   - installs deskphone.service (restart on failure, systemd watchdog, real-time and memory-lock limits),
#     a tmpfiles rule that sets the CPU governor to performance at boot, and i2c-dev at boot;
#   - turns on I2C and the PWM channel of the reference wiring in the boot config (config.txt, or
#     /etc/default/raspi-firmware-custom on Debian's own images; a reboot applies it);
#   - enables the service and, unless --no-start or a reboot is pending, starts it.
# Everything it adds is recorded in /opt/deskphone/.installed and removed by --uninstall, which keeps
# the data folder unless --purge is given. Packages it installed are removed too.
set -euo pipefail

OPT=/opt/deskphone
STATE=$OPT/.installed
UNIT=/etc/systemd/system/deskphone.service
LAUNCHER=/usr/local/bin/deskphone
TMPFILES=/etc/tmpfiles.d/deskphone.conf
MODULES=/etc/modules-load.d/deskphone.conf
UDEV=/etc/udev/rules.d/60-deskphone.rules
DATA=/var/lib/deskphone
MARK="# added by deskphone install.sh"
BOOT_LINES=("dtparam=i2c_arm=on" "dtoverlay=pwm,pin=12,func=4")

say() { printf 'deskphone install: %s\n' "$*"; }
die() { printf 'deskphone install: %s\n' "$*" >&2; exit 1; }

# Where boot-time settings go: on Raspberry Pi OS, config.txt itself; on Debian's own Pi images the
# raspi-firmware package rewrites config.txt on every kernel update and appends raspi-firmware-custom.
RASPI_FIRMWARE_HOOK=/etc/kernel/postinst.d/z50-raspi-firmware
boot_config() {
  if [ -e "$RASPI_FIRMWARE_HOOK" ]; then
    touch /etc/default/raspi-firmware-custom
    echo /etc/default/raspi-firmware-custom
    return
  fi
  for file in /boot/firmware/config.txt /boot/config.txt; do
    [ -f "$file" ] && { echo "$file"; return; }
  done
}

# boot_config_changed: has raspi-firmware write config.txt again from its settings, where it keeps them.
boot_config_changed() {
  if [ -e "$RASPI_FIRMWARE_HOOK" ]; then
    DEB_MAINT_PARAMS=configure "$RASPI_FIRMWARE_HOOK" >/dev/null 2>&1 \
      || say "raspi-firmware could not rewrite /boot/firmware/config.txt; run: sudo update-initramfs -u"
  fi
}

install_phone() {
  local from=$1 start=$2 here packages=() reboot=no
  [ -f "$from/target/deskphone.jar" ] || die "$from/target/deskphone.jar is missing: run 'mvn -B package' in $from first (on any machine)"
  [ -d "$from/target/lib" ] || die "$from/target/lib is missing: run 'mvn -B package' in $from"
  [ -f "$from/target/native/linux-aarch64/libdeskphone-rt.so" ] \
    || die "the native helpers for aarch64 are missing ($from/target/native/linux-aarch64): build on a machine with gcc-aarch64-linux-gnu"
  [ -f "$from/board/rpi/board.properties" ] || die "$from/board/rpi/board.properties is missing"
  [ "$(uname -m)" = aarch64 ] || die "this is $(uname -m); deskphone's Pi build needs 64-bit Raspberry Pi OS (aarch64)"

  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
    say "installing the JRE (openjdk-17-jre-headless) ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
    packages+=(openjdk-17-jre-headless)
  fi
  # The board's network driver (network = networkmanager) runs dhclient for DHCP options 43/66/100/132,
  # lldpd for the LLDP-MED voice VLAN and nft for the DSCP-to-802.1p table.
  local wanted=() pkg
  for pkg in isc-dhcp-client lldpd nftables; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || wanted+=("$pkg")
  done
  if [ ${#wanted[@]} -gt 0 ]; then
    say "installing ${wanted[*]} ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}"
    packages+=("${wanted[@]}")
  fi

  local groups_added=()
  for group in gpio i2c audio; do
    if ! getent group "$group" >/dev/null; then
      groupadd --system "$group"
      groups_added+=("$group")
    fi
  done
  if ! id deskphone >/dev/null 2>&1; then
    useradd --system --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin deskphone
    say "created the system user deskphone"
  fi
  usermod -a -G gpio,i2c,audio deskphone
  # Raspberry Pi OS gives these groups the GPIO chips, I2C buses and PWM channels; plain Debian does not.
  cat > "$UDEV" <<RULES
$MARK
SUBSYSTEM=="gpio", KERNEL=="gpiochip*", GROUP="gpio", MODE="0660"
SUBSYSTEM=="i2c-dev", GROUP="i2c", MODE="0660"
SUBSYSTEM=="pwm*", PROGRAM="/bin/sh -c 'chgrp -R gpio /sys/class/pwm && chmod -R g=u /sys/class/pwm'"
RULES

  say "copying the phone to $OPT ..."
  rm -rf "$OPT.new"
  install -d -m 0755 "$OPT.new" "$OPT.new/lib" "$OPT.new/native/linux-aarch64"
  install -m 0644 "$from/target/deskphone.jar" "$OPT.new/"
  install -m 0644 "$from"/target/lib/*.jar "$OPT.new/lib/"
  install -m 0644 "$from/target/native/linux-aarch64/libdeskphone-rt.so" "$OPT.new/native/linux-aarch64/"
  cp -r "$from/board" "$OPT.new/board"
  if [ -f "$STATE" ]; then
    cp "$STATE" "$OPT.new/.installed"
  fi
  rm -rf "$OPT"
  mv "$OPT.new" "$OPT"
  here=$OPT/board/rpi

  cat > "$LAUNCHER" <<'LAUNCHER'
#!/bin/sh
# deskphone's command line on this Pi: `sudo systemctl stop deskphone; sudo -u deskphone deskphone selftest`.
exec /usr/bin/java -Ddeskphone.home=/opt/deskphone -Ddeskphone.board=rpi -jar /opt/deskphone/deskphone.jar "$@"
LAUNCHER
  chmod 0755 "$LAUNCHER"
  install -m 0644 "$here/deskphone.service" "$UNIT"
  printf '%s\n# The media path keeps its 20 ms frames on time when the CPU does not clock down.\nw /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor - - - - performance\n' "$MARK" > "$TMPFILES"
  printf '%s\ni2c-dev\n' "$MARK" > "$MODULES"

  local config
  config=$(boot_config || true)
  if [ -n "$config" ]; then
    for line in "${BOOT_LINES[@]}"; do
      if ! sed 's/[[:space:]]*#.*//' "$config" | grep -qxF "$line"; then
        printf '%s %s\n' "$line" "$MARK" >> "$config"
        reboot=yes
        say "$config: added $line"
      fi
    done
    [ "$reboot" = no ] || boot_config_changed
  else
    say "no /boot/firmware/config.txt: turn on I2C and add ${BOOT_LINES[*]} to the boot config yourself"
  fi

  {
    echo "packages=$(echo "$(recorded packages) ${packages[*]:-}" | xargs)"
    echo "groups=$(echo "$(recorded groups) ${groups_added[*]:-}" | xargs)"
  } > "$STATE.new"
  mv "$STATE.new" "$STATE"

  if command -v systemctl >/dev/null; then
    systemctl daemon-reload 2>/dev/null || true
    systemctl enable deskphone.service >/dev/null 2>&1 || systemctl enable deskphone.service
    command -v systemd-tmpfiles >/dev/null && systemd-tmpfiles --create "$TMPFILES" 2>/dev/null || true
    modprobe i2c-dev 2>/dev/null || true
    command -v udevadm >/dev/null && udevadm control --reload 2>/dev/null && udevadm trigger 2>/dev/null || true
    if [ "$start" = yes ] && [ "$reboot" = no ] && [ -d /run/systemd/system ]; then
      systemctl restart deskphone.service
      say "started: 'systemctl status deskphone'; logs in $DATA/logs"
    fi
  fi
  say "installed. Check the hardware with: sudo systemctl stop deskphone; sudo -u deskphone deskphone selftest"
  [ "$reboot" = yes ] && say "the boot config changed: reboot to turn on I2C and PWM (the phone starts by itself)"
  return 0
}

# recorded NAME: what the last install wrote after NAME= in its state file.
recorded() {
  [ -f "$STATE" ] || return 0
  { grep "^$1=" "$STATE" || true; } | cut -d= -f2-
}

uninstall_phone() {
  local purge=$1 packages groups config
  packages=$(recorded packages)
  groups=$(recorded groups)
  if command -v systemctl >/dev/null; then
    systemctl disable --now deskphone.service 2>/dev/null || true
  fi
  rm -f "$UNIT" "$LAUNCHER" "$TMPFILES" "$MODULES" "$UDEV"
  command -v systemctl >/dev/null && systemctl daemon-reload 2>/dev/null || true
  config=$(boot_config || true)
  if [ -n "$config" ] && grep -qF "$MARK" "$config"; then
    sed -i "/$MARK\$/d" "$config"
    boot_config_changed
    say "$config: removed the lines the install added (a reboot applies it)"
  fi
  rm -rf "$OPT"
  if id deskphone >/dev/null 2>&1; then
    userdel deskphone
  fi
  for group in $groups; do
    groupdel "$group" 2>/dev/null || true
  done
  if [ "$purge" = yes ]; then
    rm -rf "$DATA"
    say "removed the data folder $DATA"
  elif [ -d "$DATA" ]; then
    say "kept the data folder $DATA (--purge removes it)"
  fi
  if [ -n "$packages" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq $packages
    say "removed the packages the install added: $packages"
  fi
  say "uninstalled"
}

[ "$(id -u)" -eq 0 ] || die "run as root (sudo)"
from=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
action=install start=yes purge=no
while [ $# -gt 0 ]; do
  case $1 in
    --from) from=$(cd "${2:?--from needs a folder}" && pwd); shift ;;
    --no-start) start=no ;;
    --uninstall) action=uninstall ;;
    --purge) purge=yes ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (--from DIR, --no-start, --uninstall, --purge)" ;;
  esac
  shift
done
if [ "$action" = uninstall ]; then
  uninstall_phone "$purge"
else
  install_phone "$from" "$start"
fi

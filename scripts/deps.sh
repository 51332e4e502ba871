#!/bin/sh
# Installs the Debian 12 packages casus needs, only those missing. Runs
# apt-get as root (or through sudo). Safe to run again.
set -e
PKGS="build-essential pkg-config libyaml-dev libjansson-dev libutf8proc-dev libsqlite3-dev libxml2-dev nettle-dev libcmocka-dev valgrind clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "casus: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends $missing >/dev/null

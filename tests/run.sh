#!/bin/sh
# tests/run.sh BUILD_DIR -- runs every test against the binaries in BUILD_DIR
# (the sanitizer build) and ends with one line "N passed, N failed".
#   1. C unit tests (cmocka), one count per test
#   2. data-driven CLI cases: tests/cases/*/NAME.cmd (+ .out, .err, .status)
#   3. fuzz-corpus replay, one count per target
#   4. the library exports only casus_ / casusi_ symbols
#   5. no leaks under valgrind (plain build), when valgrind is installed
B=${1:-build/san}
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }
export CASUS_DATA=data
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# 1. unit tests
echo "== unit tests"
"$B/test_unit" >"$TMP/unit.out" 2>&1
st=$?
cat "$TMP/unit.out"
p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$TMP/unit.out" | awk '{s+=$1} END {print s+0}')
f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$TMP/unit.out" | awk '{s+=$1} END {print s+0}')
PASS=$((PASS + p))
FAIL=$((FAIL + f))
if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then bad "unit tests exited $st (crash or setup failure)"; fi

# 2. data-driven cases
echo "== cases"
for cmd in tests/cases/*/*.cmd; do
  [ -f "$cmd" ] || continue
  base=${cmd%.cmd}
  name=${base#tests/cases/}
  want_status=0
  [ -f "$base.status" ] && want_status=$(cat "$base.status")
  # shellcheck disable=SC2046
  eval "set -- $(cat "$cmd")"
  "$B/casus" --data data "$@" >"$TMP/out" 2>"$TMP/err"
  got=$?
  msg=""
  [ "$got" -eq "$want_status" ] || msg="exit $got, expected $want_status"
  if [ -f "$base.out" ] && ! cmp -s "$base.out" "$TMP/out"; then
    msg="$msg stdout differs"; diff -u "$base.out" "$TMP/out" | head -20
  fi
  if [ -f "$base.err" ] && ! cmp -s "$base.err" "$TMP/err"; then
    msg="$msg stderr differs"; diff -u "$base.err" "$TMP/err" | head -10
  fi
  if [ -z "$msg" ]; then ok; echo "ok   $name"; else bad "$name:$msg"; fi
done

# 2b. README examples: each "$ ./build/casus ..." block in README.md is run;
# every line shown under it (except "...") must appear in the real output.
echo "== README examples"
awk -v dir="$TMP" '
  /^\$ \.\/build\/casus / { n++; cmd = substr($0, 3); print cmd > (dir "/readme" n ".cmd"); inb = 1; next }
  inb && /^```/ { inb = 0; next }
  inb && $0 != "..." && $0 !~ /^  \.\.\.$/ { print > (dir "/readme" n ".want") }
' README.md
for c in "$TMP"/readme*.cmd; do
  [ -f "$c" ] || continue
  cmdline=$(cat "$c")
  eval "set -- ${cmdline#./build/casus }"
  "$B/casus" --data data "$@" >"$TMP/rout" 2>&1
  missing=""
  if [ -f "${c%.cmd}.want" ]; then
    while IFS= read -r line; do
      grep -qxF -- "$line" "$TMP/rout" || missing="$missing
    $line"
    done <"${c%.cmd}.want"
  fi
  if [ -z "$missing" ]; then ok; echo "ok   README: $cmdline"; else bad "README: $cmdline: lines not in the output:$missing"; fi
done

# 3. fuzz corpus replay
echo "== fuzz corpus replay"
for r in "$B"/fuzz_replay_*; do
  [ -x "$r" ] || continue
  t=${r##*/fuzz_replay_}
  if "$r" "fuzz/corpus/$t" >"$TMP/fz" 2>&1; then ok; echo "ok   fuzz $t: $(cat "$TMP/fz")"; else cat "$TMP/fz"; bad "fuzz replay $t"; fi
done

# 4. exported symbols carry the prefix
echo "== symbol prefix"
leaks=$(nm -g --defined-only "$B/libcasus.a" 2>/dev/null | awk 'NF==3 {print $3}' | grep -v '^casus_' | grep -v '^casusi_' || true)
if [ -z "$leaks" ]; then ok; echo "ok   every exported symbol starts with casus_ or casusi_"; else bad "unprefixed symbols: $leaks"; fi

# 5. valgrind (plain build)
echo "== valgrind"
if command -v valgrind >/dev/null 2>&1 && [ -x build/casus ]; then
  for args in "cascade UKR RUS --where kursk --date 2025-01-01" "obligations USA PRK --date 1970-06-25 --json" "treaty nato-1949 --json" "allies RUS" "check data/treaties/nato-1949.yaml tests/cases/check/bad-date.yaml"; do
    # shellcheck disable=SC2086
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      build/casus --data data $args >/dev/null 2>"$TMP/vg"
    if [ $? -eq 99 ]; then cat "$TMP/vg"; bad "valgrind: casus $args"; else ok; echo "ok   valgrind: casus $args"; fi
  done
else
  echo "skip valgrind (not installed or build/casus missing)"
fi

echo
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]

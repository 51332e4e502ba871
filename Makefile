# casus -- plain make. `make` builds build/casus; `make test` runs every test
# (unit, data-driven cases, fuzz-corpus replay, README examples) on an
# ASan+UBSan build; `make bench` runs the benchmarks on an -O2 build.

CC      ?= cc
PKGS    := yaml-0.1 jansson libutf8proc sqlite3 libxml-2.0 nettle
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Wstrict-prototypes -Wshadow
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
CPPFLAGS := -Iinclude -Isrc $(PKG_CFLAGS)

LIB_SRC := src/arena.c src/error.c src/date.c src/name.c src/yaml_tree.c \
           src/load.c src/kb.c src/query.c src/cascade.c src/json.c \
           src/html.c src/store.c src/token.c src/lexicon.c src/evtypes.c \
           src/news.c src/news_actors.c src/news_dates.c src/news_treaties.c src/news_roles.c src/news_events.c \
           src/news_merge.c src/story.c src/kbdiff.c src/json_news.c \
           src/csv.c src/statesys.c src/atop.c src/dyads.c src/history.c src/extend.c src/kbatop.c src/nmc.c src/similarity.c src/portfolio.c
CLI_SRC := cli/main.c cli/commands.c cli/news.c cli/history.c

# Each build flavour lives in its own folder: build/ (default), build/san/
# (ASan+UBSan, used by the tests), build/bench/ (-O2, no sanitizers).
B ?= build
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)

.PHONY: all deps test unit cases bench fuzz valgrind clean

all: $(B)/casus

deps:
	@sh scripts/deps.sh

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -MMD -MP -c $< -o $@

$(B)/libcasus.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/casus: $(CLI_OBJ) $(B)/libcasus.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libcasus.a $(PKG_LIBS)

$(B)/test_unit: tests/unit/test_main.c tests/unit/*.c $(B)/libcasus.a
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(shell pkg-config --cflags cmocka) -o $@ \
	    tests/unit/test_main.c $(B)/libcasus.a $(PKG_LIBS) $(shell pkg-config --libs cmocka)

$(B)/news_check: tests/tools/news_check.c
	$(CC) $(WARN) $(CFLAGS) $(shell pkg-config --cflags jansson) -o $@ $< $(shell pkg-config --libs jansson)

$(B)/dyad_diff: tests/tools/dyad_diff.c $(B)/libcasus.a
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $< $(B)/libcasus.a $(PKG_LIBS)

$(B)/fuzz_replay_%: fuzz/fuzz_%.c fuzz/replay.c fuzz/fuzz_kb.c $(B)/libcasus.a
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $< fuzz/replay.c fuzz/fuzz_kb.c $(B)/libcasus.a $(PKG_LIBS)

FUZZERS := treaty_file yaml base_file query_args html read atop csv

SAN := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Everything the test run needs, built with sanitizers.
test-build:
	$(MAKE) B=build/san CFLAGS="$(SAN)" LDFLAGS="$(SAN)" build/san/casus build/san/test_unit build/san/news_check build/san/dyad_diff \
	    $(FUZZERS:%=build/san/fuzz_replay_%)

test: test-build all
	@sh tests/run.sh build/san

bench:
	$(MAKE) B=build/bench CFLAGS="-O2 -DNDEBUG" build/bench/libcasus.a build/bench/casus
	$(CC) $(WARN) -O2 $(CPPFLAGS) -o build/bench/bench_kb bench/bench_kb.c build/bench/libcasus.a $(PKG_LIBS)
	./build/bench/bench_kb data
	$(CC) $(WARN) -O2 $(CPPFLAGS) -o build/bench/bench_news bench/bench_news.c build/bench/libcasus.a $(PKG_LIBS)
	./build/bench/bench_news data tests/news/*.txt $(wildcard ../shared/seeds/*.txt)
	$(CC) $(WARN) -O2 $(CPPFLAGS) -o build/bench/bench_dyads bench/bench_dyads.c build/bench/libcasus.a $(PKG_LIBS) -lpthread
	./build/bench/bench_dyads
	$(CC) $(WARN) -O2 $(CPPFLAGS) -o build/bench/bench_similarity bench/bench_similarity.c build/bench/libcasus.a $(PKG_LIBS)
	./build/bench/bench_similarity
	$(CC) $(WARN) -O2 $(CPPFLAGS) -o build/bench/bench_history bench/bench_history.c build/bench/libcasus.a $(PKG_LIBS)
	./build/bench/bench_history data ../shared/data

# libFuzzer builds (clang): make fuzz FUZZ_SECONDS=60
FUZZ_SECONDS ?= 30
fuzz:
	@mkdir -p build/fuzz
	for f in $(FUZZERS); do \
	  clang -std=c11 -D_DEFAULT_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined $(CPPFLAGS) \
	    -o build/fuzz/fuzz_$$f fuzz/fuzz_$$f.c fuzz/fuzz_kb.c $(LIB_SRC) $(PKG_LIBS) || exit 1; \
	  mkdir -p build/fuzz/corpus_$$f; \
	  ./build/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) build/fuzz/corpus_$$f fuzz/corpus/$$f || exit 1; \
	done

valgrind: all
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    ./build/casus cascade UKR RUS --where kursk --date 2025-01-01 >/dev/null

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)

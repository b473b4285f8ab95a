# zamen: static site generator for the Zamen Een Journaal.
#
#   make                 build ./zamen
#   make site            install what is missing, build zamen and the example site
#   make test            install what is missing, build, run every test
#   make SANITIZE=address,undefined test   the same under sanitizers
#   make format          clang-format every C file
#   make bench           time zamen on a generated 10,000-file site, and
#                        on 200 phone photos (cold and warm image cache)
#   make fuzz            fuzz the front matter parser (clang, libFuzzer)
#   make fuzz-mistakes   every one-line front-matter mistake in content/,
#                        through zamen check under sanitizers (~10 min)
#
# Objects of a sanitizer build live apart from the normal ones, so switching
# between the two never links a mix.

CC       ?= cc
CXX      ?= c++
PKGS     := libcmark yaml-0.1 glib-2.0 libctemplate pangocairo pangoft2 \
            cairo fontconfig libqpdf vips libwebp
SANITIZE ?=

WARN     := -std=c11 -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes \
            -Wwrite-strings -Werror
CXXWARN  := -std=c++11 -Wall -Wextra -Werror
# The project's own layouts, used when a source folder has none and no
# layouts/ stands beside the binary.
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc \
            -DZAMEN_LAYOUTS_DIR='"$(abspath layouts)"'
CFLAGS   ?= -O2 -g
CFLAGS   += $(WARN)
CXXFLAGS ?= -O2 -g
CXXFLAGS += $(CXXWARN)
# libhyphen ships no pkg-config file.
LDLIBS   += -lhyphen -lm

# Short lines unless V=1, so a warning stands out.
ifeq ($(V),1)
Q :=
else
Q := @
endif

ifneq ($(SANITIZE),)
# One build folder per set of sanitizers: build/san-address-undefined ...
comma    := ,
BUILD    := build/san-$(subst $(comma),-,$(SANITIZE))
# GLib's slice allocator hands memory between threads where
# ThreadSanitizer cannot see it; plain malloc it can.
TEST_ENV := G_SLICE=always-malloc \
            TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/tests/tsan.supp"
CFLAGS   += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all -O1
CXXFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all -O1
CPPFLAGS += -DZAMEN_FREE_AT_EXIT
LDFLAGS  += -fsanitize=$(SANITIZE)
ZAMEN    := $(BUILD)/zamen
else
BUILD    := build/rel
ZAMEN    := zamen
endif

# pkg-config is asked lazily: before .ci/install-deps has run it may not
# know the packages yet.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))

# src/main*.c is the command line; everything else is the library the
# tests link against. The one C++ file wraps ctemplate for C.
CLI_SRC  := $(wildcard src/main*.c)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/%.o) \
            $(patsubst src/%.cc,$(BUILD)/%.o,$(wildcard src/*.cc))
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps browser-deps site test golden format bench fuzz fuzz-mistakes \
        clean
all: $(ZAMEN)

deps:
	@sh .ci/install-deps

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: src/%.cc $(wildcard src/*.h) Makefile
	@mkdir -p $(dir $@)
	@echo "  CXX     $<"
	$(Q)$(CXX) $(CPPFLAGS) $(PKG_CFLAGS) $(CXXFLAGS) -c $< -o $@

# Linked by the C++ driver for the C++ runtime that ctemplate needs.
$(BUILD)/zamen: $(CLI_OBJ) $(LIB_OBJ)
	@echo "  LINK    $@"
	$(Q)$(CXX) $(LDFLAGS) $^ $(PKG_LIBS) $(LDLIBS) -o $@

ifeq ($(SANITIZE),)
# Replaced by a rename, so a zamen that is running keeps its file.
zamen: $(BUILD)/zamen
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@
endif

$(BUILD)/tests/%.o: tests/unit/%.c tests/unit/testutil.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Itests/unit $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIB_OBJ)
	@echo "  LINK    $@"
	$(Q)$(CXX) $(LDFLAGS) $^ $(PKG_LIBS) -lcmocka $(LDLIBS) -o $@

$(BUILD)/tests/fuzz_fm_replay: tests/fuzz/fuzz_fm.c tests/fuzz/replay.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c tests/fuzz/fuzz_fm.c -o $@-fuzz.o
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c tests/fuzz/replay.c -o $@-replay.o
	$(CXX) $@-fuzz.o $@-replay.o $(LIB_OBJ) $(LDFLAGS) $(PKG_LIBS) $(LDLIBS) -o $@

# The driver of tests/feeds.sh: writes feed, sitemap, robots.txt and the
# calendars of a source folder, and the site's own facts beside them.
$(BUILD)/tests/feeds_gen: tests/feeds/gen.c $(LIB_OBJ) $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@.o
	$(Q)$(CXX) $(LDFLAGS) $@.o $(LIB_OBJ) $(PKG_LIBS) $(LDLIBS) -o $@

site: deps
	@$(MAKE) --no-print-directory $(ZAMEN)
	./$(ZAMEN) check
	@# `build` renders the site once the website work lands; until then it
	@# checks, exactly as `check` does, and writes nothing.
	./$(ZAMEN) build

# Every test binary speaks TAP; prove runs them and the shell tests and
# prints one summary.
# playwright-core and axe-core, pinned by tests/browser/package-lock.json.
browser-deps: deps
	@[ -d tests/browser/node_modules ] || \
	    (cd tests/browser && npm ci --no-audit --no-fund)

test: deps browser-deps
	@$(MAKE) --no-print-directory $(ZAMEN) $(TEST_BIN) \
	    $(BUILD)/tests/fuzz_fm_replay $(BUILD)/tests/feeds_gen
	$(TEST_ENV) ZAMEN=$(abspath $(ZAMEN)) CMOCKA_MESSAGE_OUTPUT=TAP \
	    FUZZ_REPLAY=$(abspath $(BUILD)/tests/fuzz_fm_replay) \
	    FEEDS_GEN=$(abspath $(BUILD)/tests/feeds_gen) \
	    prove --exec '' $(TEST_BIN) tests/cli.sh tests/fuzz/replay.sh tests/links.sh \
	    tests/website.sh tests/feeds.sh tests/golden.sh tests/print.sh \
	    tests/cache.sh tests/threads.sh tests/output.sh tests/browser.sh \
	    tests/agree.sh tests/editorial.sh tests/robust.sh tests/images.sh

# Rewrites the golden expectation after a deliberate change; review the
# diff (git diff tests/golden) like code.
golden: $(ZAMEN)
	ZAMEN=$(abspath $(ZAMEN)) sh tests/golden.sh --update

format:
	clang-format -i src/*.c src/*.cc src/*.h tests/unit/*.c tests/unit/*.h \
	    tests/fuzz/*.c tests/feeds/*.c tests/bench/*.c

# The generated site lives outside the repository's content; see
# tests/bench/run.sh for what is measured.
BENCH_DIR ?= build/bench-site
# 200 phone photos and a site with one beside each story (tests/bench/photos.sh).
PHOTO_BENCH_DIR ?= build/bench-photos
$(BUILD)/bench/floor: tests/bench/floor.c Makefile
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) $< $(PKG_LIBS) -o $@

bench: deps
	@sh .ci/install-deps hugo
	@$(MAKE) --no-print-directory $(ZAMEN) $(BUILD)/bench/floor
	sh tests/bench/run.sh $(abspath $(ZAMEN)) $(BENCH_DIR) \
	    $(abspath $(BUILD)/bench/floor)
	sh tests/bench/photos.sh $(abspath $(ZAMEN)) $(PHOTO_BENCH_DIR)

FUZZ_CC ?= clang
fuzz: deps
	@mkdir -p build/fuzz
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined $(CPPFLAGS) \
	    $(PKG_CFLAGS) tests/fuzz/fuzz_fm.c src/arena.c src/diag.c \
	    src/load_fm.c src/text.c $(PKG_LIBS) $(LDLIBS) -o build/fuzz/fuzz_fm
	cp -r tests/fuzz/corpus build/fuzz/corpus-work 2>/dev/null || true
	build/fuzz/fuzz_fm -max_total_time=$${FUZZ_SECONDS:-60} \
	    build/fuzz/corpus-work tests/fuzz/corpus

fuzz-mistakes: deps
	@$(MAKE) --no-print-directory SANITIZE=address,undefined \
	    build/san-address-undefined/zamen
	/usr/bin/python3 tests/fuzz/mistakes.py \
	    build/san-address-undefined/zamen .

clean:
	rm -rf build zamen .zamen-cache

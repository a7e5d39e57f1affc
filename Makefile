# ecx build. `make` builds build/ecx; `make check` installs what tests need,
# builds (also under ASan+UBSan) and runs every test; `make demo` sets up and
# serves a demo workspace.

BUILD    ?= build
CC       ?= cc
PKGS     := sqlite3 gsl jansson libmicrohttpd libsodium libutf8proc
VERSION  := 0.1.0
CPPFLAGS += -D_GNU_SOURCE -DECX_VERSION='"$(VERSION)"' \
            -DLOCALEDIR='"$(abspath $(BUILD))/locale"'
OPT      ?= -O2 -g
CFLAGS   += $(OPT) -std=c17 -Wall -Wextra -Werror -pthread \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -pthread

ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

ifeq ($(SAN),fuzz)
CFLAGS  += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
LDFLAGS += -fsanitize=fuzzer,address,undefined
endif

# Allocation fault injection (ECX_FAIL_ALLOC, src/base/err.h): `make oom`.
ifeq ($(FAULT),1)
CPPFLAGS += -DECX_FAULT
endif

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path src/cli/main.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)
PO_ES    := $(sort $(wildcard po/es/*.po))
MO       := $(BUILD)/locale/es/LC_MESSAGES/ecx.mo
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)
FUZZ_SECONDS ?= 60

.PHONY: all check demo deps deps-test clean unit asan oom checksrc bench pot fuzz fuzz-build fuzzers

all: $(BUILD)/ecx $(MO)

$(BUILD)/ecx: $(BUILD)/obj/src/cli/main.o $(BUILD)/libecx.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libecx.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/test_unit: $(TEST_OBJ) $(BUILD)/libecx.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/engine_bench: $(BUILD)/obj/bench/engine_bench.o $(BUILD)/libecx.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The HTTP load client of bench/run.sh (libc only).
$(BUILD)/bench_load: $(BUILD)/obj/bench/load.o
	$(CC) $(LDFLAGS) -o $@ $^ -lm -pthread

$(BUILD)/fuzz_%: $(BUILD)/obj/tests/fuzz/fuzz_%.o $(BUILD)/libecx.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

fuzzers: $(FUZZ_BIN)

# Fuzz targets (libFuzzer, clang) in build/fuzz/; `make fuzz` runs each one
# for FUZZ_SECONDS.
fuzz-build:
	$(MAKE) BUILD=$(BUILD)/fuzz CC=clang SAN=fuzz OPT='-O1 -g' fuzzers

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# The engine's scans are loops over chunks of rows written for the
# vectorizer; -O2 only vectorizes loops of known length, so these files ask
# for the full cost model (GCC; other compilers keep their defaults).
VECT := $(shell $(CC) -Werror -fvect-cost-model=dynamic -c -x c /dev/null -o /dev/null 2>/dev/null && echo -fvect-cost-model=dynamic)
$(BUILD)/obj/src/engine/cube_scan.o $(BUILD)/obj/src/engine/cube_count.o $(BUILD)/obj/src/engine/cube_cache.o: CFLAGS += $(VECT)

# Spanish catalog: one .po fragment per subsystem under po/es/, joined.
$(BUILD)/locale/es/LC_MESSAGES/ecx.mo: $(PO_ES)
	@mkdir -p $(dir $@)
	msgcat --use-first -o $(BUILD)/es.po $^
	msgfmt --check -o $@ $(BUILD)/es.po

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(BUILD)/obj/src/cli/main.d \
         $(FUZZ_SRC:%.c=$(BUILD)/obj/%.d) $(BUILD)/obj/bench/engine_bench.d $(BUILD)/obj/bench/load.d

unit: $(BUILD)/test_unit $(MO)

# Sanitizer build in its own directory.
asan:
	$(MAKE) BUILD=build/asan SAN=1 OPT='-O1 -g' build/asan/ecx build/asan/test_unit

# Allocation-failure build in build/oom/ (ASan+UBSan): ECX_FAIL_ALLOC=N
# makes the Nth allocation fail (tests/cli/test_oom.sh).
oom:
	$(MAKE) BUILD=build/oom SAN=1 FAULT=1 OPT='-O1 -g' build/oom/ecx build/oom/locale/es/LC_MESSAGES/ecx.mo

deps:
	scripts/deps.sh build

deps-test:
	scripts/deps.sh test

checksrc:
	scripts/checksrc.sh

# The builds use every core (JOBS); the tests pace themselves.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

check: deps-test
	$(MAKE) -j$(JOBS) all unit
	$(MAKE) -j$(JOBS) asan
	$(MAKE) -j$(JOBS) oom
	$(MAKE) -j$(JOBS) fuzz-build
	tests/run.sh

demo: deps
	$(MAKE) -j$(JOBS) all
	scripts/demo.sh

bench:
	scripts/deps.sh bench
	$(MAKE) all $(BUILD)/engine_bench $(BUILD)/bench_load
	bench/run.sh

pot:
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o po/ecx.pot $(LIB_SRC) src/cli/main.c

clean:
	rm -rf build

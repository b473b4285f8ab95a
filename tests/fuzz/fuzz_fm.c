/*
 * fuzz_fm.c: libFuzzer harness for the front matter parser, the entry point
 * every content file goes through (fm_split, then fm_parse; site.yaml goes
 * to fm_parse whole). Any input must give a tree or diagnostics, never a
 * crash, a hang or a leak.
 *
 *   make fuzz          clang + libFuzzer, runs until stopped
 *   make test          replays tests/fuzz/corpus/ through replay.c
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "load_fm.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct arena *a = arena_new();
	struct diags *d = diags_new();
	/* The loader only parses valid UTF-8; so does the harness. */
	if (text_utf8_valid(text, size, NULL)) {
		struct fm_split s;
		if (fm_split(text, size, "fuzz.md", &s, d))
			fm_parse(a, text + s.yaml_off, s.yaml_len, s.yaml_line,
			         "fuzz.md", d);
		fm_parse(a, text, size, 1, "site.yaml", d);
	}
	diags_free(d);
	arena_free(a);
	return 0;
}

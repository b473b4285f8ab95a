/*
 * replay.c: runs the fuzz harness over every file named on the command line
 * and speaks TAP, so the seed corpus is a regression test in `make test`.
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	printf("1..%d\n", argc - 1);
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		gchar *data;
		gsize len;
		if (!g_file_get_contents(argv[i], &data, &len, NULL)) {
			printf("not ok %d - %s (unreadable)\n", i, argv[i]);
			failed++;
			continue;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		g_free(data);
		printf("ok %d - %s\n", i, argv[i]);
	}
	return failed != 0;
}

/*
 * testutil.h: what every cmocka test file includes.
 *
 * cmocka needs these system headers before its own, in this order. Each test
 * file is one binary with one group; `make test` runs it under prove with
 * CMOCKA_MESSAGE_OUTPUT=TAP.
 */
#ifndef ZAMEN_TESTUTIL_H
#define ZAMEN_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Compares a date_t with "JJJJ-MM-DD" in readable form (date.h's
 * date_format), so a failure names both dates. */
#define assert_date(got, want)                                                 \
	do {                                                                   \
		char got_[11];                                                 \
		date_format((got), got_);                                      \
		assert_string_equal(got_, (want));                             \
	} while (0)

#endif

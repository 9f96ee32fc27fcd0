/* fuzz_date_parse.c - date_parse over any bytes.
 * Properties: it never crashes or reads past the string; a date it accepts
 * formats back to exactly the input, converts to y/m/d and back to the same
 * day number, and has a weekday 0..6; a refusal leaves a message naming
 * the field. (Messages echo the input as typed, newlines included: see
 * tests/fuzz/regress/date_parse/ and the trust report.) */
#include "fuzz.h"
#include "tellus/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	tl_date d = TL_NO_DATE;
	tl_err err = { { 0 } };

	if (date_parse(s, &d, "received", &err) == 0) {
		char back[TL_DATE_LEN];
		int y, m, dd;
		date_format(d, back);
		FUZZ_CHECK(strcmp(back, s) == 0);
		date_to_ymd(d, &y, &m, &dd);
		FUZZ_CHECK(date_valid_ymd(y, m, dd) && date_from_ymd(y, m, dd) == d);
		FUZZ_CHECK(date_weekday(d) >= 0 && date_weekday(d) <= 6);
	} else {
		FUZZ_CHECK(strncmp(err.msg, "received: ", 10) == 0);
	}
	free(s);
	return 0;
}

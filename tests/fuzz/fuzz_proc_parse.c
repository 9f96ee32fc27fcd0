/* fuzz_proc_parse.c - procedure profiles from arbitrary text.
 * Properties: no crash; an accepted profile has a name, 1..3 stages
 * numbered in order, each with 1 <= standard <= maximum, and a request
 * window of at least one day; a refusal leaves a message. */
#include "fuzz.h"
#include "tellus/procedure.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	tl_profile p;
	tl_err err = { { 0 } };

	if (proc_parse(s, &p, &err) == 0) {
		FUZZ_CHECK(p.name[0] != '\0' && strlen(p.name) < sizeof p.name);
		FUZZ_CHECK(p.n_stages >= 1 && p.n_stages <= PROC_MAX_STAGES);
		FUZZ_CHECK(p.request_window >= 1);
		for (int i = 0; i < p.n_stages; i++) {
			FUZZ_CHECK(p.stages[i].number == i + 1);
			FUZZ_CHECK(p.stages[i].standard >= 1);
			FUZZ_CHECK(p.stages[i].maximum >= p.stages[i].standard);
			FUZZ_CHECK(proc_stage_get(&p, i + 1) == &p.stages[i]);
		}
	} else {
		FUZZ_CHECK(err.msg[0] != '\0');
	}
	free(s);
	return 0;
}

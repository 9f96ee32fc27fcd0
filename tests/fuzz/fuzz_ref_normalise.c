/* fuzz_ref_normalise.c - ref_normalise over anything a person might type.
 * Properties: no crash; an accepted reference is canonical (normalising it
 * again gives itself), has the Tellus shape and a matching check character,
 * and fits REF_MAX; a refusal leaves a one-line message. */
#include "fuzz.h"
#include "tellus/ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	char out[REF_MAX], again[REF_MAX];
	tl_err err = { { 0 } };

	if (ref_normalise(s, out, &err) == 0) {
		size_t n = strlen(out);
		FUZZ_CHECK(n < REF_MAX && n >= 4);
		FUZZ_CHECK(ref_is_tellus_shape(out));
		FUZZ_CHECK(ref_normalise(out, again, &err) == 0 && strcmp(out, again) == 0);
		out[n - 2] = '\0';
		FUZZ_CHECK(ref_check_char(out) == again[n - 1]);
	} else {
		FUZZ_CHECK(err.msg[0] != '\0');
	}
	free(s);
	return 0;
}

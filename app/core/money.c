/* money.c - pounds as text to pence and back, exactly (no floating point). */
#include <stdio.h>
#include <string.h>
#include "tellus/money.h"

int money_parse(const char *s, long long *pence, const char *what, tl_err *err)
{
	long long whole = 0;
	int digits = 0, decimals = 0, frac = 0;
	const char *p = s ? s : "";

	if (strncmp(p, "\xC2\xA3", 2) == 0) /* £ */
		p += 2;
	for (; *p && *p != '.'; p++) {
		if (*p == ',' && digits)
			continue;
		if (*p < '0' || *p > '9' || ++digits > 12)
			goto bad;
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.') {
		for (p++; *p; p++) {
			if (*p < '0' || *p > '9' || ++decimals > 2)
				goto bad;
			frac = frac * 10 + (*p - '0');
		}
		if (decimals == 0)
			goto bad;
	}
	if (!digits)
		goto bad;
	*pence = whole * 100 + (decimals == 1 ? frac * 10 : frac);
	return TL_OK;
bad:
	return err_set(err, TL_EINVAL, "%s: '%.40s' is not an amount in pounds (like 1234.50)",
		       what, s ? s : "");
}

void money_format(long long pence, char out[MONEY_LEN])
{
	snprintf(out, MONEY_LEN, "%s%lld.%02lld", pence < 0 ? "-" : "",
		 (pence < 0 ? -pence : pence) / 100, (pence < 0 ? -pence : pence) % 100);
}

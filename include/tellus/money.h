/* money.h - amounts of money: kept in pence, read and written in pounds
 * ("1234.50"), so no sum is ever off by a rounding error. */
#ifndef TELLUS_MONEY_H
#define TELLUS_MONEY_H

#include "tellus/err.h"

#define MONEY_LEN 24

/* "12", "12.5", "12.50", "1,234.50" (a leading "£" allowed); what names
 * the field in the message. */
int money_parse(const char *s, long long *pence, const char *what, tl_err *err);
/* "1234.50". */
void money_format(long long pence, char out[MONEY_LEN]);

#endif

/* net_plan.c - when a device syncs: every sync_seconds while the register
 * answers; while it is away, retries that wait twice as long each time
 * (so a hundred kiosks do not hammer a register that is coming back up),
 * except that a safety record waiting for the register is tried again at
 * least every sync_seconds. No clock here: the caller says what time it
 * is, so tests move time by hand. */
#include "net.h"

void net_plan_init(net_plan *p, int every, double now)
{
	p->every = every > 0 ? every : 60;
	p->next = now;
	p->retry = 0;
	p->failures = 0;
	p->urgent = false;
}

bool net_plan_due(const net_plan *p, double now)
{
	return now >= p->next;
}

double net_plan_wait(const net_plan *p, double now)
{
	return p->next > now ? p->next - now : 0;
}

void net_plan_urgent(net_plan *p, double now)
{
	p->urgent = true;
	p->next = now;
}

void net_plan_done(net_plan *p, bool answered, double now)
{
	if (answered) {
		p->failures = 0;
		p->retry = 0;
		p->urgent = false;
		p->next = now + p->every;
		return;
	}
	p->failures++;
	p->retry = p->retry > 0 ? p->retry * 2 : NET_RETRY_FIRST;
	if (p->retry > NET_RETRY_MAX)
		p->retry = NET_RETRY_MAX;
	double wait = p->retry;
	if (p->urgent && wait > p->every)
		wait = p->every;
	p->next = now + wait;
}

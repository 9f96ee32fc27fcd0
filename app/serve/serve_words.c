/* serve_words.c - every sentence the tracking page says, in one table:
 * plain words a child understands, marked for the catalogues (N_) and
 * looked up in the page's language (SPEC 13; serve_lang.c picks it). A %s
 * is a date, a name or a number as the comment beside it says; the page
 * puts it in, escaped. */
#include "serve_private.h"

static const char *const WORDS[SW__COUNT] = {
	[SW_TITLE_CHECK] = N_("Check on your complaint"),
	[SW_TITLE_COMPLAINT] = N_("Your complaint"),
	[SW_TITLE_COMPLIMENT] = N_("Your kind words"),
	[SW_TITLE_MESSAGE] = N_("Your message"),
	[SW_TITLE_WAIT] = N_("Please wait a while"),
	[SW_TITLE_ERROR] = N_("Sorry"),
	[SW_FORM_INTRO] = N_("Type the reference and the secret code from your receipt."),
	[SW_FORM_REF] = N_("Reference"),
	[SW_FORM_REF_HINT] = N_("For example K2-26-0417-X"),
	[SW_FORM_CODE] = N_("Secret code"),
	[SW_FORM_CODE_HINT] = N_("For example 7KQ2M-X9D4P"),
	[SW_FORM_BUTTON] = N_("Check"),
	[SW_FORM_PRIVATE] = N_("Keep your reference and secret code to yourself. Nobody else "
			    "needs them."),
	[SW_NO_MATCH] = N_("We could not find a complaint with that reference and secret code."),
	[SW_NO_MATCH_HELP] = N_("Check both against your receipt and try again. If it still "
			     "does not work, get in touch with us."),
	[SW_YOUR_REF] = N_("Reference %s"),                       /* the reference */
	[SW_WHERE] = N_("Where it is now"),
	[SW_DATES] = N_("The dates"),
	[SW_NEXT] = N_("What you can do"),
	[SW_CONTACT] = N_("Get in touch"),
	[SW_STAGE_1] = N_("We are looking into your complaint."),
	[SW_STAGE_2] = N_("We are looking into your complaint again, more closely."),
	[SW_STAGE_3] = N_("A review panel is looking at your complaint."),
	[SW_STEP_OF] = N_("This is step %s of 3."),               /* 1, 2 or 3 */
	[SW_NO_STAGE] = N_("We have your complaint. We will tell you what happens next."),
	[SW_RECEIVED] = N_("We got it on"),
	[SW_REPLY_BY] = N_("We will reply by"),
	[SW_REPLY_BY_LONGER] = N_("We needed more time. We will reply by"),
	[SW_ASK_NEXT_BY] = N_("If we have not replied by this day, you can ask for the next "
			   "step"),
	[SW_REPLIED_ON] = N_("We replied on"),
	[SW_ASK_AGAIN_BY] = N_("You can ask for the next step until"),
	[SW_WITHDRAWN_ON] = N_("You stopped it on"),
	[SW_PAUSED] = N_("We have stopped the clock for a while. We will tell you when it "
		      "starts again."),
	[SW_LATE] = N_("We are sorry: our reply is late. We are still working on it."),
	[SW_LATE_ASK] = N_("You can ask for the next step now. Just tell us."),
	[SW_REPLIED] = N_("We have sent you our reply."),
	[SW_WITHDRAWN] = N_("You told us to stop looking into your complaint."),
	[SW_CLOSED] = N_("We have finished looking into your complaint."),
	[SW_NOT_HAPPY_NEXT] = N_("If you are not happy with our reply, you can ask for the next "
			      "step. Just tell us."),
	[SW_NOT_HAPPY_OMBUDSMAN] = N_("If you are still not happy, you can ask the Ombudsman "
				   "to look at it."),
	[SW_NEXT_STAGE] = N_("Ask for the next step: if you are not happy with our reply, or we "
			  "have not replied in time, tell us and someone new will look at your "
			  "complaint."),
	[SW_ADVOCACY] = N_("Get help from an advocate: an advocate is on your side and helps "
			"you say what you want. It is free. Ask us and we will find you one."),
	[SW_OMBUDSMAN] = N_("Ask the Ombudsman: when you have been through our steps, the Local "
			 "Government and Social Care Ombudsman can look at your complaint. "
			 "They do not work for us."),
	[SW_OMBUDSMAN_CONTACT] = N_("Ombudsman: phone 0300 061 0614, or www.lgo.org.uk"),
	[SW_SAFE_NOW] = N_("If you do not feel safe, call Childline on 0800 1111 (free, any "
			"time). If you are in danger now, call 999."),
	[SW_COMPLIMENT] = N_("Thank you for telling us what went well. We will pass on your "
			  "kind words."),
	[SW_MESSAGE] = N_("We have your message."),
	[SW_PHONE] = N_("Phone"),
	[SW_EMAIL] = N_("Email"),
	[SW_ASK_STAFF] = N_("To get in touch, ask any member of staff."),
	[SW_CHECK_ANOTHER] = N_("Check another complaint"),
	[SW_WAIT] = N_("There have been too many tries that did not match. Please wait %s "
		    "minutes, then try again."),                /* a number */
	[SW_WAIT_HELP] = N_("If you need to know now, phone or email us: how to reach us is on "
			 "your receipt."),
	[SW_ERR_404] = N_("There is no page here."),
	[SW_ERR_405] = N_("This page cannot be used that way."),
	[SW_ERR_413] = N_("That was too much to send."),
	[SW_ERR_429] = N_("Too many tries. Please wait a while."),
	[SW_ERR_500] = N_("Something went wrong on our side. Please try again later."),
	[SW_ERR_503] = N_("We are busy. Please try again in a minute."),
	[SW_ERR_OTHER] = N_("That did not work."),
	/* TRANSLATORS: the name of the list of languages at the top of the
	 * tracking page, read out by screen readers. */
	[SW_LANGUAGES] = N_("Languages"),
};

const char *sw(serve_word w, const tl_lang *l)
{
	return w >= 0 && w < SW__COUNT && WORDS[w] ? lang_text(l->code, WORDS[w]) : "";
}

void sw_date(tl_date d, const tl_lang *l, char out[LANG_DATE_MAX])
{
	lang_date_words_in(l->code, d, out, LANG_DATE_MAX);
}

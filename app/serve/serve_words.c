/* serve_words.c - every sentence the tracking page says, in one table:
 * plain words a child understands. Translations (SPEC 13) come through
 * gettext: sw() is the one place to wrap in _(), and the language will be
 * taken from Accept-Language. A %s is a date, a name or a number as the
 * comment beside it says; the page puts it in, escaped. */
#include "serve_private.h"

static const char *const WORDS[SW__COUNT] = {
	[SW_LANG] = "en",
	[SW_TITLE_CHECK] = "Check on your complaint",
	[SW_TITLE_COMPLAINT] = "Your complaint",
	[SW_TITLE_COMPLIMENT] = "Your kind words",
	[SW_TITLE_MESSAGE] = "Your message",
	[SW_TITLE_WAIT] = "Please wait a while",
	[SW_TITLE_ERROR] = "Sorry",
	[SW_FORM_INTRO] = "Type the reference and the secret code from your receipt.",
	[SW_FORM_REF] = "Reference",
	[SW_FORM_REF_HINT] = "For example K2-26-0417-X",
	[SW_FORM_CODE] = "Secret code",
	[SW_FORM_CODE_HINT] = "For example 7KQ2M-X9D4P",
	[SW_FORM_BUTTON] = "Check",
	[SW_FORM_PRIVATE] = "Keep your reference and secret code to yourself. Nobody else "
			    "needs them.",
	[SW_NO_MATCH] = "We could not find a complaint with that reference and secret code.",
	[SW_NO_MATCH_HELP] = "Check both against your receipt and try again. If it still "
			     "does not work, get in touch with us.",
	[SW_YOUR_REF] = "Reference %s",                       /* the reference */
	[SW_WHERE] = "Where it is now",
	[SW_DATES] = "The dates",
	[SW_NEXT] = "What you can do",
	[SW_CONTACT] = "Get in touch",
	[SW_STAGE_1] = "We are looking into your complaint.",
	[SW_STAGE_2] = "We are looking into your complaint again, more closely.",
	[SW_STAGE_3] = "A review panel is looking at your complaint.",
	[SW_STEP_OF] = "This is step %s of 3.",               /* 1, 2 or 3 */
	[SW_NO_STAGE] = "We have your complaint. We will tell you what happens next.",
	[SW_RECEIVED] = "We got it on",
	[SW_REPLY_BY] = "We will reply by",
	[SW_REPLY_BY_LONGER] = "We needed more time. We will reply by",
	[SW_ASK_NEXT_BY] = "If we have not replied by this day, you can ask for the next "
			   "step",
	[SW_REPLIED_ON] = "We replied on",
	[SW_ASK_AGAIN_BY] = "You can ask for the next step until",
	[SW_WITHDRAWN_ON] = "You stopped it on",
	[SW_PAUSED] = "We have stopped the clock for a while. We will tell you when it "
		      "starts again.",
	[SW_LATE] = "We are sorry: our reply is late. We are still working on it.",
	[SW_LATE_ASK] = "You can ask for the next step now. Just tell us.",
	[SW_REPLIED] = "We have sent you our reply.",
	[SW_WITHDRAWN] = "You told us to stop looking into your complaint.",
	[SW_CLOSED] = "We have finished looking into your complaint.",
	[SW_NOT_HAPPY_NEXT] = "If you are not happy with our reply, you can ask for the next "
			      "step. Just tell us.",
	[SW_NOT_HAPPY_OMBUDSMAN] = "If you are still not happy, you can ask the Ombudsman "
				   "to look at it.",
	[SW_NEXT_STAGE] = "Ask for the next step: if you are not happy with our reply, or we "
			  "have not replied in time, tell us and someone new will look at your "
			  "complaint.",
	[SW_ADVOCACY] = "Get help from an advocate: an advocate is on your side and helps "
			"you say what you want. It is free. Ask us and we will find you one.",
	[SW_OMBUDSMAN] = "Ask the Ombudsman: when you have been through our steps, the Local "
			 "Government and Social Care Ombudsman can look at your complaint. "
			 "They do not work for us.",
	[SW_OMBUDSMAN_CONTACT] = "Ombudsman: phone 0300 061 0614, or www.lgo.org.uk",
	[SW_SAFE_NOW] = "If you do not feel safe, call Childline on 0800 1111 (free, any "
			"time). If you are in danger now, call 999.",
	[SW_COMPLIMENT] = "Thank you for telling us what went well. We will pass on your "
			  "kind words.",
	[SW_MESSAGE] = "We have your message.",
	[SW_PHONE] = "Phone",
	[SW_EMAIL] = "Email",
	[SW_ASK_STAFF] = "To get in touch, ask any member of staff.",
	[SW_CHECK_ANOTHER] = "Check another complaint",
	[SW_WAIT] = "There have been too many tries that did not match. Please wait %s "
		    "minutes, then try again.",                /* a number */
	[SW_WAIT_HELP] = "If you need to know now, phone or email us: how to reach us is on "
			 "your receipt.",
	[SW_ERR_404] = "There is no page here.",
	[SW_ERR_405] = "This page cannot be used that way.",
	[SW_ERR_413] = "That was too much to send.",
	[SW_ERR_429] = "Too many tries. Please wait a while.",
	[SW_ERR_500] = "Something went wrong on our side. Please try again later.",
	[SW_ERR_503] = "We are busy. Please try again in a minute.",
	[SW_ERR_OTHER] = "That did not work.",
};

const char *sw(serve_word w)
{
	return w >= 0 && w < SW__COUNT && WORDS[w] ? WORDS[w] : "";
}

void sw_date(tl_date d, char out[40])
{
	receipt_date_words(d, out);
}

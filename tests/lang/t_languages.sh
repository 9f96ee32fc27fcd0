#!/usr/bin/env bash
# t_languages.sh - the `languages` setting from the command line: every
# language by default, a list kept in its order, and a wrong code refused
# in one line that names it, changing nothing.
. "$TELLUS_ROOT/tests/cli/lib.sh"

prints "a new database offers every language" "all" config get languages
succeeds "a list of codes is kept" config set languages "cy en pl gu"
prints "in its order" "cy en pl gu" config get languages
before=$(db_hash)
refuses "an unknown code is refused, named" "^tellus config: languages: 'xx' is not one of en, cy, pl, ro, pa, ur, pt, es, ar, bn, gu \(or all\)$" \
	config set languages "en xx"
refuses "a code twice is refused" "languages: 'pl' is named twice" config set languages "pl en pl"
same "refusals change nothing" "$(db_hash)" "$before"

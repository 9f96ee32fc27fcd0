# letters.mk - letters read their templates at run time: from the council's
# folder (letters_dir), the installed assets ($(PREFIX)/share/tellus), or
# else this source tree's assets/letters, whose path the build records.
$(BUILD)/obj/app/core/letter/letter.o: CPPFLAGS += -DTELLUS_SRCDIR='"$(CURDIR)"'

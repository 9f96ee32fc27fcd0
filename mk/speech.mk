# speech.mk - reading aloud (SPEC 13): app/speech turns words into samples
# with eSpeak NG, no SDL in it. Its objects join the UI library, so
# tellus-kiosk and the kiosk's tests link them with the screens.
SPEECH_SRC := $(wildcard app/speech/*.c)
$(UI_LIB): $(call obj,$(SPEECH_SRC))
UI_LIBS += $(call PKGCONFIG,--libs,espeak-ng)

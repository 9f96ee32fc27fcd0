# xkb.mk - on-screen keyboard layouts read from the system's XKB data
# (app/ui/ui_xkb.c, libxkbcommon and its compose tables for dead keys).
UI_LIBS += $(call PKGCONFIG,--libs,xkbcommon)

# sync.mk - devices and the register (include/tellus/sync.h): the core's
# sync module reads and writes moves, cases and replies as JSON (Jansson).
CORE_CFLAGS += $(call PKGCONFIG,--cflags,jansson)
CORE_LIBS += $(call PKGCONFIG,--libs,jansson)

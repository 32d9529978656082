#ifndef KALENDARIUM_CLIBICAL_SHIM_H
#define KALENDARIUM_CLIBICAL_SHIM_H

#include <libical/ical.h>

/* What Swift cannot import directly from libical: the icalerrno macro. */

static inline icalerrorenum kal_icalerrno(void) { return icalerrno; }

static inline void kal_icalerrno_clear(void) { icalerror_clear_errno(); }

#endif

#ifndef KALENDARIUM_CMALLOC_SHIM_H
#define KALENDARIUM_CMALLOC_SHIM_H

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* glibc's malloc tuning, which Swift's Glibc module leaves out (<malloc.h>); elsewhere
   these do nothing. */

/* Returns the free pages of every malloc arena to the system. */
static inline void kal_malloc_release_free(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

/* Caps the number of malloc arenas: threads created later share them. */
static inline void kal_malloc_limit_arenas(int count) {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, count);
#endif
}

#endif

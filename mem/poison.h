/* poison.h — marking released memory for AddressSanitizer (ASan's manual
 * poisoning), so a pointer that outlives its region or pool is caught.
 * Without ASan the macros do nothing.  Used by mem/ only (mem.h includes
 * it for MEM_ASAN: under ASan every allocation takes the slow path). */
#ifndef MGC_MEM_POISON_H
#define MGC_MEM_POISON_H

#if defined(__SANITIZE_ADDRESS__)
#define MEM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEM_ASAN 1
#endif
#endif

#ifdef MEM_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#endif

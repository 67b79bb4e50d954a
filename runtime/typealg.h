/*
 * typealg.h: what the runtime does with a value knowing only its type
 * descriptor: Go's == and map hashing, walked by kind through the
 * descriptor's elem, len and fields (runtime/typealg.c).  Shared by the
 * interface and map code; internal to the runtime.
 */
#ifndef MGC_RUNTIME_TYPEALG_H
#define MGC_RUNTIME_TYPEALG_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/mgcrt.h"

/* Whether an interface holds a value of type t in its data word itself
 * (pointer-shaped types) rather than a pointer to a copy. */
bool mgc_type_direct_iface(const MgcType *t);

/* Whether values of type t can be compared with == at all. */
bool mgc_type_comparable(const MgcType *t);

/* Whether t is an interface type without methods (data: MgcType *tab). */
bool mgc_type_is_eface(const MgcType *t);

/* The dynamic type of an interface of type t whose tab word is tab. */
const MgcType *mgc_iface_dyntype(const MgcType *t, const void *tab);

/* Go's ==: *p == *q for two values of type t (t comparable).  Interfaces
 * inside compare their dynamic values, and panic "comparing uncomparable
 * type T" when both hold the same uncomparable type. */
bool mgc_type_equal(const MgcType *t, const void *p, const void *q);

/* == of two interface values with dynamic types t1, t2 and data words. */
bool mgc_dyn_equal(const MgcType *t1, void *d1, const MgcType *t2, void *d2);

/* The map hash of the value of type t at p, with seed: equal values hash
 * alike (+0 and -0 too), every NaN hashes at random, and a value holding
 * an uncomparable dynamic type panics "hash of unhashable type T". */
uint64_t mgc_type_hash(const MgcType *t, const void *p, uint64_t seed);

/* The hash of n bytes at p with seed. */
uint64_t mgc_memhash(const void *p, uint64_t n, uint64_t seed);

/* A cheap pseudo-random number (seeded from the kernel at first use). */
uint64_t mgc_fastrand(void);

/* Panics with the run-time error "PREFIX" + t's name. */
MGC_NORETURN void mgc_panic_type_error(const char *prefix, const MgcType *t);

#endif

/*
 * mgcrt.h: the run-time library linked into every program mgc builds.
 *
 * Everything here is part of the ABI of docs/abi.md: the layouts generated
 * code reads and writes, and the entry points it calls (all plain System V
 * C functions).  Internal helpers live in runtime/rt.h.
 */
#ifndef MGC_RUNTIME_MGCRT_H
#define MGC_RUNTIME_MGCRT_H

#include <stdbool.h>
#include <stdint.h>

#define MGC_NORETURN _Noreturn

/* ---- Layouts ------------------------------------------------------------ */

typedef struct MgcString {
    const uint8_t *ptr;
    int64_t len;
} MgcString;

typedef struct MgcSlice {
    void *ptr;
    int64_t len;
    int64_t cap;
} MgcSlice;

typedef struct MgcIface {
    const void *tab;
    void *data;
} MgcIface;

/* Kinds: the numbering of TY_* in types/types.h (a unit test checks it). A
 * named type carries the kind of its underlying type and its own name. */
enum {
    MGC_KIND_BOOL = 1,
    MGC_KIND_INT, MGC_KIND_INT8, MGC_KIND_INT16, MGC_KIND_INT32, MGC_KIND_INT64,
    MGC_KIND_UINT, MGC_KIND_UINT8, MGC_KIND_UINT16, MGC_KIND_UINT32,
    MGC_KIND_UINT64, MGC_KIND_UINTPTR,
    MGC_KIND_FLOAT32, MGC_KIND_FLOAT64, MGC_KIND_COMPLEX64, MGC_KIND_COMPLEX128,
    MGC_KIND_STRING, MGC_KIND_UNSAFE_POINTER,
    MGC_KIND_ARRAY = 25, MGC_KIND_SLICE, MGC_KIND_STRUCT, MGC_KIND_POINTER,
    MGC_KIND_FUNC, MGC_KIND_INTERFACE, MGC_KIND_MAP, MGC_KIND_CHAN
};

/* MgcType.flags */
enum {
    MGC_TYPE_NOSCAN = 1 << 0,     /* holds no pointers */
    MGC_TYPE_COMPARABLE = 1 << 1,
    MGC_TYPE_NAMED = 1 << 2,      /* a defined type: panics print main.T(v) */
    MGC_TYPE_ERROR = 1 << 3,      /* implements error: panics call the hook */
    MGC_TYPE_STRINGER = 1 << 4    /* implements fmt.Stringer */
};

struct MgcMethod;
struct MgcField;

typedef struct MgcType {
    uint64_t size;
    uint32_t hash;
    uint8_t kind;
    uint8_t align;
    uint8_t flags;
    uint8_t pad_;
    const struct MgcType *elem;
    const struct MgcType *key;
    uint64_t len;
    const char *name;
    bool (*equal)(const void *, const void *);
    const struct MgcMethod *methods;
    uint32_t nmethods;
    const struct MgcField *fields;
    uint32_t nfields;
} MgcType;

typedef struct MgcItab {
    const MgcType *type;
    const MgcType *inter;
    void *fun[];
} MgcItab;

/* ---- Allocation --------------------------------------------------------- */

enum { MGC_ALLOC_NOSCAN = 1 << 0 };

void *mgc_alloc(uint64_t size, const MgcType *t, uint32_t flags);

/* ---- Strings ------------------------------------------------------------ */

typedef struct MgcRuneNext {
    int32_t rune;
    int64_t next;
} MgcRuneNext;

MgcString mgc_concatstrings(const MgcString *parts, int64_t n);
MgcString mgc_concatstring2(MgcString a, MgcString b);
int64_t mgc_cmpstring(MgcString a, MgcString b);
bool mgc_eqstring(MgcString a, MgcString b);
MgcString mgc_intstring(int64_t r);
MgcString mgc_slicebytetostring(const uint8_t *p, int64_t n);
MgcSlice mgc_stringtoslicebyte(MgcString s);
MgcString mgc_slicerunetostring(const int32_t *p, int64_t n);
MgcSlice mgc_stringtoslicerune(MgcString s);
MgcRuneNext mgc_decoderune(MgcString s, int64_t k);
int64_t mgc_encoderune(uint8_t *p, int32_t r);

/* ---- Slices ------------------------------------------------------------- */

MgcSlice mgc_growslice(const MgcType *elem, void *ptr, int64_t len,
                       int64_t cap, int64_t newlen);
MgcSlice mgc_makeslice(const MgcType *elem, int64_t len, int64_t cap);
int64_t mgc_slicecopy(void *dst, int64_t dstlen, const void *src,
                      int64_t srclen, uint64_t elemsize);
void mgc_memmove(void *dst, const void *src, uint64_t n);
void mgc_memclr(void *p, uint64_t n);
uint64_t mgc_roundupsize(uint64_t size);

/* ---- Printing (print/println: one statement between lock and unlock) ---- */

void mgc_printlock(void);
void mgc_printunlock(void);
void mgc_printint(int64_t v);
void mgc_printuint(uint64_t v);
void mgc_printfloat(double v);
void mgc_printbool(bool v);
void mgc_printstring(MgcString s);
void mgc_printpointer(const void *p);
void mgc_printhex(uint64_t v);
void mgc_printslice(MgcSlice s);
void mgc_printiface(MgcIface i);
void mgc_printsp(void);
void mgc_printnl(void);

/* ---- Panics and run-time errors ----------------------------------------- */

/* Go's boundsError codes (runtime/error.go); OR MGC_BOUNDS_UNSIGNED into
 * the kind when the offending operand x has an unsigned type. */
enum {
    MGC_BOUNDS_INDEX = 0,      /* s[x]: 0 <= x < y failed (y == len) */
    MGC_BOUNDS_SLICE_ALEN,     /* s[?:x]: 0 <= x <= y (y == len) */
    MGC_BOUNDS_SLICE_ACAP,     /* s[?:x]: 0 <= x <= y (y == cap) */
    MGC_BOUNDS_SLICE_B,        /* s[x:y]: 0 <= x <= y */
    MGC_BOUNDS_SLICE3_ALEN,    /* s[?:?:x]: 0 <= x <= y (y == len) */
    MGC_BOUNDS_SLICE3_ACAP,    /* s[?:?:x]: 0 <= x <= y (y == cap) */
    MGC_BOUNDS_SLICE3_B,       /* s[?:x:y]: 0 <= x <= y */
    MGC_BOUNDS_SLICE3_C,       /* s[x:y:?]: 0 <= x <= y */
    MGC_BOUNDS_CONVERT,        /* (*[x]T)(s): 0 <= x <= y (y == len) */
    MGC_BOUNDS_UNSIGNED = 0x100
};

MGC_NORETURN void mgc_panic_index(int64_t i, int64_t len);
MGC_NORETURN void mgc_panic_slice(int kind, int64_t x, int64_t y);
MGC_NORETURN void mgc_panic_nil(void);
MGC_NORETURN void mgc_panic_divide(void);
MGC_NORETURN void mgc_panic_shift(void);
MGC_NORETURN void mgc_gopanic(const void *tab, void *data);

/* The type of the run-time errors' panic values: data points to an MgcString
 * holding the whole message ("runtime error: ..."). */
extern const MgcType mgc_type_runtime_error;
/* The descriptors of the basic types, for panics of basic values. */
extern const MgcType mgc_type_string;

/* ---- Defer, panic and recover ------------------------------------------- */

typedef struct MgcDefer {
    struct MgcDefer *next;
    void *closure;
} MgcDefer;

typedef struct MgcDeferFrame {
    struct MgcDeferFrame *prev;
    struct MgcDefer *defers;
    void *resume_pc;
    void *fp, *sp;
    uint64_t saved[12];
} MgcDeferFrame;

/* saved[] slots on amd64: rbx, r12, r13, r14, r15 (rbp and rsp are fp, sp). */
enum { MGC_SAVED_RBX, MGC_SAVED_R12, MGC_SAVED_R13, MGC_SAVED_R14,
       MGC_SAVED_R15 };

void mgc_defer_push_frame(MgcDeferFrame *f);
void mgc_defer_push(MgcDeferFrame *f, MgcDefer *d);
void mgc_defer_return(MgcDeferFrame *f);
/* recover(): fp is the frame pointer of the function calling recover. */
MgcIface mgc_gorecover(void *fp);

/* Calls a closure as generated code does (code address at word 0, the
 * closure pointer in the context register). */
void mgc_call_closure(void *closure);

/* ---- Tracebacks: the table the compiler emits in section mgc_pctab ------ */

typedef struct MgcPcLine {
    uint32_t pcoff;     /* from the function's start; entries ascend */
    uint32_t line;      /* the line of [pcoff, next entry's pcoff) */
} MgcPcLine;

enum { MGC_FUNC_WRAPPER = 1 << 0 };  /* a compiler-made thunk: not printed */

typedef struct MgcFuncInfo {
    const void *start;          /* [start, end): the function's code */
    const void *end;
    const char *name;           /* Go name: "main.(*T).M" */
    const char *file;           /* absolute path of the source file */
    const MgcPcLine *lines;
    uint32_t nlines;
    uint32_t flags;             /* MGC_FUNC_* */
} MgcFuncInfo;

/* ---- Start-up ----------------------------------------------------------- */

/* os.Args, symbol "os.Args", in section mgc_data. */
extern MgcSlice mgc_os_args;

/* os.Exit: flushes and exits with status code. */
MGC_NORETURN void mgc_os_exit(int64_t code);

/* Heap statistics, as Go's runtime.MemStats names them. */
typedef struct MgcMemStats {
    uint64_t mallocs, frees;
    uint64_t heap_alloc;        /* bytes of live objects (rounded to size class) */
    uint64_t total_alloc;       /* bytes ever allocated */
    uint64_t peak_heap_alloc;
    uint64_t heap_sys;          /* bytes of arena mapped for the heap */
    uint64_t heap_inuse;        /* bytes in in-use spans */
    uint64_t num_gc;
    uint64_t sys_meta;          /* bytes mapped for heap metadata */
} MgcMemStats;

void mgc_read_memstats(MgcMemStats *out);

#endif

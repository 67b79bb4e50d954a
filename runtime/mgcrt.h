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

/* One method of a type's method set (or of an interface type). */
typedef struct MgcMethod {
    const char *name;           /* "String"; unexported: "main.m" */
    const struct MgcType *type; /* the func type without receiver: "func() string" */
    void *ifn;                  /* code called with the data word as receiver
                                   (what itab fun[] holds); NULL for interfaces */
} MgcMethod;

/* MgcField.flags */
enum { MGC_FIELD_EMBEDDED = 1 << 0 };

/* One field of a struct type, in declaration order. */
typedef struct MgcField {
    const char *name;           /* "X"; an embedded field: its type's name "T" */
    const struct MgcType *type;
    uint64_t offset;
    uint64_t flags;             /* MGC_FIELD_* */
} MgcField;

typedef struct MgcItab {
    const MgcType *type;
    const MgcType *inter;
    void *fun[];
} MgcItab;

/* ---- Interfaces (runtime/iface.c) ---------------------------------------- */

/* inter, want, src: type descriptors; have: a dynamic type, NULL for a nil
 * interface.  The itab of have for inter (have itself when inter has no
 * methods), built on first use and cached; NULL when have is NULL or lacks
 * one of inter's methods. */
const void *mgc_assertI2(const MgcType *inter, const MgcType *have);
/* The same for x.(I) without comma-ok: panics "interface conversion: ..."
 * as Go does when there is no itab (src: the static type of x). */
const void *mgc_assertI(const MgcType *inter, const MgcType *have,
                        const MgcType *src);
/* x.(T) failed: panics "interface conversion: ..." as Go does. */
MGC_NORETURN void mgc_panicdottype(const MgcType *have, const MgcType *want,
                                   const MgcType *src);
/* == of two interface{} values (efaceeq) or two non-empty interface values
 * (ifaceeq: t1, t2 are itabs); panics "runtime error: comparing
 * uncomparable type T" when both hold the same uncomparable type. */
bool mgc_efaceeq(const void *t1, void *d1, const void *t2, void *d2);
bool mgc_ifaceeq(const void *t1, void *d1, const void *t2, void *d2);
/* (*[n]T)(s) with len(s) == len < n. */
MGC_NORETURN void mgc_panicslicetoarray(int64_t len, int64_t n);
/* print(x) of an interface{} value: (type,data). */
void mgc_printeface(const void *tab, void *data);

/* ---- Maps (runtime/map.c) --------------------------------------------------- */

/* mt: the map type's descriptor (kind MGC_KIND_MAP, key and elem set).
 * Keys are passed by address.  MgcMap is private to the runtime. */
typedef struct MgcMap MgcMap;

typedef struct MgcMapAccess2 {
    void *elem;
    bool ok;
} MgcMapAccess2;

/* A range loop's state: a frame slot of 96 bytes, zeroed by the caller.
 * key and elem point to the current entry; key NULL: no more entries. */
typedef struct MgcMapIter {
    void *key, *elem;
    uint64_t priv[10];
} MgcMapIter;

MgcMap *mgc_makemap(const MgcType *mt, int64_t hint);
/* &m[key], or a pointer to a zero value (never NULL, never written). */
void *mgc_mapaccess1(const MgcType *mt, MgcMap *m, const void *key);
MgcMapAccess2 mgc_mapaccess2(const MgcType *mt, MgcMap *m, const void *key);
/* &m[key], the entry inserted (zero) if absent; panics "assignment to
 * entry in nil map" for a nil m.  Valid until the next insertion. */
void *mgc_mapassign(const MgcType *mt, MgcMap *m, const void *key);
void mgc_mapdelete(const MgcType *mt, MgcMap *m, const void *key);
int64_t mgc_maplen(MgcMap *m);
void mgc_mapiterinit(const MgcType *mt, MgcMap *m, MgcMapIter *it);
void mgc_mapiternext(MgcMapIter *it);

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

/* ---- The standard library: fmt, errors, os, math (fmt*.c, stdlib.c) ----- */

/* Each function is named by its Go symbol (an asm label) and takes the
 * flattened words of its Go parameters: a ...any is (ptr, len, cap) of
 * MgcIface, a string (ptr, len).  Results of more than two words come
 * back through a hidden pointer passed first. */

/* The (n int, err error) results of Print, Println and Printf. */
typedef struct FmtPrintResult {
    int64_t n;
    MgcIface err;
} FmtPrintResult;

FmtPrintResult *fmt_print(FmtPrintResult *res, const MgcIface *a, int64_t n,
                          int64_t cap) __asm__("fmt.Print");
FmtPrintResult *fmt_println(FmtPrintResult *res, const MgcIface *a, int64_t n,
                            int64_t cap) __asm__("fmt.Println");
FmtPrintResult *fmt_printf(FmtPrintResult *res, const uint8_t *format, int64_t flen,
                           const MgcIface *a, int64_t n, int64_t cap) __asm__("fmt.Printf");
MgcString fmt_sprint(const MgcIface *a, int64_t n, int64_t cap) __asm__("fmt.Sprint");
MgcString fmt_sprintln(const MgcIface *a, int64_t n, int64_t cap) __asm__("fmt.Sprintln");
MgcString fmt_sprintf(const uint8_t *format, int64_t flen, const MgcIface *a, int64_t n,
                      int64_t cap) __asm__("fmt.Sprintf");
MgcIface fmt_errorf(const uint8_t *format, int64_t flen, const MgcIface *a, int64_t n,
                    int64_t cap) __asm__("fmt.Errorf");

MgcIface errors_new(const uint8_t *text, int64_t len) __asm__("errors.New");

MGC_NORETURN void os_exit(int64_t code) __asm__("os.Exit");

double math_abs(double x) __asm__("math.Abs");
double math_ceil(double x) __asm__("math.Ceil");
double math_copysign(double f, double sign) __asm__("math.Copysign");
double math_exp(double x) __asm__("math.Exp");
uint32_t math_float32bits(float f) __asm__("math.Float32bits");
float math_float32frombits(uint32_t b) __asm__("math.Float32frombits");
uint64_t math_float64bits(double f) __asm__("math.Float64bits");
double math_float64frombits(uint64_t b) __asm__("math.Float64frombits");
double math_floor(double x) __asm__("math.Floor");
double math_inf(int64_t sign) __asm__("math.Inf");
bool math_isinf(double f, int64_t sign) __asm__("math.IsInf");
bool math_isnan(double f) __asm__("math.IsNaN");
double math_log(double x) __asm__("math.Log");
double math_max(double x, double y) __asm__("math.Max");
double math_min(double x, double y) __asm__("math.Min");
double math_mod(double x, double y) __asm__("math.Mod");
double math_nan(void) __asm__("math.NaN");
double math_pow(double x, double y) __asm__("math.Pow");
bool math_signbit(double x) __asm__("math.Signbit");
double math_sqrt(double x) __asm__("math.Sqrt");
double math_trunc(double x) __asm__("math.Trunc");

/* The error interface's descriptor, and the dynamic types of the errors
 * errors.New and fmt.Errorf (with %w) return. */
extern const MgcType mgc_type_error;
extern const MgcType mgc_type_errors_error_string_ptr;
extern const MgcType mgc_type_fmt_wrap_error_ptr;

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

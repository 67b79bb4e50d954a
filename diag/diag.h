/* diag.h — source files, positions and the error list.
 *
 * A Pos is an integer (file index, line, byte column), so later phases can
 * keep positions without pointing into the AST.  Errors are collected,
 * sorted by position and printed as gc prints them:
 *   file:line:col: message
 * at most 10, then "file:line:col: too many errors". */
#ifndef MGC_DIAG_H
#define MGC_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "mem/mem.h"

/* file: 16 bits, line: 24 bits, column: 24 bits.  Lines and columns beyond
 * the field's range saturate.  0 is "no position". */
typedef uint64_t Pos;
#define POS_NONE ((Pos)0)
#define POS_LINE_MAX 0xFFFFFFu
#define POS_COL_MAX 0xFFFFFFu
static inline Pos pos_make(uint32_t file, uint32_t line, uint32_t col) {
    if (line > POS_LINE_MAX) line = POS_LINE_MAX;
    if (col > POS_COL_MAX) col = POS_COL_MAX;
    return ((Pos)(file & 0xFFFF) << 48) | ((Pos)line << 24) | (Pos)col;
}
static inline uint32_t pos_file(Pos p) { return (uint32_t)(p >> 48); }
static inline uint32_t pos_line(Pos p) { return (uint32_t)(p >> 24) & 0xFFFFFF; }
static inline uint32_t pos_col(Pos p) { return (uint32_t)p & 0xFFFFFF; }

typedef struct SourceFile {
    const char *name;   /* as given on the command line */
    const char *text;   /* contents, NUL-terminated (text[len] == 0) */
    size_t len;
    uint32_t index;     /* 1-based; index 0 means "no file" */
} SourceFile;

typedef struct DiagMsg {
    Pos pos;
    char *msg;
    uint32_t seq;       /* order of report, to keep the sort stable */
} DiagMsg;

typedef struct Diag {
    Arena *arena;            /* messages live here (perm) */
    SourceFile **files;      /* files[i-1] has index i */
    uint32_t nfiles, capfiles;
    DiagMsg *msgs;
    uint32_t nmsgs, capmsgs;
    int nerrors;             /* errors counted toward the limit */
    int limit;               /* 10, as gc; 0 means no limit */
    Pos last_syntax;         /* one syntax error per line, as gc */
    Pos last_other;
    const char *last_msg;
    bool too_many;           /* the limit was reached: stop and flush */
    FILE *out;               /* stdout for `mgc compile`, stderr for build/run */
} Diag;

void diag_init(Diag *d, Arena *perm, FILE *out);
void diag_free(Diag *d);

/* Reads a file into memory owned by d (freed by diag_free).  Returns NULL
 * and sets errno on failure. */
SourceFile *diag_load_file(Diag *d, const char *path);
/* Registers text that is already in memory (tests, stdin). */
SourceFile *diag_add_source(Diag *d, const char *name, const char *text, size_t len);
SourceFile *diag_file(const Diag *d, Pos p);

/* Records an error at p.  gc's rules: only one syntax error ("syntax error"
 * prefix) per line; equal messages on one line are reported once; after the
 * 10th error, too_many is set and later reports are dropped. */
void diag_error(Diag *d, Pos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_verror(Diag *d, Pos p, const char *fmt, va_list ap);

/* If some recorded message starts with prefix, drops every message that
 * does not, and recomputes the error count and the "too many errors" state
 * from what remains; otherwise changes nothing.  Returns the number of
 * messages that start with prefix.  (The type checker keeps only its "mgc
 * does not support" refusals once it has made one: the other errors may
 * follow from the refused construct.) */
int diag_keep_prefix(Diag *d, const char *prefix);

/* Prints "file:line:col" of p into buf (size n). */
void diag_format_pos(const Diag *d, Pos p, char *buf, size_t n);

/* Prints collected errors sorted by position (duplicates dropped) and, if
 * the limit was reached, the "too many errors" line; empties the list. */
void diag_flush(Diag *d);
static inline int diag_errors(const Diag *d) { return d->nerrors; }

#endif

/* diag.c — source files and the error list, with gc's reporting rules. */
#include "diag/diag.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void diag_init(Diag *d, Arena *perm, FILE *out) {
    memset(d, 0, sizeof *d);
    d->arena = perm;
    d->limit = 10;
    d->out = out;
}

void diag_free(Diag *d) {
    for (uint32_t i = 0; i < d->nfiles; i++)
        mem_xfree((void *)d->files[i]->text);
    mem_xfree(d->files);
    mem_xfree(d->msgs);
    d->files = NULL;
    d->msgs = NULL;
    d->nfiles = d->nmsgs = 0;
}

/* Registers a file whose text (malloc'ed through mem/) d now owns. */
static SourceFile *add_file(Diag *d, const char *name, char *text, size_t len) {
    if (d->nfiles == d->capfiles) {
        d->capfiles = d->capfiles ? d->capfiles * 2 : 8;
        d->files = mem_xrealloc(d->files, d->capfiles * sizeof *d->files);
    }
    SourceFile *f = ARENA_NEW(d->arena, SourceFile);
    f->name = arena_strndup(d->arena, name, strlen(name));
    f->text = text;
    f->len = len;
    d->files[d->nfiles++] = f;
    f->index = d->nfiles;
    return f;
}

SourceFile *diag_load_file(Diag *d, const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = mem_xmalloc(cap);
    for (;;) {
        if (cap - len < 2) {
            cap *= 2;
            buf = mem_xrealloc(buf, cap);
        }
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0)
            break;
    }
    int err = ferror(fp);
    fclose(fp);
    if (err) {
        mem_xfree(buf);
        errno = EIO;
        return NULL;
    }
    buf[len] = 0;
    return add_file(d, path, buf, len);
}

SourceFile *diag_add_source(Diag *d, const char *name, const char *text, size_t len) {
    char *copy = mem_xmalloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = 0;
    return add_file(d, name, copy, len);
}

SourceFile *diag_file(const Diag *d, Pos p) {
    uint32_t i = pos_file(p);
    if (i == 0 || i > d->nfiles)
        return NULL;
    return d->files[i - 1];
}

void diag_format_pos(const Diag *d, Pos p, char *buf, size_t n) {
    const SourceFile *f = diag_file(d, p);
    snprintf(buf, n, "%s:%u:%u", f ? f->name : "<unknown>", pos_line(p), pos_col(p));
}

static bool same_line(Pos a, Pos b) {
    return a != POS_NONE && pos_file(a) == pos_file(b) && pos_line(a) == pos_line(b);
}

void diag_verror(Diag *d, Pos p, const char *fmt, va_list ap) {
    if (d->too_many)
        return;
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    if (strncmp(buf, "syntax error", 12) == 0) {
        if (same_line(d->last_syntax, p))
            return; /* only one syntax error per line, as gc */
        d->last_syntax = p;
    } else {
        if (same_line(d->last_other, p) && d->last_msg && strcmp(d->last_msg, buf) == 0)
            return;
        d->last_other = p;
    }
    if (d->nmsgs == d->capmsgs) {
        d->capmsgs = d->capmsgs ? d->capmsgs * 2 : 16;
        d->msgs = mem_xrealloc(d->msgs, d->capmsgs * sizeof *d->msgs);
    }
    DiagMsg *m = &d->msgs[d->nmsgs];
    m->pos = p;
    m->msg = arena_strndup(d->arena, buf, strlen(buf));
    m->seq = d->nmsgs++;
    if (strncmp(buf, "syntax error", 12) != 0)
        d->last_msg = m->msg;
    d->nerrors++;
    if (d->limit > 0 && d->nerrors >= d->limit)
        d->too_many = true;
}

void diag_error(Diag *d, Pos p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(d, p, fmt, ap);
    va_end(ap);
}

int diag_keep_prefix(Diag *d, const char *prefix) {
    size_t n = strlen(prefix);
    uint32_t kept = 0;
    for (uint32_t i = 0; i < d->nmsgs; i++)
        kept += strncmp(d->msgs[i].msg, prefix, n) == 0;
    if (kept == 0)
        return 0;
    kept = 0;
    for (uint32_t i = 0; i < d->nmsgs; i++)
        if (strncmp(d->msgs[i].msg, prefix, n) == 0)
            d->msgs[kept++] = d->msgs[i]; /* seq keeps the report order */
    d->nmsgs = kept;
    d->nerrors = (int)kept;
    d->too_many = d->limit > 0 && d->nerrors >= d->limit;
    return (int)kept;
}

/* A message with its file name, for sorting without a context pointer. */
typedef struct SortKey {
    const char *file;
    const DiagMsg *m;
} SortKey;

/* Orders as gc does: by file name, then line and column, then report order. */
static int cmp_key(const void *a, const void *b) {
    const SortKey *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c != 0)
        return c;
    uint64_t lx = x->m->pos & 0xFFFFFFFFFFFFull, ly = y->m->pos & 0xFFFFFFFFFFFFull;
    if (lx != ly)
        return lx < ly ? -1 : 1;
    return x->m->seq < y->m->seq ? -1 : x->m->seq > y->m->seq;
}

void diag_flush(Diag *d) {
    if (d->nmsgs == 0)
        return;
    SortKey *keys = mem_xmalloc(d->nmsgs * sizeof *keys);
    for (uint32_t i = 0; i < d->nmsgs; i++) {
        const SourceFile *f = diag_file(d, d->msgs[i].pos);
        keys[i].file = f ? f->name : "";
        keys[i].m = &d->msgs[i];
    }
    qsort(keys, d->nmsgs, sizeof *keys, cmp_key);
    char where[512];
    for (uint32_t i = 0; i < d->nmsgs; i++) {
        const DiagMsg *m = keys[i].m;
        if (i > 0 && m->pos == keys[i - 1].m->pos && strcmp(m->msg, keys[i - 1].m->msg) == 0)
            continue; /* gc drops exact duplicates */
        diag_format_pos(d, m->pos, where, sizeof where);
        fprintf(d->out, "%s: %s\n", where, m->msg);
    }
    mem_xfree(keys);
    if (d->too_many) {
        /* gc names the position of the error that reached the limit. */
        Pos last = POS_NONE;
        uint32_t best = 0;
        for (uint32_t i = 0; i < d->nmsgs; i++)
            if (d->msgs[i].seq >= best) {
                best = d->msgs[i].seq;
                last = d->msgs[i].pos;
            }
        diag_format_pos(d, last, where, sizeof where);
        fprintf(d->out, "%s: too many errors\n", where);
    }
    fflush(d->out);
    d->nmsgs = 0;
}

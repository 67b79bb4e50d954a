/* verify.c — the checker run between passes: every invariant stated at the
 * top of ssa.h, reported as one precise message naming the pass, the
 * block and the value.
 *
 * The checks run in an order that makes each later one safe: first the
 * blocks and values are gathered into sorted pointer sets, so that a
 * pointer to a freed or foreign object is recognised without being read;
 * only then are edges, arities, use counts and finally dominance (which
 * walks the edges) checked. */
#include "ssa/ssa.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct Verifier {
    const SsaFunc *f;
    const char *pass;
    char *why;
    size_t n;
    Arena *scratch;
    Block **blocks;       /* f's blocks sorted by address */
    int nblocks;
    Value **values;       /* every value of every block, sorted by address */
    int *where;           /* for values[i]: index in its block */
    int *uses;            /* for values[i]: arg slots and controls naming it */
    int nvalues;
} Verifier;

static bool fail(Verifier *vf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Writes the message "FUNC: after pass P: ..." and returns false. */
static bool fail(Verifier *vf, const char *fmt, ...) {
    if (vf->why && vf->n > 0) {
        int k = snprintf(vf->why, vf->n, "%s: after pass %s: ", vf->f->name ? vf->f->name : "?",
                         vf->pass ? vf->pass : "?");
        if (k >= 0 && (size_t)k < vf->n) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(vf->why + k, vf->n - (size_t)k, fmt, ap);
            va_end(ap);
        }
    }
    return false;
}

/* Orders pointers by address. */
static int cmp_ptr(const void *a, const void *b) {
    uintptr_t x = (uintptr_t) * (void *const *)a, y = (uintptr_t) * (void *const *)b;
    return x < y ? -1 : x > y;
}

/* Returns the index of p in the sorted set, or -1, without reading *p. */
static int find(void *const *set, int n, const void *p) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        uintptr_t m = (uintptr_t)set[mid];
        if (m == (uintptr_t)p)
            return mid;
        if (m < (uintptr_t)p)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Sorts a pointer array in place; returns false if it has a duplicate. */
static bool sort_unique(void **a, int n) {
    qsort(a, (size_t)n, sizeof *a, cmp_ptr);
    for (int i = 1; i < n; i++)
        if (a[i] == a[i - 1])
            return false;
    return true;
}

/* Number of times x occurs in a[0..n). */
static int count(Block *const *a, int n, const Block *x) {
    int k = 0;
    for (int i = 0; i < n; i++)
        k += a[i] == x;
    return k;
}

/* Blocks: live, in f, numbered by position, edges to blocks of f. */
static bool check_blocks(Verifier *vf) {
    const SsaFunc *f = vf->f;
    if (f->nblocks == 0)
        return fail(vf, "no blocks");
    vf->nblocks = f->nblocks;
    vf->blocks = ARENA_NEW_ARRAY(vf->scratch, Block *, f->nblocks);
    for (int i = 0; i < f->nblocks; i++) {
        if (!f->blocks[i])
            return fail(vf, "blocks[%d] is NULL", i);
        vf->blocks[i] = f->blocks[i];
    }
    if (!sort_unique((void **)vf->blocks, vf->nblocks))
        return fail(vf, "a block is listed twice");
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        if (b->func != f)
            return fail(vf, "b%u belongs to another function", b->id);
        if (b->order != i)
            return fail(vf, "b%u has order %d but is at position %d", b->id, b->order, i);
        if (b->id == 0 || b->id >= f->next_block_id)
            return fail(vf, "b%u: id out of range (next is %u)", b->id, f->next_block_id);
        if (b->nsuccs < 0 || b->nsuccs > 2)
            return fail(vf, "b%u has %d successors", b->id, b->nsuccs);
        for (int j = 0; j < b->nsuccs; j++)
            if (find((void *const *)vf->blocks, vf->nblocks, b->succs[j]) < 0)
                return fail(vf, "b%u: successor %d is not a block of the function (freed?)", b->id, j);
        for (int j = 0; j < b->npreds; j++)
            if (find((void *const *)vf->blocks, vf->nblocks, b->preds[j]) < 0)
                return fail(vf, "b%u: predecessor %d is not a block of the function (freed?)", b->id, j);
    }
    if (f->blocks[0]->npreds != 0)
        return fail(vf, "entry b%u has predecessors", f->blocks[0]->id);
    return true;
}

/* Each edge b -> s appears as often in b->succs as b does in s->preds. */
static bool check_edges(Verifier *vf) {
    const SsaFunc *f = vf->f;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nsuccs; j++) {
            Block *s = b->succs[j];
            int out = count(b->succs, b->nsuccs, s), in = count(s->preds, s->npreds, b);
            if (out != in)
                return fail(vf, "b%u lists b%u as successor %d time(s), b%u lists b%u as predecessor %d time(s)",
                            b->id, s->id, out, s->id, b->id, in);
        }
        for (int j = 0; j < b->npreds; j++) {
            Block *p = b->preds[j];
            int in = count(b->preds, b->npreds, p), out = count(p->succs, p->nsuccs, b);
            if (out != in)
                return fail(vf, "b%u lists b%u as predecessor %d time(s), b%u lists b%u as successor %d time(s)",
                            b->id, p->id, in, p->id, b->id, out);
        }
    }
    return true;
}

/* A block's kind fixes its number of successors and controls. */
static bool check_kinds(Verifier *vf) {
    const SsaFunc *f = vf->f;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        switch (b->kind) {
        case BLOCK_PLAIN:
            if (b->nsuccs != 1 || b->ncontrols != 0)
                return fail(vf, "b%u: Plain block with %d successors and %d controls (want 1 and 0)", b->id,
                            b->nsuccs, b->ncontrols);
            break;
        case BLOCK_IF:
            if (b->nsuccs != 2 || b->ncontrols != 1)
                return fail(vf, "b%u: If block with %d successors and %d controls (want 2 and 1)", b->id,
                            b->nsuccs, b->ncontrols);
            break;
        case BLOCK_RET:
            if (b->nsuccs != 0)
                return fail(vf, "b%u: Ret block with %d successors", b->id, b->nsuccs);
            break;
        case BLOCK_EXIT:
            if (b->nsuccs != 0 || b->ncontrols != 0)
                return fail(vf, "b%u: Exit block with %d successors and %d controls (want 0 and 0)", b->id,
                            b->nsuccs, b->ncontrols);
            break;
        default:
            return fail(vf, "b%u: invalid kind %d", b->id, b->kind);
        }
    }
    return true;
}

/* Values: each in exactly one block's list, v->block that block, fresh ids. */
static bool check_values(Verifier *vf) {
    const SsaFunc *f = vf->f;
    int n = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        if (b->nvalues < 0)
            return fail(vf, "b%u has %d values", b->id, b->nvalues);
        n += b->nvalues;
    }
    vf->nvalues = n;
    vf->values = ARENA_NEW_ARRAY(vf->scratch, Value *, n > 0 ? n : 1);
    vf->where = ARENA_NEW_ARRAY(vf->scratch, int, n > 0 ? n : 1);
    vf->uses = ARENA_NEW_ARRAY(vf->scratch, int, n > 0 ? n : 1);
    n = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++) {
            if (!b->values[j])
                return fail(vf, "b%u: value %d is NULL", b->id, j);
            vf->values[n++] = b->values[j];
        }
    }
    if (!sort_unique((void **)vf->values, n))
        return fail(vf, "a value is listed twice");
    uint8_t *ids = ARENA_NEW_ARRAY(vf->scratch, uint8_t, f->next_value_id + 1);
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            if (v->block != b)
                return fail(vf, "v%u is in the list of b%u but says it is in %s", v->id, b->id,
                            v->block ? "another block" : "no block");
            if (v->id == 0 || v->id >= f->next_value_id)
                return fail(vf, "v%u: id out of range (next is %u)", v->id, f->next_value_id);
            if (ids[v->id]++)
                return fail(vf, "two values have id v%u", v->id);
            if (!ssa_op_valid(v->op))
                return fail(vf, "v%u has invalid op %d", v->id, v->op);
            vf->where[find((void *const *)vf->values, vf->nvalues, v)] = j;
        }
    }
    return true;
}

/* Args and controls name live values of f; arities; phis first, one arg
 * per predecessor; use counts exact. */
static bool check_args(Verifier *vf) {
    const SsaFunc *f = vf->f;
    void *const *set = (void *const *)vf->values;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        bool past_phis = false;
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            const char *op = ssa_op_name(v->op);
            if (v->nargs > v->capargs)
                return fail(vf, "v%u (%s): %d args but room for %d", v->id, op, v->nargs, v->capargs);
            for (int k = 0; k < v->nargs; k++) {
                int w = find(set, vf->nvalues, v->args[k]);
                if (w < 0)
                    return fail(vf, "b%u: v%u (%s) arg %d is not a value of the function (freed?)", b->id, v->id,
                                op, k);
                vf->uses[w]++;
            }
            int want = ssa_op_nargs(v->op);
            if (want >= 0 && v->nargs != want)
                return fail(vf, "v%u (%s) has %d args, wants %d", v->id, op, v->nargs, want);
            if (v->op == SSA_OP_PHI) {
                if (past_phis)
                    return fail(vf, "b%u: phi v%u follows a non-phi value", b->id, v->id);
                if (v->nargs != b->npreds)
                    return fail(vf, "b%u: phi v%u has %d args for %d predecessors", b->id, v->id, v->nargs,
                                b->npreds);
            } else {
                past_phis = true;
            }
        }
        for (int k = 0; k < b->ncontrols; k++) {
            int w = find(set, vf->nvalues, b->controls[k]);
            if (w < 0)
                return fail(vf, "b%u: control %d is not a value of the function (freed?)", b->id, k);
            vf->uses[w]++;
        }
        if (b->kind == BLOCK_IF && b->controls[0]->cls != CLS_B)
            return fail(vf, "b%u: If on v%u of class %s, wants B", b->id, b->controls[0]->id,
                        ssa_class_name(b->controls[0]->cls));
    }
    for (int i = 0; i < vf->nvalues; i++)
        if (vf->uses[i] != vf->values[i]->uses)
            return fail(vf, "v%u has uses=%d but %d arg slots and controls name it", vf->values[i]->id,
                        vf->values[i]->uses, vf->uses[i]);
    return true;
}

/* Args are defined before their use: earlier in the block or in a
 * dominating block; a phi's arg k by the end of predecessor k. */
static bool check_dominance(Verifier *vf) {
    const SsaFunc *f = vf->f;
    SsaDomTree dt;
    ssa_dom_tree((SsaFunc *)f, &dt); /* reads f, allocates in scratch */
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        bool reachable = dt.pre[i] >= 0;
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            for (int k = 0; k < v->nargs; k++) {
                Value *a = v->args[k];
                if (v->op == SSA_OP_PHI) {
                    Block *p = b->preds[k];
                    if (dt.pre[p->order] >= 0 && !ssa_dom_tree_dominates(&dt, a->block, p))
                        return fail(vf, "b%u: phi v%u arg %d v%u is defined in b%u, which does not dominate "
                                    "predecessor b%u", b->id, v->id, k, a->id, a->block->id, p->id);
                    continue;
                }
                if (a->block == b) {
                    if (vf->where[find((void *const *)vf->values, vf->nvalues, a)] >= j)
                        return fail(vf, "b%u: v%u (%s) uses v%u before it is defined", b->id, v->id,
                                    ssa_op_name(v->op), a->id);
                } else if (reachable && !ssa_dom_tree_dominates(&dt, a->block, b)) {
                    return fail(vf, "b%u: v%u (%s) arg %d v%u is defined in b%u, which does not dominate b%u",
                                b->id, v->id, ssa_op_name(v->op), k, a->id, a->block->id, b->id);
                }
            }
        }
        for (int k = 0; k < b->ncontrols; k++) {
            Value *c = b->controls[k];
            if (reachable && !ssa_dom_tree_dominates(&dt, c->block, b))
                return fail(vf, "b%u: control v%u is defined in b%u, which does not dominate it", b->id, c->id,
                            c->block->id);
        }
    }
    return true;
}

/* Checks every invariant of ssa.h; on the first violation writes a message
 * naming the function, the pass, the block and the value into why. */
bool ssa_verify(const SsaFunc *f, const char *pass, char *why, size_t n) {
    Verifier vf = {.f = f, .pass = pass, .why = why, .n = n, .scratch = mem_scratch(f->mem)};
    if (why && n > 0)
        why[0] = '\0';
    ArenaMark mark = arena_mark(vf.scratch);
    bool ok = check_blocks(&vf) && check_edges(&vf) && check_kinds(&vf) && check_values(&vf) &&
              check_args(&vf) && check_dominance(&vf);
    arena_release(vf.scratch, mark);
    return ok;
}

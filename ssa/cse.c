/* cse.c — common subexpression elimination by global value numbering.
 *
 * As Go's cse pass: the pure values are partitioned into classes of values
 * that compute the same thing.  The first partition groups values by op,
 * class, type, aux, aux_int and number of args (phis also by block); each
 * round then splits a class whose members' args are in different classes,
 * until no class splits.  The partition is optimistic: a phi whose arg is
 * itself (or another member of its class) stays equal to a phi of the same
 * shape, so two induction variables that step alike are merged.  The two
 * args of a commutative op are compared as an unordered pair.  Finally,
 * walking the dominator tree, a value whose class has a member that
 * dominates it becomes a copy of that member, and copy elimination points
 * its uses there.  Values that are not pure (loads, calls, checks) are each
 * their own class.
 *
 * Cost: most values are alone in their first class and drop out at once;
 * the first partition is a hash table, a class is sorted (by a hash of its
 * members' arg classes) only when it does split, and the dominator tree is
 * computed only when a class spans blocks. */
#include "ssa/ssa.h"

#include <string.h>

/* A class of at least two members: members[lo..lo+n). */
typedef struct CseRun {
    int32_t lo, n;
} CseRun;

/* Per-pass state. */
typedef struct Cse {
    SsaFunc *f;
    int32_t *class_of;   /* by value id: a candidate's class (from 1); 0 for other values */
    int32_t *index_of;   /* by value id: a candidate's place in its block */
    int32_t next_class;
    Value **members;     /* the candidates in classes of two or more, class by class */
    CseRun *runs;
    int nruns;
    SsaKeyed *keyed, *tmp; /* sorting space for one run */
    int32_t *bound;      /* sub-run starts while a run splits */
} Cse;

/* Whether v may be merged with values computing the same. */
static bool cse_candidate(const Value *v) {
    return (ssa_op_flags(v->op) & OPF_PURE) && v->op != SSA_OP_COPY && v->cls != CLS_VOID &&
           v->cls != CLS_TUPLE;
}

/* Mixes x into the hash h. */
static uint64_t mix(uint64_t h, uint64_t x) {
    h ^= x + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdu;
}

/* The hash of the first partition's key of v: each field multiplied by
 * its own odd constant, the sum multiplied once more, its high half folded
 * into the low bits the table uses (one multiply per field, where mix
 * chains two). */
static uint64_t key_hash(const Value *v) {
    uint64_t k = (uint64_t)v->op | (uint64_t)v->cls << 16 | (uint64_t)v->nargs << 24;
    if (v->op == SSA_OP_PHI)
        k |= (uint64_t)v->block->id << 40;
    uint64_t h = k * 0x9e3779b97f4a7c15u + (uint64_t)v->aux_int * 0xc2b2ae3d27d4eb4fu +
                 (uint64_t)(uintptr_t)v->type * 0x165667b19e3779f9u +
                 (uint64_t)(uintptr_t)v->aux * 0xd6e8feb86659fd93u;
    h *= 0xff51afd7ed558ccdu;
    return h ^ (h >> 32);
}

/* Whether a and b have the same first-partition key. */
static bool same_key(const Value *a, const Value *b) {
    return a->op == b->op && a->cls == b->cls && a->aux_int == b->aux_int && a->type == b->type &&
           a->aux == b->aux && a->nargs == b->nargs && (a->op != SSA_OP_PHI || a->block == b->block);
}

/* The class of v as its users see it: every value that is no candidate is
 * a class of its own. */
static int64_t class_key(const int32_t *class_of, const Value *v) {
    int32_t c = class_of[v->id];
    return c ? c : -(int64_t)v->id;
}

/* Whether v's two args may be compared as an unordered pair. */
static bool commutes(const Value *v) {
    return v->nargs == 2 && (ssa_op_flags(v->op) & OPF_COMMUTATIVE);
}

/* Whether a and b (same first-partition key) have their args in the same
 * classes. */
static bool same_args(const int32_t *class_of, const Value *a, const Value *b) {
    if (commutes(a)) {
        int64_t a0 = class_key(class_of, a->args[0]), a1 = class_key(class_of, a->args[1]);
        int64_t b0 = class_key(class_of, b->args[0]), b1 = class_key(class_of, b->args[1]);
        return (a0 == b0 && a1 == b1) || (a0 == b1 && a1 == b0);
    }
    for (int i = 0; i < a->nargs; i++)
        if (class_key(class_of, a->args[i]) != class_key(class_of, b->args[i]))
            return false;
    return true;
}

/* A hash of the classes of v's args (of the unordered pair when v commutes). */
static uint64_t args_hash(const int32_t *class_of, const Value *v) {
    if (commutes(v)) {
        int64_t x = class_key(class_of, v->args[0]), y = class_key(class_of, v->args[1]);
        return mix(mix(1, (uint64_t)(x < y ? x : y)), (uint64_t)(x < y ? y : x));
    }
    uint64_t h = 1;
    for (int i = 0; i < v->nargs; i++)
        h = mix(h, (uint64_t)class_key(class_of, v->args[i]));
    return h;
}

/* Numbers the first partition's classes with a hash table and lays the
 * classes of two or more members out in cx->members, as runs.  Returns
 * the number of candidates in such classes. */
static int first_partition(Cse *cx, Value **cand, int ncand) {
    Arena *scratch = mem_scratch(cx->f->mem);
    int cap = 16;
    while (cap < 2 * ncand)
        cap *= 2;
    Value **table = ARENA_NEW_ARRAY(scratch, Value *, cap);
    int32_t *size = ARENA_NEW_ARRAY(scratch, int32_t, ncand + 2);
    for (int i = 0; i < ncand; i++) {
        Value *v = cand[i];
        size_t h = (size_t)key_hash(v) & (size_t)(cap - 1);
        while (table[h] && !same_key(table[h], v))
            h = (h + 1) & (size_t)(cap - 1);
        if (table[h]) {
            cx->class_of[v->id] = cx->class_of[table[h]->id];
        } else {
            table[h] = v;
            cx->class_of[v->id] = cx->next_class++;
        }
        size[cx->class_of[v->id]]++;
    }
    /* Counting sort of the shared classes: size[c] becomes c's next slot. */
    int n = 0;
    cx->nruns = 0;
    for (int32_t c = 1; c < cx->next_class; c++) {
        if (size[c] < 2) {
            size[c] = -1;
            continue;
        }
        cx->runs[cx->nruns++] = (CseRun){n, size[c]};
        int32_t start = n;
        n += size[c];
        size[c] = start;
    }
    for (int i = 0; i < ncand; i++) {
        int32_t c = cx->class_of[cand[i]->id];
        if (size[c] >= 0)
            cx->members[size[c]++] = cand[i];
    }
    return n;
}

/* Splits run r by its members' arg classes if they differ.  The new
 * classes are numbered only after every member was compared, since
 * members may be args of each other (phis).  Returns whether r split. */
static bool split_run(Cse *cx, int r) {
    CseRun run = cx->runs[r];
    Value **m = cx->members + run.lo;
    int i = 1;
    while (i < run.n && same_args(cx->class_of, m[0], m[i]))
        i++;
    if (i == run.n)
        return false;
    SsaKeyed *k = cx->keyed;
    for (i = 0; i < run.n; i++)
        k[i] = (SsaKeyed){args_hash(cx->class_of, m[i]), m[i]};
    ssa_sort_keyed(k, run.n, cx->tmp);
    /* Group equal hashes; a group whose members still differ (a hash
     * collision) is split by repeated selection. */
    int nb = 0, out = 0;
    for (int lo = 0; lo < run.n;) {
        int hi = lo + 1;
        while (hi < run.n && k[hi].key == k[lo].key)
            hi++;
        /* k[g..end) are the group's members not yet placed */
        for (int g = lo, end = hi; g < end;) {
            cx->bound[nb++] = out;
            Value *first = k[g].v;
            m[out++] = first;
            int keep = g + 1;
            for (int j = g + 1; j < end; j++) {
                if (same_args(cx->class_of, first, k[j].v))
                    m[out++] = k[j].v;
                else
                    k[keep++] = k[j];
            }
            g++;
            end = keep;
        }
        lo = hi;
    }
    cx->bound[nb] = run.n;
    for (int b = 1; b < nb; b++) {
        int32_t c = cx->next_class++;
        for (int j = cx->bound[b]; j < cx->bound[b + 1]; j++)
            cx->class_of[m[j]->id] = c;
    }
    cx->runs[r].n = cx->bound[1];
    for (int b = 1; b < nb; b++)
        if (cx->bound[b + 1] - cx->bound[b] >= 2)
            cx->runs[cx->nruns++] = (CseRun){run.lo + cx->bound[b], cx->bound[b + 1] - cx->bound[b]};
    return true;
}

/* Replaces each member of run r by a member that dominates it.  A run in
 * one block is in value order already, its first member dominates the
 * rest; otherwise the run is walked in dominator-tree order with a stack
 * of candidates (the tree is computed on first need).  Returns whether
 * any member was replaced. */
static bool merge_run(Cse *cx, int r, const SsaDomTree **dtp) {
    CseRun run = cx->runs[r];
    Value **m = cx->members + run.lo;
    Block *b = m[0]->block;
    int i = 1;
    while (i < run.n && m[i]->block == b)
        i++;
    if (i == run.n) {
        Value *first = m[0];
        for (i = 1; i < run.n; i++)
            if (cx->index_of[m[i]->id] < cx->index_of[first->id])
                first = m[i];
        for (i = 0; i < run.n; i++)
            if (m[i] != first)
                ssa_value_copy_of(cx->f, m[i], first);
        return true;
    }
    if (!*dtp)
        *dtp = ssa_func_dom_tree(cx->f);
    const SsaDomTree *dt = *dtp;
    SsaKeyed *k = cx->keyed;
    int n = 0;
    for (i = 0; i < run.n; i++) {
        int32_t pre = dt->pre[m[i]->block->order];
        if (pre >= 0) /* values of unreachable blocks stay */
            k[n++] = (SsaKeyed){(uint64_t)pre << 32 | (uint32_t)cx->index_of[m[i]->id], m[i]};
    }
    ssa_sort_keyed(k, n, cx->tmp);
    /* The stack holds the members seen whose subtree the walk is still in. */
    Value **stack = cx->members + run.lo;
    int sp = 0;
    bool changed = false;
    for (i = 0; i < n; i++) {
        Value *x = k[i].v;
        while (sp > 0 && !ssa_dom_tree_dominates(dt, stack[sp - 1]->block, x->block))
            sp--;
        if (sp > 0) {
            ssa_value_copy_of(cx->f, x, stack[sp - 1]);
            changed = true;
        } else {
            stack[sp++] = x;
        }
    }
    return changed;
}

/* The pass: first partition, refine, merge, then bypass the copies. */
void ssa_pass_cse(SsaFunc *f) {
    Arena *scratch = mem_scratch(f->mem);
    int nvalues = 0;
    for (int i = 0; i < f->nblocks; i++)
        nvalues += f->blocks[i]->nvalues;
    Cse cx = {.f = f, .next_class = 1};
    cx.class_of = ARENA_NEW_ARRAY(scratch, int32_t, f->next_value_id);
    cx.index_of = arena_alloc(scratch, sizeof(int32_t) * f->next_value_id, _Alignof(int32_t));
    Value **cand = arena_alloc(scratch, sizeof(Value *) * (size_t)(nvalues + 1), _Alignof(Value *));
    int ncand = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            if (cse_candidate(v)) {
                cand[ncand++] = v;
                cx.index_of[v->id] = j;
            }
        }
    }
    cx.members = arena_alloc(scratch, sizeof(Value *) * (size_t)(ncand + 1), _Alignof(Value *));
    /* A run is a class of two or more members, all splits included:
     * fewer runs than candidates. */
    cx.runs = arena_alloc(scratch, sizeof(CseRun) * (size_t)(ncand + 1), _Alignof(CseRun));
    int n = first_partition(&cx, cand, ncand);
    if (n == 0)
        return;
    cx.keyed = arena_alloc(scratch, sizeof(SsaKeyed) * (size_t)n, _Alignof(SsaKeyed));
    cx.tmp = arena_alloc(scratch, sizeof(SsaKeyed) * (size_t)n, _Alignof(SsaKeyed));
    cx.bound = arena_alloc(scratch, sizeof(int32_t) * (size_t)(n + 1), _Alignof(int32_t));
    for (bool split = true; split;) {
        split = false;
        for (int r = 0; r < cx.nruns; r++)
            if (cx.runs[r].n >= 2)
                split |= split_run(&cx, r);
    }
    const SsaDomTree *dt = NULL;
    bool changed = false;
    for (int r = 0; r < cx.nruns; r++)
        if (cx.runs[r].n >= 2)
            changed |= merge_run(&cx, r, &dt);
    if (changed)
        ssa_pass_copyelim(f);
}

/* checkelim.c — removes nil, bounds and other checks that cannot fail.
 *
 * A check is removed only when it is proven redundant:
 *   - a nil check of a pointer that cannot be nil (New, LocalAddr, Addr,
 *     SymAddr, an OffPtr of such a pointer), of a pointer already checked
 *     by a dominating nil check, or on a path where a dominating branch
 *     compared it with nil;
 *   - a bounds check 0 <= i < n when both are constants in range, when a
 *     dominating bounds check tested the same pair, or when a dominating
 *     branch established i < n (signed, with i known non-negative, or
 *     unsigned) — the case of `for i := range s { s[i] }` and of
 *     `for i := 0; i < len(s); i++`, where the loop's i is a phi that
 *     starts at a non-negative constant and is incremented by one only
 *     below a bound, so never overflows; or when i is x - d (d >= 1) on a
 *     path where x >= d and x < n, as s[i-1] under `if i > 0`;
 *   - a slice check 0 <= i <= n on constants, or i == n non-negative;
 *   - a division check of a non-zero constant, a shift check of a
 *     non-negative count.
 * Facts come from the dominator tree: block B is reached only through the
 * edge d -> s of an If when s dominates B and d is s's only predecessor. */
#include "ssa/ssa.h"


/* Per-pass state. */
typedef struct CheckCtx {
    SsaFunc *f;
    SsaDomTree dt;
    int8_t *nonneg;     /* by value id: 0 unknown, 1 yes, -1 no, 2 being proven */
    int depth;          /* proofs of non-negativity open */
    bool *dup;          /* by value id: an identical check runs before */
} CheckCtx;

/* Walks to the fact-giving edges above block b: calls visit with the
 * control of each If whose outcome is known on every path to b, and that
 * outcome, until visit returns true.  Returns whether it did. */
static bool for_each_fact(const CheckCtx *cx, const Block *b,
                          bool (*visit)(const void *arg, Value *cond, bool outcome), const void *arg) {
    const Block *s = b;
    for (int steps = 0; steps < 1 << 20; steps++) {
        Block *d = cx->dt.idom[s->order];
        if (!d)
            return false;
        if (d->kind == BLOCK_IF && d->ncontrols == 1 && d->nsuccs == 2 && s->npreds == 1 &&
            d->succs[0] != d->succs[1]) {
            if (visit(arg, d->controls[0], d->succs[0] == s))
                return true;
        }
        s = d;
    }
    return false;
}

/* A fact being looked for: "a < b" (or "a <u b", or a relation with nil). */
typedef struct Query {
    Value *a, *b;
    bool unsigned_ok;   /* a <u b also proves it */
    bool signed_ok;     /* a < b (signed) also proves it */
} Query;

/* Whether cond with outcome proves q: a comparison of q's operands. */
static bool proves_less(const void *arg, Value *cond, bool outcome) {
    const Query *q = arg;
    cond = ssa_skip_copies(cond);
    while (cond->op == SSA_OP_NOT) {
        cond = ssa_skip_copies(cond->args[0]);
        outcome = !outcome;
    }
    if (cond->nargs != 2)
        return false;
    Value *x = ssa_skip_copies(cond->args[0]), *y = ssa_skip_copies(cond->args[1]);
    int op = cond->op;
    /* Normalize to "x REL y holds". */
    if (!outcome) {
        switch (op) {
        case SSA_OP_GE: op = SSA_OP_LT; break;
        case SSA_OP_LE: op = SSA_OP_GT; break;
        case SSA_OP_GEU: op = SSA_OP_LTU; break;
        case SSA_OP_LEU: op = SSA_OP_GTU; break;
        default: return false;
        }
    }
    bool sgn;
    switch (op) {
    case SSA_OP_LT: sgn = true; break;
    case SSA_OP_LTU: sgn = false; break;
    case SSA_OP_GT: sgn = true; { Value *t = x; x = y; y = t; } break;
    case SSA_OP_GTU: sgn = false; { Value *t = x; x = y; y = t; } break;
    default: return false;
    }
    if (x != q->a || y != q->b)
        return false;
    return sgn ? q->signed_ok : q->unsigned_ok;
}

/* Whether some dominating branch proves q at block b. */
static bool fact_less(const CheckCtx *cx, const Block *b, Value *a, Value *n, bool signed_ok) {
    Query q = {a, n, true, signed_ok};
    return for_each_fact(cx, b, proves_less, &q);
}

/* A fact being looked for: "x >= lo" (signed). */
typedef struct LowerQuery {
    Value *x;
    int64_t lo;
} LowerQuery;

/* Whether cond with outcome gives x a lower bound of at least q->lo: a
 * signed comparison of x with a constant. */
static bool proves_at_least(const void *arg, Value *cond, bool outcome) {
    const LowerQuery *q = arg;
    cond = ssa_skip_copies(cond);
    while (cond->op == SSA_OP_NOT) {
        cond = ssa_skip_copies(cond->args[0]);
        outcome = !outcome;
    }
    if (cond->nargs != 2)
        return false;
    Value *l = ssa_skip_copies(cond->args[0]), *r = ssa_skip_copies(cond->args[1]);
    int64_t k;
    int op = cond->op;
    bool x_left = l == q->x && ssa_int_const(r, &k);
    if (!x_left && !(r == q->x && ssa_int_const(l, &k)))
        return false;
    if (!x_left) { /* k OP x: mirror to x OP' k */
        switch (op) {
        case SSA_OP_LT: op = SSA_OP_GT; break;
        case SSA_OP_LE: op = SSA_OP_GE; break;
        case SSA_OP_GT: op = SSA_OP_LT; break;
        case SSA_OP_GE: op = SSA_OP_LE; break;
        default: return false;
        }
    }
    if (!outcome) { /* not (x OP k) */
        switch (op) {
        case SSA_OP_LT: op = SSA_OP_GE; break;
        case SSA_OP_LE: op = SSA_OP_GT; break;
        default: return false;
        }
    }
    if (op == SSA_OP_GE)
        return k >= q->lo;
    if (op == SSA_OP_GT)
        return k < INT64_MAX && k + 1 >= q->lo;
    return false;
}

/* Whether the index i is x - d for a constant d >= 1 where dominating
 * branches established x >= d and x < n: then 0 <= i < x < n. */
static bool offset_below_bound(const CheckCtx *cx, const Block *b, Value *i, Value *n) {
    int64_t c, d;
    if (i->nargs != 2)
        return false;
    Value *x = ssa_skip_copies(i->args[0]);
    if (i->op == SSA_OP_SUB && ssa_int_const(i->args[1], &c))
        d = c;
    else if (i->op == SSA_OP_ADD && ssa_int_const(i->args[1], &c) && c != INT64_MIN)
        d = -c;
    else if (i->op == SSA_OP_ADD && ssa_int_const(i->args[0], &c) && c != INT64_MIN) {
        d = -c;
        x = ssa_skip_copies(i->args[1]);
    } else
        return false;
    if (d < 1)
        return false;
    LowerQuery q = {x, d};
    return for_each_fact(cx, b, proves_at_least, &q) && fact_less(cx, b, x, n, true);
}

static bool nonneg(CheckCtx *cx, Value *v);

/* Whether cond with outcome says "p < something" (signed) for the phi p
 * passed as arg. */
static bool proves_below_bound(const void *arg, Value *cond, bool outcome) {
    const Value *p = arg;
    cond = ssa_skip_copies(cond);
    if (cond->nargs != 2)
        return false;
    Value *x = ssa_skip_copies(cond->args[0]), *y = ssa_skip_copies(cond->args[1]);
    return (cond->op == SSA_OP_LT && outcome && x == p) || (cond->op == SSA_OP_GT && outcome && y == p) ||
           (cond->op == SSA_OP_GE && !outcome && x == p) || (cond->op == SSA_OP_LE && !outcome && y == p);
}

/* Whether the induction phi p never goes negative: every arg is p itself,
 * a non-negative value, or p + 1 computed where p < some bound holds
 * (signed), so that the increment cannot overflow. */
static bool nonneg_induction(CheckCtx *cx, Value *p) {
    for (int i = 0; i < p->nargs; i++) {
        Value *a = ssa_skip_copies(p->args[i]);
        if (a == p)
            continue;
        if (a->op != SSA_OP_ADD || a->nargs != 2) {
            if (!nonneg(cx, a))
                return false;
            continue;
        }
        Value *x = ssa_skip_copies(a->args[0]), *y = ssa_skip_copies(a->args[1]);
        if (y == p) {
            y = x;
            x = p;
        }
        int64_t c;
        if (x != p || !ssa_int_const(y, &c) || c != 1 || !for_each_fact(cx, a->block, proves_below_bound, p))
            return false;
    }
    return true;
}

/* Whether v, read as a signed integer of its class, is never negative. */
static bool nonneg(CheckCtx *cx, Value *v) {
    v = ssa_skip_copies(v);
    int64_t c;
    if (ssa_int_const(v, &c))
        return c >= 0;
    int8_t *memo = &cx->nonneg[v->id];
    if (*memo == 2)
        return true; /* an induction hypothesis, checked by the caller */
    if (*memo != 0)
        return *memo > 0;
    bool r = false;
    *memo = 2;
    cx->depth++;
    switch (v->op) {
    case SSA_OP_ZEXT:
        r = v->args[0]->cls < v->cls;
        break;
    case SSA_OP_AND:
        r = nonneg(cx, v->args[0]) || nonneg(cx, v->args[1]);
        break;
    case SSA_OP_SHRU: {
        int64_t k;
        r = ssa_int_const(v->args[1], &k) && k > 0;
        break;
    }
    case SSA_OP_PHI:
        r = nonneg_induction(cx, v);
        break;
    default:
        break;
    }
    cx->depth--;
    /* A success may rest on the hypotheses of the proofs still open
     * (values in state 2): it is kept only when none is. */
    *memo = r ? (cx->depth == 0 ? 1 : 0) : -1;
    return r;
}

/* Whether the pointer p cannot be nil. */
static bool nonnil(Value *p) {
    for (int n = 0; n < 64; n++) {
        p = ssa_skip_copies(p);
        switch (p->op) {
        case SSA_OP_NEW: case SSA_OP_NEW_SIZED: case SSA_OP_SLOT: case SSA_OP_ADDR:
        case SSA_OP_SYMADDR: case SSA_OP_CONST_STRING:
            return true;
        case SSA_OP_OFFPTR:
            p = p->args[0];
            continue;
        default:
            return false;
        }
    }
    return false;
}

/* Whether cond with outcome says the pointer arg is not nil. */
static bool proves_nonnil(const void *arg, Value *cond, bool outcome) {
    Value *p = (Value *)arg;
    cond = ssa_skip_copies(cond);
    if ((cond->op != SSA_OP_EQ && cond->op != SSA_OP_NE) || cond->nargs != 2)
        return false;
    if (outcome != (cond->op == SSA_OP_NE))
        return false;
    Value *x = ssa_skip_copies(cond->args[0]), *y = ssa_skip_copies(cond->args[1]);
    return (x == p && y->op == SSA_OP_CONST_NIL) || (y == p && x->op == SSA_OP_CONST_NIL);
}

/* The first two args of check v (copies skipped; NULL when absent). */
static Value *check_arg(Value *v, int i) {
    return i < v->nargs ? ssa_skip_copies(v->args[i]) : NULL;
}

/* Whether checks a and b test the same thing: same op, same args. */
static bool same_check(Value *a, Value *b) {
    return a->op == b->op && check_arg(a, 0) == check_arg(b, 0) && check_arg(a, 1) == check_arg(b, 1);
}

/* A hash of what check v tests. */
static uint64_t check_hash(Value *v) {
    Value *x = check_arg(v, 0), *y = check_arg(v, 1);
    uint64_t h = (uint64_t)v->op * 0x9e3779b97f4a7c15u;
    h = (h ^ (x ? x->id : 0)) * 0xff51afd7ed558ccdu;
    h = (h ^ (y ? y->id : 0)) * 0xc4ceb9fe1a85ec53u;
    return h ^ (h >> 31);
}

/* Whether check w runs before check v on every path to v: earlier in the
 * same block, or in a block that strictly dominates v's. */
static bool runs_before(const CheckCtx *cx, Value *w, Value *v, const int32_t *index_of) {
    if (w->block == v->block)
        return index_of[w->id] < index_of[v->id];
    return ssa_dom_tree_dominates(&cx->dt, w->block, v->block);
}

/* Marks in dup (by value id) every one of the n checks that an identical
 * check (same op and args) runs before on every path.  The checks are
 * grouped by a hash of what they test; groups are a few checks long. */
static void find_repeated_checks(CheckCtx *cx, SsaKeyed *e, int n, const int32_t *index_of, bool *dup) {
    Arena *scratch = mem_scratch(cx->f->mem);
    for (int i = 0; i < n; i++)
        e[i].key = check_hash(e[i].v);
    ssa_sort_keyed(e, n, arena_alloc(scratch, sizeof(SsaKeyed) * (size_t)n, _Alignof(SsaKeyed)));
    for (int lo = 0; lo < n;) {
        int hi = lo + 1;
        while (hi < n && e[hi].key == e[lo].key)
            hi++;
        for (int i = lo; i < hi; i++)
            for (int w = lo; w < hi; w++)
                if (w != i && same_check(e[w].v, e[i].v) && runs_before(cx, e[w].v, e[i].v, index_of)) {
                    dup[e[i].v->id] = true;
                    break;
                }
        lo = hi;
    }
}

/* Whether the check v cannot fail. */
static bool redundant(CheckCtx *cx, Value *v) {
    int64_t a, n;
    switch (v->op) {
    case SSA_OP_NIL_CHECK:
        return nonnil(v->args[0]) || for_each_fact(cx, v->block, proves_nonnil, ssa_skip_copies(v->args[0])) ||
               cx->dup[v->id];
    case SSA_OP_BOUNDS_CHECK: {
        Value *i = ssa_skip_copies(v->args[0]), *len = ssa_skip_copies(v->args[1]);
        if (ssa_int_const(i, &a) && ssa_int_const(len, &n))
            return a >= 0 && a < n;
        if (fact_less(cx, v->block, i, len, false))
            return true;
        if (nonneg(cx, i) && fact_less(cx, v->block, i, len, true))
            return true;
        if (offset_below_bound(cx, v->block, i, len))
            return true;
        return cx->dup[v->id];
    }
    case SSA_OP_SLICE_CHECK: {
        Value *i = ssa_skip_copies(v->args[0]), *len = ssa_skip_copies(v->args[1]);
        if (ssa_int_const(i, &a) && ssa_int_const(len, &n))
            return a >= 0 && a <= n;
        if (i == len && nonneg(cx, i))
            return true;
        return cx->dup[v->id];
    }
    case SSA_OP_DIV_CHECK:
        return ssa_int_const(v->args[0], &a) && a != 0;
    case SSA_OP_SHIFT_CHECK:
        return nonneg(cx, v->args[0]);
    default:
        return false;
    }
}

/* The pass: removes every check proven redundant. */
void ssa_pass_checkelim(SsaFunc *f) {
    if (!(f->census & SSA_HAS_CHECK))
        return;
    Arena *scratch = mem_scratch(f->mem);
    int nvalues = 0;
    for (int i = 0; i < f->nblocks; i++)
        nvalues += f->blocks[i]->nvalues;
    SsaKeyed *checks = arena_alloc(scratch, sizeof(SsaKeyed) * (size_t)(nvalues + 1), _Alignof(SsaKeyed));
    int32_t *index_of = arena_alloc(scratch, sizeof(int32_t) * f->next_value_id, _Alignof(int32_t));
    int n = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++)
            if (ssa_op_flags(b->values[j]->op) & OPF_PANICS) {
                checks[n++].v = b->values[j];
                index_of[b->values[j]->id] = j;
            }
    }
    if (n == 0)
        return;
    CheckCtx cx = {.f = f};
    cx.dt = *ssa_func_dom_tree(f);
    cx.nonneg = ARENA_NEW_ARRAY(scratch, int8_t, f->next_value_id);
    cx.dup = ARENA_NEW_ARRAY(scratch, bool, f->next_value_id);
    /* Checks of unreachable blocks are neither removed nor proofs. */
    int k = 0;
    for (int i = 0; i < n; i++)
        if (cx.dt.pre[checks[i].v->block->order] >= 0)
            checks[k++] = checks[i];
    n = k;
    Value **order = arena_alloc(scratch, sizeof(Value *) * (size_t)(n + 1), _Alignof(Value *));
    for (int i = 0; i < n; i++)
        order[i] = checks[i].v;
    if (n > 1)
        find_repeated_checks(&cx, checks, n, index_of, cx.dup);
    bool copies = false;
    for (int i = 0; i < n; i++) {
        Value *v = order[i];
        if (!redundant(&cx, v))
            continue;
        if (v->uses > 0) {
            /* A check that passes its operand on. */
            ssa_value_copy_of(f, v, v->args[0]);
            copies = true;
            continue;
        }
        ssa_value_free(f, v);
    }
    if (copies)
        ssa_pass_copyelim(f);
}

/* regalloc.c — linear-scan register allocation over SSA, shared by all
 * targets (Poletto and Sarkar's algorithm on intervals built as Wimmer
 * builds them from SSA liveness).
 *
 * Positions: blocks in layout order; each block has a begin position (its
 * phis and, in the entry block, the incoming words are defined there), then
 * two per value (the value reads its args at the even one and writes its
 * result at the odd one after it), then an end position (controls and the
 * phi args of the outgoing edge are read there).  A tuple call's selects
 * are written at the call's result position.
 *
 * Invariants established (checked by tests/unit/test_regalloc.c):
 *   - every value that needs a location gets exactly one for its whole
 *     life: a register of its class (v->reg) or a spill slot (v->slot);
 *   - two values whose intervals overlap never share a register;
 *   - no value live across an instruction is in a register that the
 *     instruction clobbers (RegConstraint.clobbers: calls, division...);
 *   - scratch, frame and stack pointer registers are never allocated.
 * Each interval is the hull of the value's live range (no holes, no
 * splitting): simple, and the emitter can read any value's location at any
 * point of its life, out-of-line panic code included. */
#include "codegen/codegen.h"

#include <string.h>

/* An array of n T in the allocator's region, not zeroed: for arrays whose
 * elements are all written before they are read. */
#define RA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n), _Alignof(T)))

/* Per-value facts, by value id. */
typedef struct VInfo {
    Value *v;
    int32_t def, use;          /* positions; use = -1 for values read by nobody at a position of their own */
    int32_t end;               /* last position of the interval */
    int32_t dense;             /* index in the live sets, -1: needs no location */
    RegConstraint rc;
} VInfo;

typedef struct Interval {
    Value *v;
    int32_t start, end;
    RegMask forbid;            /* clobbered while the value is live */
    int16_t hint;
    uint8_t rc;                /* RegClass */
} Interval;

/* A call or a returning block (call NULL). */
typedef struct HintSource {
    Value *call;
    Block *ret;
} HintSource;

/* The allocator's state for one function (scratch region). */
typedef struct RegAlloc {
    const Target *t;
    SsaFunc *f;
    Arena *a;
    VInfo *info;               /* by value id */
    uint32_t nids;
    int32_t *begin, *end;      /* by block order */
    int ndense;
    Value **dense;             /* dense index -> value */
    int32_t *first;            /* by block order: dense index of the block's first
                                  value needing a location (the block's own values
                                  are first[bi] .. first[bi + 1] - 1) */
    /* the calls (with at most 16 args) and returning blocks, in layout order:
     * their calling convention gives hints */
    HintSource *hint_src;
    int nhint_src;
    uint64_t **live_in, **live_out; /* by block order: bitsets of dense indices */
    int words;                 /* uint64 words per bitset */
    /* clobber points, in position order */
    int32_t *clob_pos;
    RegMask *clob_mask;
    int nclob, capclob;
    /* spill slots: index in f->slots, class, and the position after which it is free */
    int32_t *spill_slot, *spill_free_after;
    int nspill, capspill;
} RegAlloc;

/* Whether a value of op/class needs a location of its own. */
static bool needs_loc(const VInfo *vi) {
    const Value *v = vi->v;
    return v->cls != CLS_VOID && v->cls != CLS_TUPLE && !vi->rc.no_reg;
}

/* Whether v is written at its block's begin position. */
static bool defined_at_begin(const Value *v) {
    return v->op == SSA_OP_PHI || v->op == SSA_OP_ARG || v->op == SSA_OP_CONTEXT ||
           v->op == SSA_OP_RESULT_PTR;
}

/* Appends a clobber point. */
static void add_clobber(RegAlloc *ra, int32_t pos, RegMask mask) {
    if (ra->nclob == ra->capclob) {
        int cap = ra->capclob ? ra->capclob * 2 : 64;
        int32_t *np = RA_ARRAY(ra->a, int32_t, cap);
        RegMask *nm = RA_ARRAY(ra->a, RegMask, cap);
        if (ra->nclob) {
            memcpy(np, ra->clob_pos, sizeof *np * (size_t)ra->nclob);
            memcpy(nm, ra->clob_mask, sizeof *nm * (size_t)ra->nclob);
        }
        ra->clob_pos = np;
        ra->clob_mask = nm;
        ra->capclob = cap;
    }
    ra->clob_pos[ra->nclob] = pos;
    ra->clob_mask[ra->nclob++] = mask;
}

/* One walk over the values: asks the target for each value's constraints,
 * numbers the values that need a location (block by block) and the
 * positions (see the top of the file), and records the clobber points and
 * the sources of calling convention hints.  Only the entries of ra->info
 * of the values in blocks are written: nothing else is read.  A tuple's
 * selects follow their call. */
static void collect(RegAlloc *ra) {
    SsaFunc *f = ra->f;
    ra->nids = f->next_value_id;
    ra->info = RA_ARRAY(ra->a, VInfo, ra->nids + 1);
    int n = 0;
    for (int bi = 0; bi < f->nblocks; bi++)
        n += f->blocks[bi]->nvalues;
    ra->dense = RA_ARRAY(ra->a, Value *, n + 1);
    ra->first = RA_ARRAY(ra->a, int32_t, f->nblocks + 1);
    ra->begin = RA_ARRAY(ra->a, int32_t, f->nblocks + 1);
    ra->end = RA_ARRAY(ra->a, int32_t, f->nblocks + 1);
    ra->hint_src = RA_ARRAY(ra->a, HintSource, n + f->nblocks + 1);
    int32_t p = 0;
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *b = f->blocks[bi];
        ra->first[bi] = ra->ndense;
        ra->begin[bi] = p;
        p += 2;
        for (int i = 0; i < b->nvalues; i++) {
            Value *v = b->values[i];
            VInfo *vi = &ra->info[v->id];
            vi->v = v;
            vi->use = -1;
            vi->rc = (RegConstraint){.result_hint = REG_NONE};
            ra->t->constraints(ra->t, v, &vi->rc);
            vi->dense = needs_loc(vi) ? ra->ndense++ : -1;
            if (vi->dense >= 0)
                ra->dense[vi->dense] = v;
            v->reg = REG_NONE;
            v->slot = -1;
            if (defined_at_begin(v)) {
                vi->def = ra->begin[bi];
            } else if (v->op == SSA_OP_SELECT && v->nargs == 1 && v->args[0]->cls == CLS_TUPLE) {
                vi->def = ra->info[v->args[0]->id].def;
            } else {
                vi->use = p;
                vi->def = p + 1;
                p += 2;
                if (vi->rc.clobbers)
                    add_clobber(ra, vi->use, vi->rc.clobbers);
                if ((v->op == SSA_OP_CALL || v->op == SSA_OP_CALL_CLOSURE ||
                     v->op == SSA_OP_CALL_RUNTIME) && v->nargs <= 16)
                    ra->hint_src[ra->nhint_src++] = (HintSource){.call = v};
            }
            vi->end = vi->def;
        }
        if (b->kind == BLOCK_RET && b->ncontrols > 0 && b->ncontrols <= 2)
            ra->hint_src[ra->nhint_src++] = (HintSource){.ret = b};
        ra->end[bi] = p;
        p += 2;
    }
    ra->first[f->nblocks] = ra->ndense;
}

/* The reads of one block: gen collects the values read that the block
 * does not define (dense indices outside [lo, hi)); NULL for reads that
 * only extend intervals. */
typedef struct Reads {
    uint64_t *gen;
    int32_t lo, hi;
} Reads;

/* Sets bit i. */
static void set_bit(uint64_t *s, int i) {
    s[i / 64] |= (uint64_t)1 << (i % 64);
}

/* Records a read of v at position pos; a value without a location is
 * read where its users are, so its own args are read there. */
static void use_at(RegAlloc *ra, Value *v, int32_t pos, const Reads *r, int depth) {
    VInfo *vi = &ra->info[v->id];
    if (vi->dense < 0) {
        if (v->cls == CLS_TUPLE || depth > 16)
            return;
        for (int i = 0; i < v->nargs; i++)
            use_at(ra, v->args[i], pos, r, depth + 1);
        return;
    }
    if (pos > vi->end)
        vi->end = pos;
    if (r && (vi->dense < r->lo || vi->dense >= r->hi))
        set_bit(r->gen, vi->dense);
}

/* The bits of word k of a bitset holding the indices [lo, hi). */
static uint64_t range_word(int32_t lo, int32_t hi, int k) {
    int32_t a = lo - 64 * k, b = hi - 64 * k;
    if (a < 0)
        a = 0;
    if (b > 64)
        b = 64;
    if (a >= b)
        return 0;
    uint64_t below_b = b == 64 ? ~(uint64_t)0 : ((uint64_t)1 << b) - 1;
    return below_b & ~(((uint64_t)1 << a) - 1);
}

/* Liveness to a fixed point.  In SSA a block kills exactly the values it
 * defines, whose dense indices are one range (collect numbers them block
 * by block), so only two sets per block are kept: live_in starts as the
 * block's upward-exposed reads and live_out as the args of its
 * successors' phis; both only grow, so each round ORs into them. */
static void liveness(RegAlloc *ra) {
    SsaFunc *f = ra->f;
    int nb = f->nblocks;
    ra->words = (ra->ndense + 63) / 64;
    int w = ra->words;
    ra->live_in = RA_ARRAY(ra->a, uint64_t *, nb + 1);
    ra->live_out = RA_ARRAY(ra->a, uint64_t *, nb + 1);
    /* the two sets of every block, zeroed in one piece */
    uint64_t *sets = ARENA_NEW_ARRAY(ra->a, uint64_t, (size_t)nb * 2 * (size_t)w + 1);
    for (int bi = 0; bi < nb; bi++) {
        ra->live_in[bi] = sets + (size_t)bi * 2 * (size_t)w;
        ra->live_out[bi] = ra->live_in[bi] + w;
    }
    for (int bi = 0; bi < nb; bi++) {
        Block *b = f->blocks[bi];
        Reads r = {.gen = ra->live_in[bi], .lo = ra->first[bi], .hi = ra->first[bi + 1]};
        for (int i = 0; i < b->nvalues; i++) {
            Value *v = b->values[i];
            if (v->op == SSA_OP_PHI)
                continue;
            VInfo *vi = &ra->info[v->id];
            int32_t pos = vi->use >= 0 ? vi->use : vi->def;
            for (int k = 0; k < v->nargs; k++) {
                Value *x = v->args[k];
                VInfo *xi = &ra->info[x->id];
                if (xi->dense < 0) {
                    use_at(ra, x, pos, &r, 0);
                    continue;
                }
                if (pos > xi->end)
                    xi->end = pos;
                if (xi->dense < r.lo || xi->dense >= r.hi)
                    set_bit(r.gen, xi->dense);
            }
        }
        for (int k = 0; k < b->ncontrols; k++)
            use_at(ra, b->controls[k], ra->end[bi], &r, 0);
        /* phi args are read at the end of the predecessor */
        for (int s = 0; s < b->nsuccs; s++) {
            Block *succ = b->succs[s];
            for (int p = 0; p < succ->npreds; p++) {
                if (succ->preds[p] != b)
                    continue;
                for (int i = 0; i < succ->nvalues && succ->values[i]->op == SSA_OP_PHI; i++) {
                    Value *a = succ->values[i]->args[p];
                    use_at(ra, a, ra->end[bi], NULL, 0);
                    if (ra->info[a->id].dense >= 0)
                        set_bit(ra->live_out[bi], ra->info[a->id].dense);
                }
            }
        }
    }
    /* Rounds in reverse layout order: a block reads its successors' live_in
     * after they have been computed in the same round, but for the targets
     * of back edges (a predecessor laid out at or after them): only a change
     * there calls for another round. */
    bool changed = true;
    while (changed) {
        changed = false;
        for (int bi = nb - 1; bi >= 0; bi--) {
            Block *b = f->blocks[bi];
            uint64_t *out = ra->live_out[bi], *in = ra->live_in[bi];
            bool grew = false;
            for (int k = 0; k < w; k++) {
                uint64_t o = out[k];
                for (int s = 0; s < b->nsuccs; s++)
                    o |= ra->live_in[b->succs[s]->order][k];
                out[k] = o;
                if ((o & ~in[k]) == 0)
                    continue;
                uint64_t ni = in[k] | (o & ~range_word(ra->first[bi], ra->first[bi + 1], k));
                if (ni != in[k]) {
                    in[k] = ni;
                    grew = true;
                }
            }
            if (grew)
                for (int p = 0; p < b->npreds && !changed; p++)
                    changed = b->preds[p]->order >= bi;
        }
    }
}

/* The registers clobbered strictly inside [start, end]: by instructions
 * that read at or after start and whose result is not the value's last
 * read.  *cursor is the first clobber point at or after the previous
 * start: starts mostly come in increasing order, so it moves forward. */
static RegMask crossing_clobbers(const RegAlloc *ra, int32_t start, int32_t end, int *cursor) {
    int lo = *cursor;
    if (lo > 0 && ra->clob_pos[lo - 1] >= start) {
        int hi = lo;
        lo = 0;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (ra->clob_pos[mid] < start)
                lo = mid + 1;
            else
                hi = mid;
        }
    } else {
        while (lo < ra->nclob && ra->clob_pos[lo] < start)
            lo++;
    }
    *cursor = lo;
    RegMask m = 0;
    for (int i = lo; i < ra->nclob && ra->clob_pos[i] + 2 <= end; i++) {
        m |= ra->clob_mask[i];
        if (m == ra->clob_mask[i] && m == ra->t->caller_saved) {
            /* the common case: calls; skip ahead over points adding nothing */
            int j = i + 1;
            while (j < ra->nclob && ra->clob_pos[j] + 2 <= end && (ra->clob_mask[j] & ~m) == 0)
                j++;
            i = j - 1;
        }
    }
    return m;
}

/* Whether interval a goes before b: by start, then by value id. */
static bool interval_before(const Interval *a, const Interval *b) {
    if (a->start != b->start)
        return a->start < b->start;
    return a->v->id < b->v->id;
}

/* Sorts iv[0..n) with interval_before.  The intervals come in block
 * order, which is start order but for a tuple's selects (defined at
 * their call, a few values back): insertion sort is linear here. */
static void sort_intervals(Interval *iv, int n) {
    for (int i = 1; i < n; i++) {
        if (!interval_before(&iv[i], &iv[i - 1]))
            continue;
        Interval x = iv[i];
        int j = i;
        for (; j > 0 && interval_before(&x, &iv[j - 1]); j--)
            iv[j] = iv[j - 1];
        iv[j] = x;
    }
}

/* A spill slot free at position start, new or reused; returns its index in f->slots. */
static int spill_slot(RegAlloc *ra, int32_t start, int32_t end) {
    for (int i = 0; i < ra->nspill; i++)
        if (ra->spill_free_after[i] < start) {
            ra->spill_free_after[i] = end;
            return ra->spill_slot[i];
        }
    if (ra->nspill == ra->capspill) {
        int cap = ra->capspill ? ra->capspill * 2 : 16;
        int32_t *s = RA_ARRAY(ra->a, int32_t, cap);
        int32_t *e = RA_ARRAY(ra->a, int32_t, cap);
        if (ra->nspill) {
            memcpy(s, ra->spill_slot, sizeof *s * (size_t)ra->nspill);
            memcpy(e, ra->spill_free_after, sizeof *e * (size_t)ra->nspill);
        }
        ra->spill_slot = s;
        ra->spill_free_after = e;
        ra->capspill = cap;
    }
    ssa_slot_new(ra->f, 8, 8, NULL, "spill");
    ra->spill_slot[ra->nspill] = ra->f->nslots - 1;
    ra->spill_free_after[ra->nspill++] = end;
    return ra->f->nslots - 1;
}

/* The registers the allocator may give a value of class rc. */
static RegMask allocatable(const Target *t, int rc) {
    RegMask m = 0;
    for (int i = 0; i < t->nalloc_order[rc]; i++)
        m |= REG_BIT(t->alloc_order[rc][i]);
    m &= ~(REG_BIT(t->scratch[rc][0]) | REG_BIT(t->scratch[rc][1]));
    if (t->fp_reg >= 0)
        m &= ~REG_BIT(t->fp_reg);
    if (t->sp_reg >= 0)
        m &= ~REG_BIT(t->sp_reg);
    return m;
}

/* The preferred register of iv among the free ones, or REG_NONE. */
static int choose(const RegAlloc *ra, const Interval *iv, RegMask free) {
    const Target *t = ra->t;
    const VInfo *vi = &ra->info[iv->v->id];
    Value *v = iv->v;
    if (vi->rc.hint_arg0 && v->nargs > 0 && v->args[0]->reg >= 0 && (free & REG_BIT(v->args[0]->reg)))
        return v->args[0]->reg;
    if (iv->hint >= 0 && (free & REG_BIT(iv->hint)))
        return iv->hint;
    if (v->op == SSA_OP_PHI)
        for (int i = 0; i < v->nargs; i++)
            if (v->args[i]->reg >= 0 && (free & REG_BIT(v->args[i]->reg)))
                return v->args[i]->reg;
    for (int i = 0; i < t->nalloc_order[iv->rc]; i++) {
        int r = t->alloc_order[iv->rc][i];
        if (free & REG_BIT(r))
            return r;
    }
    return REG_NONE;
}

/* Hints from the calling convention: a value passed to a call or returned
 * prefers the register it is passed or returned in (taken only when free
 * and allowed, so a value live across the call never gets it). */
static void add_convention_hints(RegAlloc *ra, Interval *iv) {
    Loc locs[16];
    for (int h = 0; h < ra->nhint_src; h++) {
        Value *v = ra->hint_src[h].call;
        if (v) {
            codegen_call_arg_locs(ra->t, v, locs);
            for (int k = 0; k < v->nargs; k++) {
                int d = ra->info[v->args[k]->id].dense;
                if (d >= 0 && locs[k].kind == LOC_REG && iv[d].hint < 0)
                    iv[d].hint = locs[k].reg;
            }
            continue;
        }
        Block *b = ra->hint_src[h].ret;
        uint8_t cls[2] = {CLS_I64, CLS_I64};
        for (int k = 0; k < b->ncontrols; k++)
            cls[k] = b->controls[k]->cls;
        ra->t->assign_results(ra->t, cls, b->ncontrols, locs);
        for (int k = 0; k < b->ncontrols; k++) {
            int d = ra->info[b->controls[k]->id].dense;
            if (d >= 0 && locs[k].kind == LOC_REG && iv[d].hint < 0)
                iv[d].hint = locs[k].reg;
        }
    }
}

/* Builds the intervals, hull of each value's liveness, with their hints. */
static Interval *build_intervals(RegAlloc *ra, int *count) {
    SsaFunc *f = ra->f;
    for (int bi = 0; bi < f->nblocks; bi++) {
        uint64_t *out = ra->live_out[bi];
        for (int k = 0; k < ra->words; k++)
            for (uint64_t m = out[k]; m; m &= m - 1) {
                int d = k * 64 + __builtin_ctzll(m);
                VInfo *vi = &ra->info[ra->dense[d]->id];
                if (ra->end[bi] > vi->end)
                    vi->end = ra->end[bi];
            }
    }
    /* incoming registers of the entry words, as hints */
    Block *entry = f->blocks[0];
    int nwords = 0;
    for (int i = 0; i < entry->nvalues; i++)
        if (entry->values[i]->op == SSA_OP_ARG && entry->values[i]->aux_int + 1 > nwords)
            nwords = (int)entry->values[i]->aux_int + 1;
    Loc *in = RA_ARRAY(ra->a, Loc, nwords + 1);
    Loc rp, ctx;
    codegen_param_locs(ra->t, f, in, nwords, &rp, &ctx);

    Interval *iv = RA_ARRAY(ra->a, Interval, ra->ndense + 1);
    int cursor = 0;
    for (int d = 0; d < ra->ndense; d++) {
        Value *v = ra->dense[d];
        VInfo *vi = &ra->info[v->id];
        Interval *x = &iv[d];
        x->v = v;
        x->start = vi->def;
        x->end = vi->end;
        x->rc = (uint8_t)reg_class_of(v->cls);
        x->forbid = crossing_clobbers(ra, x->start, x->end, &cursor);
        x->hint = vi->rc.result_hint;
        Loc l = {.kind = LOC_NONE};
        if (v->op == SSA_OP_ARG && v->aux_int >= 0 && v->aux_int < nwords)
            l = in[v->aux_int];
        else if (v->op == SSA_OP_CONTEXT)
            l = ctx;
        else if (v->op == SSA_OP_RESULT_PTR)
            l = rp;
        if (l.kind == LOC_REG && x->hint < 0)
            x->hint = l.reg;
    }
    add_convention_hints(ra, iv);
    *count = ra->ndense;
    return iv;
}

/* The scan: intervals by start; the active set by end; on pressure the
 * interval that ends last goes to memory.  The active set is a window of
 * an array of n entries (each interval enters it at most once) that
 * expiry moves forward; allocatable registers are computed per class on
 * first need. */
static void scan(RegAlloc *ra, Interval *iv, int n) {
    const Target *t = ra->t;
    sort_intervals(iv, n);
    Interval **active = RA_ARRAY(ra->a, Interval *, n + 1);
    int nactive = 0;
    RegMask busy = 0;
    RegMask allowed[RC_NCLASSES];
    bool known[RC_NCLASSES] = {false};
    for (int i = 0; i < n; i++) {
        Interval *x = &iv[i];
        /* expire: active is sorted by end */
        int k = 0;
        while (k < nactive && active[k]->end < x->start) {
            busy &= ~REG_BIT(active[k]->v->reg);
            k++;
        }
        active += k;
        nactive -= k;
        if (!known[x->rc]) {
            allowed[x->rc] = allocatable(t, x->rc);
            known[x->rc] = true;
        }
        RegMask ok = allowed[x->rc] & ~x->forbid;
        int r = choose(ra, x, ok & ~busy);
        if (r == REG_NONE) {
            /* steal from the active interval of usable register that ends last */
            Interval *victim = NULL;
            int vi = -1;
            for (int j = nactive - 1; j >= 0; j--)
                if (active[j]->rc == x->rc && (ok & REG_BIT(active[j]->v->reg))) {
                    victim = active[j];
                    vi = j;
                    break;
                }
            if (victim && victim->end > x->end) {
                r = victim->v->reg;
                victim->v->reg = REG_NONE;
                victim->v->slot = spill_slot(ra, victim->start, victim->end);
                memmove(active + vi, active + vi + 1, sizeof *active * (size_t)(nactive - vi - 1));
                nactive--;
                busy &= ~REG_BIT(r);
            } else {
                x->v->slot = spill_slot(ra, x->start, x->end);
                continue;
            }
        }
        x->v->reg = r;
        busy |= REG_BIT(r);
        int j = nactive;
        while (j > 0 && active[j - 1]->end > x->end) {
            active[j] = active[j - 1];
            j--;
        }
        active[j] = x;
        nactive++;
    }
}

/* Allocates registers for f: v->reg or v->slot for every value needing a location. */
void regalloc_run(const Target *t, SsaFunc *f) {
    RegAlloc ra = {.t = t, .f = f, .a = mem_scratch(f->mem)};
    ArenaMark mark = arena_mark(ra.a);
    collect(&ra);
    liveness(&ra);
    int n = 0;
    Interval *iv = build_intervals(&ra, &n);
    scan(&ra, iv, n);
    arena_release(ra.a, mark);
}

/* zeroelim.c — removes the zeroing of a frame slot that stores overwrite
 * before anything reads it.
 *
 * A composite literal is built in a temporary: Zero, then a Store per
 * field.  When the stores (or a Move into the slot) cover every byte the
 * Zero cleared, before any read of the slot, the Zero does nothing.
 *
 * Only slots whose address is used as an address alone (by Load, Store,
 * Zero, Move, OffPtr, AddPtr and NilCheck, never stored, passed, returned
 * or merged) qualify: then no pointer the function does not derive from
 * the slot's LocalAddr can reach it, so loads through other pointers and
 * calls do not read it.  The scan stays in the Zero's block and stops at a
 * read of the slot.  When the function has a defer frame, a panic can
 * resume in it, so the scan also stops at anything that may panic or call;
 * otherwise a panic leaves the frame for good and nobody sees the slot. */
#include "ssa/ssa.h"

#include <string.h>

/* The largest Zero the pass looks at, in bytes. */
enum { ZEROELIM_MAX = 256 };

/* Where an address points: a slot plus a known offset, a slot at an
 * unknown offset, or somewhere else. */
typedef struct SlotRef {
    const SsaSlot *slot;      /* NULL: not derived from a slot */
    int64_t off;
    bool known;               /* off is exact */
} SlotRef;

/* The slot address p is derived from, with its offset when constant. */
static SlotRef slot_ref(Value *p) {
    SlotRef r = {NULL, 0, true};
    for (;;) {
        switch (p->op) {
        case SSA_OP_SLOT:
            r.slot = p->aux;
            return r;
        case SSA_OP_OFFPTR:
            r.off += p->aux_int;
            p = p->args[0];
            break;
        case SSA_OP_ADDPTR:
            r.known = false;
            p = p->args[0];
            break;
        case SSA_OP_COPY:
            p = p->args[0];
            break;
        default:
            r.slot = NULL;
            return r;
        }
    }
}

/* Whether arg i of v is only used as an address. */
static bool address_use(const Value *v, int i) {
    switch (v->op) {
    case SSA_OP_LOAD: case SSA_OP_STORE: case SSA_OP_ZERO: case SSA_OP_OFFPTR:
    case SSA_OP_ADDPTR: case SSA_OP_NIL_CHECK: case SSA_OP_COPY:
        return i == 0;
    case SSA_OP_MOVE:
        return i <= 1;
    default:
        return false;
    }
}

/* Index in f->slots of the slot v's address is derived from, or -1. */
static int slot_index(SsaFunc *f, Value *v) {
    SlotRef r = slot_ref(v);
    if (!r.slot)
        return -1;
    for (int i = 0; i < f->nslots; i++)
        if (f->slots[i] == r.slot)
            return i;
    return -1;
}

/* Per slot (f->slots order): whether its address leaves the address
 * positions anywhere in f (scratch). */
static bool *escaped_slots(SsaFunc *f) {
    bool *esc = ARENA_NEW_ARRAY(mem_scratch(f->mem), bool, f->nslots + 1);
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            for (int k = 0; k < v->nargs; k++) {
                int s = address_use(v, k) ? -1 : slot_index(f, v->args[k]);
                if (s >= 0)
                    esc[s] = true;
            }
        }
        for (int k = 0; k < b->ncontrols; k++) {
            int s = slot_index(f, b->controls[k]);
            if (s >= 0)
                esc[s] = true;
        }
    }
    return esc;
}

/* Bytes of a stored value of class cls. */
static int store_size(int cls) {
    switch (cls) {
    case CLS_B: case CLS_I8: return 1;
    case CLS_I16: return 2;
    case CLS_I32: case CLS_F32: return 4;
    default: return 8;
    }
}

/* Marks bytes [from, to) of the Zero's n bytes covered; returns whether all
 * are. */
static bool cover(bool *covered, int64_t n, int64_t *left, int64_t from, int64_t to) {
    for (int64_t i = from < 0 ? 0 : from; i < to && i < n; i++)
        if (!covered[i]) {
            covered[i] = true;
            (*left)--;
        }
    return *left == 0;
}

/* Whether the values after b->values[at] (a Zero of slot z at offset zoff)
 * overwrite all its bytes before anything may read them. */
static bool zero_overwritten(SsaFunc *f, Block *b, int at, SlotRef z) {
    Value *zv = b->values[at];
    int64_t n = zv->aux_int;
    bool covered[ZEROELIM_MAX];
    memset(covered, 0, sizeof covered);
    int64_t left = n;
    bool resumable = f->defer_frame != NULL;
    for (int j = at + 1; j < b->nvalues; j++) {
        Value *v = b->values[j];
        unsigned flags = ssa_op_flags(v->op);
        SlotRef r;
        switch (v->op) {
        case SSA_OP_STORE:
            r = slot_ref(v->args[0]);
            if (r.slot == z.slot && r.known) {
                int64_t from = r.off + v->aux_int - z.off;
                if (cover(covered, n, &left, from, from + store_size(v->args[1]->cls)))
                    return true;
            }
            continue;
        case SSA_OP_MOVE:
            if (slot_ref(v->args[1]).slot == z.slot)
                return false;
            r = slot_ref(v->args[0]);
            if (r.slot == z.slot && r.known) {
                int64_t from = r.off - z.off;
                if (cover(covered, n, &left, from, from + v->aux_int))
                    return true;
            }
            continue;
        case SSA_OP_LOAD:
            if (slot_ref(v->args[0]).slot == z.slot)
                return false;
            continue;
        case SSA_OP_ZERO:
            r = slot_ref(v->args[0]);
            if (r.slot == z.slot && r.known) {
                int64_t from = r.off - z.off;
                if (cover(covered, n, &left, from, from + v->aux_int))
                    return true;
            }
            continue;
        default:
            if ((flags & (OPF_PANICS | OPF_CALL)) && resumable)
                return false;
            if (v->op == SSA_OP_DEFER_RESUMED)
                return false;
            continue;
        }
    }
    return false;
}

/* The pass: every Zero of a slot whose bytes are all written before any
 * read, in the same block. */
void ssa_pass_zeroelim(SsaFunc *f) {
    if (!(f->census & SSA_HAS_ZERO))
        return;
    bool *esc = NULL;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            if (v->op != SSA_OP_ZERO || v->aux_int <= 0 || v->aux_int > ZEROELIM_MAX)
                continue;
            SlotRef z = slot_ref(v->args[0]);
            if (!z.slot || !z.known)
                continue;
            if (!esc)
                esc = escaped_slots(f);
            int s = slot_index(f, v->args[0]);
            if (s < 0 || esc[s] || !zero_overwritten(f, b, j, z))
                continue;
            ssa_value_free(f, v);
            j--;
        }
    }
}

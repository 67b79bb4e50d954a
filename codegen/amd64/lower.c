/* lower.c — generic SSA to amd64 forms, in place, before register
 * allocation:
 *   - a compare that only feeds its block's branch moves to the block's end
 *     and stays in the flags (compare-and-branch fusion);
 *   - address arithmetic folds into x86 address modes: OffPtr chains into
 *     the displacement of Load/Store, AddPtr(p, i*s) for s in 1,2,4,8 into
 *     [base + index*scale + disp] (LoadIdx, StoreIdx, LeaIdx);
 *   - a frame slot's address used only inside address modes is rbp-relative
 *     and needs no register (AMD64Frame);
 *   - an integer constant that fits in 32 bits and is only used where x86
 *     takes an immediate becomes one (AMD64Imm);
 *   - narrow integer arguments of runtime calls are extended to 64 bits,
 *     as C callees expect.
 * Values left without uses are removed by codegen_remove_dead. */
#include "codegen/amd64/amd64.h"

#include "types/types.h"

#include <string.h>

/* Whether op is an integer comparison. */
bool amd64_is_compare(int op) {
    switch (op) {
    case SSA_OP_EQ: case SSA_OP_NE: case SSA_OP_LT: case SSA_OP_LE: case SSA_OP_GT:
    case SSA_OP_GE: case SSA_OP_LTU: case SSA_OP_LEU: case SSA_OP_GTU: case SSA_OP_GEU:
        return true;
    default:
        return amd64_is_fcompare(op);
    }
}

/* Whether op is a float comparison. */
bool amd64_is_fcompare(int op) {
    switch (op) {
    case SSA_OP_FEQ: case SSA_OP_FNE: case SSA_OP_FLT: case SSA_OP_FLE: case SSA_OP_FGT:
    case SSA_OP_FGE:
        return true;
    default:
        return false;
    }
}

/* A compare is fused with its branch when the branch is its only user and
 * it is the last value of the branch's block. */
bool amd64_fused_compare(const Value *v) {
    const Block *b = v->block;
    return b && b->kind == BLOCK_IF && b->ncontrols == 1 && b->controls[0] == v && v->uses == 1 &&
           b->nvalues > 0 && b->values[b->nvalues - 1] == v;
}

/* Moves each branch's only-use compare to the end of its block. */
static void fuse_compares(SsaFunc *f) {
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *b = f->blocks[bi];
        if (b->kind != BLOCK_IF || b->ncontrols != 1)
            continue;
        Value *v = b->controls[0];
        if (v->block != b || v->uses != 1 || !amd64_is_compare(v->op))
            continue;
        if (b->values[b->nvalues - 1] != v) {
            ssa_value_detach(v);
            ssa_value_attach(b, b->nvalues, v);
        }
    }
}

/* Whether x fits in a sign-extended 32-bit immediate. */
static bool fits32(int64_t x) {
    return x >= INT32_MIN && x <= INT32_MAX;
}

/* The scale of an index i*k (k a constant 1, 2, 4 or 8), else 0. */
static int index_scale(const Value *off, Value **index) {
    if (off->op == SSA_OP_MUL && off->args[1]->op == SSA_OP_CONST) {
        int64_t k = off->args[1]->aux_int;
        if (k == 1 || k == 2 || k == 4 || k == 8) {
            *index = off->args[0];
            return (int)k;
        }
    }
    if (off->op == SSA_OP_SHL && off->args[1]->op == SSA_OP_CONST && off->cls == CLS_I64) {
        int64_t k = off->args[1]->aux_int;
        if (k >= 0 && k <= 3) {
            *index = off->args[0];
            return 1 << k;
        }
    }
    *index = (Value *)off;
    return 1;
}

/* Rewrites v's args to list (in the func region, use counts kept). */
static void set_args(SsaFunc *f, Value *v, Value **list, int n) {
    Value *keep[3];
    for (int i = 0; i < n; i++)
        keep[i] = list[i];
    ssa_value_reset_args(v);
    for (int i = 0; i < n; i++)
        ssa_value_add_arg(f, v, keep[i]);
}

/* AddPtr(p, i*s) as LeaIdx, and OffPtr chains summed into one. */
static void fold_address_arith(SsaFunc *f, Value *v) {
    if (v->op == SSA_OP_ADDPTR) {
        Value *index;
        int scale = index_scale(v->args[1], &index);
        Value *args[2] = {v->args[0], index};
        set_args(f, v, args, 2);
        v->op = AMD64_OP_LEAX;
        v->aux_int = AMD64_AMODE(0, scale);
        return;
    }
    if (v->op != SSA_OP_OFFPTR)
        return;
    Value *p = v->args[0];
    if (p->op == SSA_OP_OFFPTR && fits32(p->aux_int + v->aux_int)) {
        int64_t off = p->aux_int + v->aux_int;
        Value *args[1] = {p->args[0]};
        set_args(f, v, args, 1);
        v->aux_int = off;
    } else if (p->op == AMD64_OP_LEAX && fits32((int64_t)AMD64_AMODE_DISP(p->aux_int) + v->aux_int)) {
        int64_t disp = AMD64_AMODE_DISP(p->aux_int) + v->aux_int;
        int scale = AMD64_AMODE_SCALE(p->aux_int);
        Value *args[2] = {p->args[0], p->args[1]};
        set_args(f, v, args, 2);
        v->op = AMD64_OP_LEAX;
        v->aux_int = AMD64_AMODE(disp, scale);
    }
}

/* Folds the address of Load/Store into its displacement or an indexed mode. */
static void fold_memory(SsaFunc *f, Value *v) {
    if (v->op != SSA_OP_LOAD && v->op != SSA_OP_STORE)
        return;
    Value *p = v->args[0];
    while (p->op == SSA_OP_OFFPTR && fits32(p->aux_int + v->aux_int)) {
        v->aux_int += p->aux_int;
        ssa_value_set_arg(v, 0, p->args[0]);
        p = v->args[0];
    }
    if (!fits32(v->aux_int))
        return;
    if (p->op == AMD64_OP_LEAX && fits32((int64_t)AMD64_AMODE_DISP(p->aux_int) + v->aux_int)) {
        int64_t disp = AMD64_AMODE_DISP(p->aux_int) + v->aux_int;
        int scale = AMD64_AMODE_SCALE(p->aux_int);
        if (v->op == SSA_OP_LOAD) {
            Value *args[2] = {p->args[0], p->args[1]};
            set_args(f, v, args, 2);
            v->op = AMD64_OP_LOADX;
        } else {
            Value *args[3] = {p->args[0], p->args[1], v->args[1]};
            set_args(f, v, args, 3);
            v->op = AMD64_OP_STOREX;
        }
        v->aux_int = AMD64_AMODE(disp, scale);
    }
}

/* Swaps the args of a comparison or commutative op so that a constant
 * comes second (x86 takes an immediate only as the source). */
static void constant_second(Value *v) {
    if (v->nargs != 2 || v->args[0]->op != SSA_OP_CONST || v->args[1]->op == SSA_OP_CONST)
        return;
    int op = v->op;
    switch (op) {
    case SSA_OP_LT: op = SSA_OP_GT; break;
    case SSA_OP_GT: op = SSA_OP_LT; break;
    case SSA_OP_LE: op = SSA_OP_GE; break;
    case SSA_OP_GE: op = SSA_OP_LE; break;
    case SSA_OP_LTU: op = SSA_OP_GTU; break;
    case SSA_OP_GTU: op = SSA_OP_LTU; break;
    case SSA_OP_LEU: op = SSA_OP_GEU; break;
    case SSA_OP_GEU: op = SSA_OP_LEU; break;
    case SSA_OP_EQ: case SSA_OP_NE: case SSA_OP_ADD: case SSA_OP_MUL: case SSA_OP_AND:
    case SSA_OP_OR: case SSA_OP_XOR:
        break;
    default:
        return;
    }
    Value *a = v->args[0], *b = v->args[1];
    v->args[0] = b;
    v->args[1] = a;
    v->op = (uint16_t)op;
}

/* Whether arg i of v may be an immediate. */
static bool imm_position(const Value *v, int i) {
    switch (v->op) {
    case SSA_OP_ADD: case SSA_OP_SUB: case SSA_OP_AND: case SSA_OP_OR: case SSA_OP_XOR:
    case SSA_OP_MUL: case SSA_OP_SHL: case SSA_OP_SHR: case SSA_OP_SHRU:
    case SSA_OP_EQ: case SSA_OP_NE: case SSA_OP_LT: case SSA_OP_LE: case SSA_OP_GT:
    case SSA_OP_GE: case SSA_OP_LTU: case SSA_OP_LEU: case SSA_OP_GTU: case SSA_OP_GEU:
        return i == 1;
    case SSA_OP_STORE:
        return i == 1;
    case AMD64_OP_STOREX:
        return i == 2;
    case SSA_OP_BOUNDS_CHECK: case SSA_OP_SLICE_CHECK:
        return true;
    default:
        return false;
    }
}

/* Whether arg i of v is used as an address that an address mode can hold
 * (so a frame slot there needs no register). */
static bool address_position(const Value *v, int i) {
    switch (v->op) {
    case SSA_OP_LOAD: case SSA_OP_STORE: case SSA_OP_ZERO: case SSA_OP_OFFPTR:
    case SSA_OP_NIL_CHECK: case AMD64_OP_LOADX: case AMD64_OP_STOREX: case AMD64_OP_LEAX:
        return i == 0;
    case SSA_OP_MOVE:
        return i <= 1;
    default:
        return false;
    }
}

/* The uses of constants and slot addresses that can hold them directly
 * (an immediate, an address mode), counted by value id, and the values
 * counted (each once). */
typedef struct Direct {
    Arena *a;
    int32_t *count;
    uint32_t cap;
    Value **seen;
    int nseen, capseen;
} Direct;

/* Counts the args of v (lowered: its args final) that v holds directly. */
static void count_direct(Direct *d, const Value *v) {
    Value *const *args = v->args;
    int n = v->nargs;
    for (int i = 0; i < n; i++) {
        Value *x = args[i];
        if (!(((x->op == SSA_OP_CONST || x->op == SSA_OP_CONST_NIL) && imm_position(v, i)) ||
              (x->op == SSA_OP_SLOT && address_position(v, i))))
            continue;
        if (x->id >= d->cap) {
            /* a constant split off during lowering */
            uint32_t cap = d->cap * 2 > x->id ? d->cap * 2 : x->id + 1;
            int32_t *count = ARENA_NEW_ARRAY(d->a, int32_t, cap);
            memcpy(count, d->count, sizeof *count * d->cap);
            d->count = count;
            d->cap = cap;
        }
        if (d->count[x->id]++ > 0)
            continue;
        if (d->nseen == d->capseen) {
            int cap = d->capseen ? d->capseen * 2 : 64;
            Value **seen = (Value **)arena_alloc(d->a, sizeof *seen * (size_t)cap, _Alignof(Value *));
            if (d->nseen)
                memcpy(seen, d->seen, sizeof *seen * (size_t)d->nseen);
            d->seen = seen;
            d->capseen = cap;
        }
        d->seen[d->nseen++] = x;
    }
}

/* Gives every use of an integer constant outside the constant's block a
 * copy of it next to the use (for a phi: at the end of the predecessor).  CSE
 * leaves one constant of each value for the whole function, and a value
 * keeps one location for its whole life: without this a 0 or a loop
 * bound's constant holds a callee-saved register, or a spill slot, across
 * every loop and call after it, while a constant costs one instruction
 * (or nothing, as an immediate) where it is used.  Works on the value at
 * *at_j, which stays there. */
static void split_constants(Block *b, int *at_j) {
    int j = *at_j;
    Value *v = b->values[j];
    Value **args = v->args; /* rewritten in place */
    int n = v->nargs;
    for (int i = 0; i < n; i++) {
        Value *x = args[i];
        if ((x->op != SSA_OP_CONST && x->op != SSA_OP_CONST_NIL) || x->cls == CLS_F32 ||
            x->cls == CLS_F64)
            continue; /* a float constant is a load: better kept in a register */
        Block *at = v->op == SSA_OP_PHI ? b->preds[i] : b;
        if (x->block == at)
            continue;
        Value *k = ssa_value_new_at(at, v->op == SSA_OP_PHI ? at->nvalues : j, (Op)x->op,
                                    (ValClass)x->cls, x->type, x->pos);
        k->aux_int = x->aux_int;
        k->aux = x->aux;
        ssa_value_set_arg(v, i, k);
        if (at == b && v->op != SSA_OP_PHI)
            j++;
    }
    *at_j = j;
}

/* Turns constants and slot addresses whose every use can hold them
 * directly into AMD64Imm and AMD64Frame. */
static void fold_operands(const Direct *d) {
    for (int s = 0; s < d->nseen; s++) {
        Value *v = d->seen[s];
        if (v->uses == 0 || d->count[v->id] != v->uses)
            continue;
        if (v->op == SSA_OP_SLOT) {
            v->op = AMD64_OP_FRAME;
        } else if (v->op == SSA_OP_CONST_NIL) {
            v->op = AMD64_OP_IMM;
            v->aux_int = 0;
        } else if (v->op == SSA_OP_CONST && v->cls != CLS_F32 && v->cls != CLS_F64) {
            int64_t x = ssa_const_sext(v->aux_int, v->cls);
            if (fits32(x)) {
                v->op = AMD64_OP_IMM;
                v->aux_int = x;
            }
        }
    }
}

/* Extends the narrow integer args of runtime call v (at index *at of b). */
static void widen_runtime_args(SsaFunc *f, Block *b, int *at) {
    Value *v = b->values[*at];
    for (int i = 0; i < v->nargs; i++) {
        Value *x = v->args[i];
        if (x->cls != CLS_B && x->cls != CLS_I8 && x->cls != CLS_I16 && x->cls != CLS_I32)
            continue;
        bool sign = x->cls != CLS_B && x->type && type_is_integer(x->type) && !type_is_unsigned(x->type);
        Value *w = ssa_value_new_at(b, *at, sign ? SSA_OP_SEXT : SSA_OP_ZEXT, CLS_I64, NULL, v->pos);
        ssa_value_add_arg(f, w, x);
        ssa_value_set_arg(v, i, w);
        (*at)++;
    }
}

/* The amd64 lowering pass, one walk over the values.  Lowering a value
 * rewrites only its own args, and the address arithmetic it folds (its
 * args, which dominate it) is laid out and so lowered before it; a
 * value's args are therefore final once it is lowered, and the uses that
 * can hold a constant or a slot directly are counted on the way.  Compares
 * move last, after the constants split into the ends of predecessors. */
void amd64_lower(const Target *t, CodegenCtx *c, SsaFunc *f) {
    (void)t;
    (void)c;
    Direct d = {.a = mem_scratch(f->mem), .cap = f->next_value_id + 1};
    d.count = ARENA_NEW_ARRAY(d.a, int32_t, d.cap);
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *b = f->blocks[bi];
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            if (v->nargs == 0)
                continue; /* nothing to lower */
            split_constants(b, &j);
            switch (v->op) {
            case SSA_OP_CALL_RUNTIME:
                widen_runtime_args(f, b, &j);
                break;
            case SSA_OP_ADDPTR: case SSA_OP_OFFPTR:
                fold_address_arith(f, v);
                break;
            case SSA_OP_LOAD: case SSA_OP_STORE:
                fold_memory(f, v);
                break;
            default:
                constant_second(v);
                break;
            }
            count_direct(&d, v);
        }
    }
    fuse_compares(f);
    fold_operands(&d);
}

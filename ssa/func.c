/* func.c — building and recycling the IR: Funcs, Blocks and Values, the
 * op table.
 *
 * Values and Blocks come from the two pools of mem.h and go back, cleared,
 * when the function is freed; every array a Func, Block or Value owns
 * (block list, value lists, predecessors, controls, overflow args, slots)
 * is in the func region, which ssa_func_free resets.  Use counts are kept
 * exact by every function here that changes an arg slot or a control, so
 * passes never recount. */
#include "ssa/ssa.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The op table of the generic ops, from SSA_OP_LIST. */
typedef struct OpInfo {
    const char *name;
    int nargs;
} OpInfo;

static const OpInfo GENERIC_OPS[] = {
#define X(k, s, n, f) {s, n},
    SSA_OP_LIST(X)
#undef X
};

/* The target's ops, numbered from SSA_OP_FIRST_TARGET.  Set once, before any
 * function is compiled, by the code generator of the chosen target; it is
 * a constant table of the target, never changed while functions compile. */
typedef struct TargetOps {
    const char *const *names;
    const unsigned *flags;
    int n;
} TargetOps;

static TargetOps target_ops;

/* Records the target's op names and flags (ops SSA_OP_FIRST_TARGET + i). */
void ssa_register_target_ops(const char *const *names, const unsigned *flags, int n) {
    target_ops.names = names;
    target_ops.flags = flags;
    target_ops.n = n;
}

/* Returns the printed name of op, or "?" for an unknown op. */
const char *ssa_op_name(int op) {
    if (op >= 0 && op < SSA_OP_LAST_GENERIC)
        return GENERIC_OPS[op].name;
    if (op >= SSA_OP_FIRST_TARGET && op - SSA_OP_FIRST_TARGET < target_ops.n)
        return target_ops.names[op - SSA_OP_FIRST_TARGET];
    return "?";
}

/* Returns the number of args op takes, -1 if variadic (target ops: -1). */
int ssa_op_nargs(int op) {
    if (op >= 0 && op < SSA_OP_LAST_GENERIC)
        return GENERIC_OPS[op].nargs;
    return -1;
}

/* The flags column of the op table, for ssa_op_flags in ssa.h. */
const uint8_t SSA_OP_FLAGS[SSA_OP_LAST_GENERIC + 1] = {
#define X(k, s, n, f) f,
    SSA_OP_LIST(X)
#undef X
};

/* Returns the OPF_* flags of a target op. */
unsigned ssa_target_op_flags(int op) {
    if (op >= SSA_OP_FIRST_TARGET && op - SSA_OP_FIRST_TARGET < target_ops.n)
        return (target_ops.flags ? target_ops.flags[op - SSA_OP_FIRST_TARGET] : 0) | OPF_LOWERED;
    return 0;
}

/* Whether op is an op this table knows. */
bool ssa_op_valid(int op) {
    return (op > SSA_OP_INVALID && op < SSA_OP_LAST_GENERIC) ||
           (op >= SSA_OP_FIRST_TARGET && op - SSA_OP_FIRST_TARGET < target_ops.n);
}

/* Prints an internal compiler error at pos and exits with status 3. */
void ssa_ice(Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fflush(stdout);
    if (pos != POS_NONE)
        fprintf(stderr, "%u:%u: ", pos_line(pos), pos_col(pos));
    fputs("internal compiler error: ssa: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(3);
}

/* Pool objects are rounded up to this, as pool_init does. */
static size_t pool_size_of(size_t n) {
    return (n + 15) & ~(size_t)15;
}

/* Sizes the pools for Values and Blocks and sets the retention-bug mode:
 * with retain == RETAIN_POOL (2) put objects are neither cleared nor reused. */
void ssa_init(Mem *mem, int retain) {
    mem_pool_setup(mem, MEM_POOL_VALUE, sizeof(Value));
    mem_pool_setup(mem, MEM_POOL_BLOCK, sizeof(Block));
    bool clear = retain != SSA_RETAIN_POOL;
    mem->pools[MEM_POOL_VALUE].clear_on_put = clear;
    mem->pools[MEM_POOL_BLOCK].clear_on_put = clear;
}

/* Sizes the pools on first use, for callers that never called ssa_init. */
static void ensure_pools(Mem *mem) {
    Pool *pv = &mem->pools[MEM_POOL_VALUE], *pb = &mem->pools[MEM_POOL_BLOCK];
    if (pv->obj_size != pool_size_of(sizeof(Value)) && pv->stats.live == 0)
        mem_pool_setup(mem, MEM_POOL_VALUE, sizeof(Value));
    if (pb->obj_size != pool_size_of(sizeof(Block)) && pb->stats.live == 0)
        mem_pool_setup(mem, MEM_POOL_BLOCK, sizeof(Block));
    if (pv->obj_size < sizeof(Value) || pb->obj_size < sizeof(Block))
        ssa_ice(POS_NONE, "pools sized for other objects while in use");
}

/* Starts an empty function in the func region. */
SsaFunc *ssa_func_new(Mem *mem, const char *name, Object *obj, Type *sig) {
    ensure_pools(mem);
    SsaFunc *f = ARENA_NEW(mem_func(mem), SsaFunc);
    f->name = name;
    f->obj = obj;
    f->sig = sig;
    f->mem = mem;
    f->arena = mem_func(mem);
    f->next_value_id = 1;
    f->next_block_id = 1;
    f->cfg_version = 1;
    return f;
}

/* Returns every Value and Block of f to the pools and resets the func
 * region.  In retain=pool mode the pools keep what they are given
 * uncleared, and the func region they point into is kept alive with them,
 * as a collector would keep it. */
void ssa_func_free(SsaFunc *f) {
    Mem *mem = f->mem;
    Pool *pv = &mem->pools[MEM_POOL_VALUE], *pb = &mem->pools[MEM_POOL_BLOCK];
    bool retain = !pv->clear_on_put || !pb->clear_on_put;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++)
            pool_put(pv, b->values[j]);
        pool_put(pb, b);
    }
    if (!retain)
        arena_reset(mem_func(mem));
}

/* Grows an array of pointers in the func region to hold at least need. */
static void *grow(Arena *a, void *old, int len, int *cap, int need) {
    if (need <= *cap)
        return old;
    int n = *cap ? *cap * 2 : 4;
    while (n < need)
        n *= 2;
    void **p = ARENA_NEW_ARRAY(a, void *, n);
    if (len)
        memcpy(p, old, sizeof(void *) * (size_t)len);
    *cap = n;
    return p;
}

/* Adds a new block of kind at the end of f's block list. */
Block *ssa_block_new(SsaFunc *f, BlockKind kind, Pos pos) {
    Block *b = pool_get(&f->mem->pools[MEM_POOL_BLOCK]);
    b->id = f->next_block_id++;
    b->kind = (uint8_t)kind;
    b->pos = pos;
    b->func = f;
    f->blocks = grow(f->arena, f->blocks, f->nblocks, &f->capblocks, f->nblocks + 1);
    b->order = f->nblocks;
    f->blocks[f->nblocks++] = b;
    f->cfg_version++;
    return b;
}

/* Creates a value with no args at position index of b's value list. */
Value *ssa_value_new_at(Block *b, int index, Op op, ValClass cls, Type *t, Pos pos) {
    SsaFunc *f = b->func;
    if (index < 0 || index > b->nvalues)
        ssa_ice(POS_NONE, "value index %d out of range in b%u", index, b->id);
    Value *v = pool_get(&f->mem->pools[MEM_POOL_VALUE]);
    v->id = f->next_value_id++;
    v->op = (uint16_t)op;
    if (op == SSA_OP_DIV || op == SSA_OP_DIVU || op == SSA_OP_MOD || op == SSA_OP_MODU)
        f->census |= SSA_HAS_DIV;
    else if (op == SSA_OP_ZERO)
        f->census |= SSA_HAS_ZERO;
    else if (ssa_op_flags(op) & OPF_PANICS)
        f->census |= SSA_HAS_CHECK;
    f->value_version++;
    if (op == SSA_OP_PHI || op == SSA_OP_COPY)
        f->copy_version++;
    v->cls = (uint8_t)cls;
    v->type = t;
    v->args = v->inline_args;
    v->capargs = VALUE_INLINE_ARGS;
    v->block = b;
    v->pos = pos;
    v->reg = -1;
    v->slot = -1;
    if (b->nvalues == b->capvalues) /* most blocks hold a few values: start at 8 */
        b->values = grow(f->arena, b->values, b->nvalues, &b->capvalues, b->nvalues < 8 ? 8 : b->nvalues + 1);
    if (index < b->nvalues)
        memmove(&b->values[index + 1], &b->values[index], sizeof(Value *) * (size_t)(b->nvalues - index));
    b->values[index] = v;
    b->nvalues++;
    return v;
}

/* Creates a value with no args at the end of b. */
Value *ssa_value_new(Block *b, Op op, ValClass cls, Type *t, Pos pos) {
    return ssa_value_new_at(b, b->nvalues, op, cls, t, pos);
}

/* Appends arg to v's args, moving them to the func region when the inline
 * array is full. */
void ssa_value_add_arg(SsaFunc *f, Value *v, Value *arg) {
    if (v->nargs == UINT16_MAX)
        ssa_ice(POS_NONE, "v%u has too many args", v->id);
    if (v->nargs == v->capargs) {
        int cap = v->capargs * 2;
        if (cap > UINT16_MAX)
            cap = UINT16_MAX;
        Value **a = ARENA_NEW_ARRAY(f->arena, Value *, cap);
        memcpy(a, v->args, sizeof(Value *) * v->nargs);
        if (v->args == v->inline_args)
            memset(v->inline_args, 0, sizeof v->inline_args);
        v->args = a;
        v->capargs = (uint16_t)cap;
    }
    v->args[v->nargs++] = arg;
    arg->uses++;
    if (v->op == SSA_OP_PHI)
        f->copy_version++;
}

/* Replaces arg i of v. */
void ssa_value_set_arg(Value *v, int i, Value *arg) {
    if (i < 0 || i >= v->nargs)
        ssa_ice(POS_NONE, "v%u has no arg %d", v->id, i);
    Value *old = v->args[i];
    if (old == arg)
        return;
    old->uses--;
    arg->uses++;
    v->args[i] = arg;
    if (v->block) {
        v->block->func->value_version++;
        if (v->op == SSA_OP_PHI)
            v->block->func->copy_version++;
    }
}

/* Drops all of v's args, releasing their uses. */
void ssa_value_reset_args(Value *v) {
    if (v->nargs && v->block)
        v->block->func->value_version++;
    for (int i = 0; i < v->nargs; i++) {
        v->args[i]->uses--;
        v->args[i] = NULL;
    }
    v->nargs = 0;
}

/* Removes arg i of v, keeping the order of the others. */
void ssa_value_remove_arg(Value *v, int i) {
    if (i < 0 || i >= v->nargs)
        ssa_ice(POS_NONE, "v%u has no arg %d", v->id, i);
    v->args[i]->uses--;
    memmove(&v->args[i], &v->args[i + 1], sizeof(Value *) * (size_t)(v->nargs - i - 1));
    v->args[--v->nargs] = NULL;
    if (v->block) {
        v->block->func->value_version++;
        if (v->op == SSA_OP_PHI)
            v->block->func->copy_version++;
    }
}

/* Turns v into a copy of w. */
void ssa_value_copy_of(SsaFunc *f, Value *v, Value *w) {
    if (v == w)
        ssa_ice(POS_NONE, "v%u made a copy of itself", v->id);
    w->uses++; /* w may be one of v's args */
    f->value_version++;
    f->copy_version++;
    ssa_value_reset_args(v);
    v->op = SSA_OP_COPY;
    v->aux = NULL;
    v->aux_int = 0;
    ssa_value_add_arg(f, v, w);
    w->uses--;
}

/* Adds the edge from -> to: to's next predecessor is from. */
void ssa_block_add_edge(SsaFunc *f, Block *from, Block *to) {
    if (from->nsuccs >= 2)
        ssa_ice(POS_NONE, "b%u already has two successors", from->id);
    from->succs[from->nsuccs++] = to;
    to->preds = grow(f->arena, to->preds, to->npreds, &to->cappreds, to->npreds + 1);
    to->preds[to->npreds++] = from;
    f->cfg_version++;
}

/* Removes predecessor i of b and arg i of each of its phis. */
void ssa_block_remove_pred(Block *b, int i) {
    if (i < 0 || i >= b->npreds)
        ssa_ice(POS_NONE, "b%u has no predecessor %d", b->id, i);
    memmove(&b->preds[i], &b->preds[i + 1], sizeof(Block *) * (size_t)(b->npreds - i - 1));
    b->preds[--b->npreds] = NULL;
    b->func->cfg_version++;
    for (int j = 0; j < b->nvalues; j++) {
        Value *v = b->values[j];
        if (v->op == SSA_OP_PHI && i < v->nargs)
            ssa_value_remove_arg(v, i);
    }
}

/* Removes successor edge i of b, with the matching entry of the
 * successor's predecessors (and its phis' args). */
void ssa_block_remove_succ(Block *b, int i) {
    if (i < 0 || i >= b->nsuccs)
        ssa_ice(POS_NONE, "b%u has no successor %d", b->id, i);
    Block *s = b->succs[i];
    /* The k-th occurrence of s among b's successors is the k-th
     * occurrence of b among s's predecessors. */
    int k = 0;
    for (int j = 0; j < i; j++)
        k += b->succs[j] == s;
    for (int j = 0; j < s->npreds; j++) {
        if (s->preds[j] == b && k-- == 0) {
            ssa_block_remove_pred(s, j);
            break;
        }
    }
    if (i == 0 && b->nsuccs == 2)
        b->succs[0] = b->succs[1];
    b->succs[--b->nsuccs] = NULL;
    b->func->cfg_version++;
}

/* Makes v the only control of b (v may be NULL: no control). */
void ssa_block_set_control(SsaFunc *f, Block *b, Value *v) {
    ssa_block_reset_controls(b);
    if (v)
        ssa_block_add_control(f, b, v);
}

/* Appends v to b's controls. */
void ssa_block_add_control(SsaFunc *f, Block *b, Value *v) {
    b->controls = grow(f->arena, b->controls, b->ncontrols, &b->capcontrols, b->ncontrols + 1);
    b->controls[b->ncontrols++] = v;
    v->uses++;
}

/* Drops all of b's controls, releasing their uses. */
void ssa_block_reset_controls(Block *b) {
    if (b->ncontrols)
        b->func->value_version++;
    for (int i = 0; i < b->ncontrols; i++) {
        b->controls[i]->uses--;
        b->controls[i] = NULL;
    }
    b->ncontrols = 0;
}

/* Removes v from its block's value list without freeing it. */
void ssa_value_detach(Value *v) {
    Block *b = v->block;
    for (int i = 0; i < b->nvalues; i++) {
        if (b->values[i] == v) {
            memmove(&b->values[i], &b->values[i + 1], sizeof(Value *) * (size_t)(b->nvalues - i - 1));
            b->values[--b->nvalues] = NULL;
            v->block = NULL;
            return;
        }
    }
    ssa_ice(POS_NONE, "v%u is not in its block b%u", v->id, b->id);
}

/* Puts the detached value v at position index of b's list. */
void ssa_value_attach(Block *b, int index, Value *v) {
    if (v->block)
        ssa_ice(v->pos, "v%u is still in b%u", v->id, v->block->id);
    if (index < 0 || index > b->nvalues)
        ssa_ice(v->pos, "value index %d out of range in b%u", index, b->id);
    b->values = grow(b->func->arena, b->values, b->nvalues, &b->capvalues, b->nvalues + 1);
    memmove(&b->values[index + 1], &b->values[index], sizeof(Value *) * (size_t)(b->nvalues - index));
    b->values[index] = v;
    b->nvalues++;
    v->block = b;
}

/* Removes the unused value v from its block and returns it to the pool. */
void ssa_value_free(SsaFunc *f, Value *v) {
    if (v->uses != 0)
        ssa_ice(POS_NONE, "freeing v%u, which has %d uses", v->id, v->uses);
    if (v->block)
        ssa_value_detach(v);
    f->value_version++;
    ssa_value_reset_args(v);
    v->op = SSA_OP_INVALID; /* what a retained (uncleared) value shows */
    pool_put(&f->mem->pools[MEM_POOL_VALUE], v);
}

/* Removes block b from f and returns it and its values to the pools.  b
 * must have no edges left; its values must be used only inside b. */
void ssa_block_free(SsaFunc *f, Block *b) {
    if (b->npreds || b->nsuccs)
        ssa_ice(POS_NONE, "freeing b%u, which still has edges", b->id);
    ssa_block_reset_controls(b);
    for (int i = 0; i < b->nvalues; i++)
        ssa_value_reset_args(b->values[i]);
    while (b->nvalues > 0)
        ssa_value_free(f, b->values[b->nvalues - 1]);
    int i = b->order;
    if (i < 0 || i >= f->nblocks || f->blocks[i] != b)
        for (i = 0; i < f->nblocks && f->blocks[i] != b; i++)
            ;
    if (i == f->nblocks)
        ssa_ice(POS_NONE, "b%u is not in %s", b->id, f->name);
    memmove(&f->blocks[i], &f->blocks[i + 1], sizeof(Block *) * (size_t)(f->nblocks - i - 1));
    f->blocks[--f->nblocks] = NULL;
    for (; i < f->nblocks; i++)
        f->blocks[i]->order = i;
    f->cfg_version++;
    b->kind = BLOCK_INVALID;
    pool_put(&f->mem->pools[MEM_POOL_BLOCK], b);
}

/* Adds a frame slot to f. */
SsaSlot *ssa_slot_new(SsaFunc *f, int64_t size, int32_t align, Type *t, const char *name) {
    SsaSlot *s = ARENA_NEW(f->arena, SsaSlot);
    s->size = size;
    s->align = align;
    s->type = t;
    s->name = name;
    s->offset = -1;
    f->slots = grow(f->arena, f->slots, f->nslots, &f->capslots, f->nslots + 1);
    f->slots[f->nslots++] = s;
    return s;
}

/* build.c — SSA construction: the Braun et al. core (on-the-fly variable
 * numbering with sealed blocks and incomplete phis), the homes of local
 * variables, function entry (parameters, results, captures), the package
 * initializer, the list of units to compile and the per-function driver.
 * See build.h for the algorithm and ssa.h for the IR. */
#include <stdarg.h>
#include <string.h>

#include "ssa/build.h"

/* ---- errors ------------------------------------------------------------ */

/* Reports that construct WHAT at pos has no code generation yet. */
void b_unsupported(Builder *b, Pos pos, const char *what) {
    b->failed = true;
    if (b->cfg && b->cfg->diag)
        diag_error(b->cfg->diag, pos, "mgc does not support %s in code generation yet", what);
    else
        fprintf(stderr, "mgc does not support %s in code generation yet\n", what);
}

/* An internal invariant failed: prints it with the position and exits 3. */
void b_ice(Builder *b, const char *why) {
    ssa_ice(b->pos, "construction of %s: %s", b->f ? b->f->name : "?", why);
}

/* s interned in perm. */
const char *b_intern(Builder *b, const char *s) {
    return intern(&b->mem->names, s, strlen(s));
}

/* ---- word layout of types ------------------------------------------------ */

/* The class of a one-word type. */
ValClass b_class_of(Type *t) {
    Type *u = type_underlying(t);
    switch (u->kind) {
    case TY_BOOL: case TY_UNTYPED_BOOL: return CLS_B;
    case TY_INT8: case TY_UINT8: return CLS_I8;
    case TY_INT16: case TY_UINT16: return CLS_I16;
    case TY_INT32: case TY_UINT32: case TY_UNTYPED_RUNE: return CLS_I32;
    case TY_FLOAT32: return CLS_F32;
    case TY_FLOAT64: case TY_UNTYPED_FLOAT: return CLS_F64;
    default: return CLS_I64;
    }
}

bool b_is_memory_type(Type *t) {
    TypeKind k = type_underlying(t)->kind;
    return k == TY_STRUCT || k == TY_ARRAY;
}

int b_type_words(Type *t, ValClass cls[3], Type *wt[3]) {
    Type *u = type_underlying(t);
    Type *ptr = type_basic(TY_UNSAFE_POINTER), *i = type_basic(TY_INT);
    switch (u->kind) {
    case TY_STRUCT: case TY_ARRAY: return -1;
    case TY_TUPLE: return u->u.tuple.n == 0 ? 0 : -1;
    case TY_STRING: case TY_UNTYPED_STRING:
        cls[0] = cls[1] = CLS_I64;
        wt[0] = ptr, wt[1] = i;
        return 2;
    case TY_SLICE:
        cls[0] = cls[1] = cls[2] = CLS_I64;
        wt[0] = ptr, wt[1] = wt[2] = i;
        return 3;
    case TY_INTERFACE:
        cls[0] = cls[1] = CLS_I64;
        wt[0] = wt[1] = ptr;
        return 2;
    default:
        cls[0] = b_class_of(t);
        wt[0] = type_is_untyped(t) ? type_default(t) : t;
        return 1;
    }
}

/* ---- values and blocks -------------------------------------------------- */

/* A block for code that follows a jump: reachable from nowhere. */
void b_ensure_block(Builder *b) {
    if (!b->cur) {
        Block *blk = b_block(b, BLOCK_PLAIN);
        b_seal(b, blk);
        b->cur = blk;
    }
}

Value *b_value(Builder *b, Op op, ValClass cls, Type *t) {
    b_ensure_block(b);
    return ssa_value_new(b->cur, op, cls, t, b->pos);
}

Value *b_value1(Builder *b, Op op, ValClass cls, Type *t, Value *x) {
    Value *v = b_value(b, op, cls, t);
    ssa_value_add_arg(b->f, v, x);
    return v;
}

Value *b_value2(Builder *b, Op op, ValClass cls, Type *t, Value *x, Value *y) {
    Value *v = b_value1(b, op, cls, t, x);
    ssa_value_add_arg(b->f, v, y);
    return v;
}

Value *b_const(Builder *b, ValClass cls, Type *t, int64_t bits) {
    Value *v = b_value(b, SSA_OP_CONST, cls, t);
    v->aux_int = bits;
    return v;
}

Value *b_const_int(Builder *b, int64_t v) {
    return b_const(b, CLS_I64, type_basic(TY_INT), v);
}

Value *b_const_string(Builder *b, const char *s, int64_t len) {
    Value *v = b_value(b, SSA_OP_CONST_STRING, CLS_I64, type_basic(TY_UNSAFE_POINTER));
    v->aux = intern(&b->mem->names, s, (size_t)len);
    v->aux_int = len;
    return v;
}

/* The construction state of blk (the table grows with block ids). */
static BlockState *bstate(Builder *b, Block *blk) {
    if (blk->id >= b->capbstate) {
        uint32_t cap = b->capbstate ? b->capbstate * 2 : 64;
        while (cap <= blk->id) cap *= 2;
        BlockState *n = ARENA_NEW_ARRAY(b->tmp, BlockState, cap);
        if (b->capbstate) memcpy(n, b->bstate, b->capbstate * sizeof *n);
        b->bstate = n;
        b->capbstate = cap;
    }
    return &b->bstate[blk->id];
}

Block *b_block(Builder *b, BlockKind kind) {
    Block *blk = ssa_block_new(b->f, kind, b->pos);
    bstate(b, blk);
    return blk;
}

void b_start(Builder *b, Block *blk) {
    b->cur = blk;
}

void b_jump(Builder *b, Block *to) {
    if (!b->cur) return;
    b->cur->kind = BLOCK_PLAIN;
    ssa_block_add_edge(b->f, b->cur, to);
    b->cur = NULL;
}

void b_branch(Builder *b, Value *cond, Block *yes, Block *no) {
    b_ensure_block(b);
    b->cur->kind = BLOCK_IF;
    ssa_block_set_control(b->f, b->cur, cond);
    ssa_block_add_edge(b->f, b->cur, yes);
    ssa_block_add_edge(b->f, b->cur, no);
    b->cur = NULL;
}

/* ---- Braun variables ------------------------------------------------------ */

int b_new_var(Builder *b, ValClass cls, Type *t) {
    if (b->nvars == b->capvars) {
        int cap = b->capvars ? b->capvars * 2 : 32;
        BuildVar *n = ARENA_NEW_ARRAY(b->tmp, BuildVar, cap);
        if (b->nvars) memcpy(n, b->vars, (size_t)b->nvars * sizeof *n);
        b->vars = n;
        b->capvars = cap;
    }
    b->vars[b->nvars] = (BuildVar){cls, t};
    return b->nvars++;
}

static uint32_t def_hash(uint32_t block, int var) {
    uint64_t k = ((uint64_t)block << 32) ^ (uint32_t)var;
    k *= 0x9E3779B97F4A7C15ull;
    return (uint32_t)(k >> 32);
}

/* The slot of (block, var) in the definition table, empty if absent. */
static DefEntry *def_slot(Builder *b, uint32_t block, int var) {
    uint32_t mask = b->capdefs - 1;
    for (uint32_t i = def_hash(block, var) & mask;; i = (i + 1) & mask) {
        DefEntry *e = &b->defs[i];
        if (!e->block || (e->block == block && e->var == var))
            return e;
    }
}

void b_write_var(Builder *b, int var, Block *blk, Value *v) {
    if ((b->ndefs + 1) * 2 > b->capdefs) {
        uint32_t cap = b->capdefs ? b->capdefs * 2 : 64;
        DefEntry *old = b->defs;
        uint32_t oldcap = b->capdefs;
        b->defs = ARENA_NEW_ARRAY(b->tmp, DefEntry, cap);
        b->capdefs = cap;
        for (uint32_t i = 0; i < oldcap; i++)
            if (old[i].block) *def_slot(b, old[i].block, old[i].var) = old[i];
    }
    DefEntry *e = def_slot(b, blk->id + 1, var);
    if (!e->block) {
        e->block = blk->id + 1;
        e->var = var;
        b->ndefs++;
    }
    e->val = v;
}

/* v with the trivial phis it names forwarded (only they become copies). */
static Value *resolve(Value *v) {
    while (v && v->op == SSA_OP_COPY) v = v->args[0];
    return v;
}

/* The zero of a variable read where it has no definition (unreachable code). */
static Value *undef(Builder *b, int var) {
    Block *save = b->cur;
    b->cur = b->f->blocks[0];
    Value *v = b_const(b, b->vars[var].cls, b->vars[var].type, 0);
    b->cur = save;
    return v;
}

/* Replaces phi by its single distinct operand if it has one. */
static Value *try_remove_trivial_phi(Builder *b, Value *phi, int var) {
    Value *same = NULL;
    for (int i = 0; i < phi->nargs; i++) {
        Value *op = resolve(phi->args[i]);
        if (op == same || op == phi) continue;
        if (same) return phi;
        same = op;
    }
    if (!same) same = undef(b, var);
    ssa_value_copy_of(b->f, phi, same);
    b->ntrivial++;
    return same;
}

/* Gives phi one operand per predecessor of its block. */
static Value *add_phi_operands(Builder *b, int var, Value *phi) {
    Block *blk = phi->block;
    for (int i = 0; i < blk->npreds; i++)
        ssa_value_add_arg(b->f, phi, b_read_var(b, var, blk->preds[i]));
    return try_remove_trivial_phi(b, phi, var);
}

static Value *new_phi(Builder *b, int var, Block *blk) {
    return ssa_value_new_at(blk, 0, SSA_OP_PHI, b->vars[var].cls, b->vars[var].type, blk->pos);
}

/* Reads var in blk where blk has no local definition. */
static Value *read_var_recursive(Builder *b, int var, Block *blk) {
    BlockState *st = bstate(b, blk);
    Value *val;
    if (!st->sealed) {
        val = new_phi(b, var, blk);
        IncompletePhi *ip = ARENA_NEW(b->tmp, IncompletePhi);
        ip->var = var;
        ip->phi = val;
        ip->next = st->incomplete;
        st->incomplete = ip;
    } else if (blk->npreds == 0) {
        val = undef(b, var);
    } else if (blk->npreds == 1) {
        val = b_read_var(b, var, blk->preds[0]);
    } else {
        Value *phi = new_phi(b, var, blk);
        b_write_var(b, var, blk, phi);
        val = add_phi_operands(b, var, phi);
    }
    b_write_var(b, var, blk, val);
    return val;
}

Value *b_read_var(Builder *b, int var, Block *blk) {
    if (b->capdefs) {
        DefEntry *e = def_slot(b, blk->id + 1, var);
        if (e->block) return resolve(e->val);
    }
    return resolve(read_var_recursive(b, var, blk));
}

void b_seal(Builder *b, Block *blk) {
    BlockState *st = bstate(b, blk);
    if (st->sealed) return;
    IncompletePhi *ip = st->incomplete;
    st->incomplete = NULL;
    st->sealed = true;
    for (; ip; ip = ip->next) add_phi_operands(b, ip->var, ip->phi);
}

/* Forwards every use of a trivial phi to its value and frees the copies,
 * with the phis that became trivial on the way (copyelim).  A function
 * without trivial phis has neither copies nor trivial phis: every phi was
 * tested once its args were complete, and only trivial phis change args
 * after that.  Either way copyelim has nothing left to do after this. */
static void forward_trivial_phis(Builder *b) {
    if (b->ntrivial)
        ssa_pass_copyelim(b->f);
    b->f->copyelim_version = b->f->copy_version;
}

/* Frees the blocks made for code that was removed as dead and never
 * reached (no predecessors, no successors). */
static void drop_unused_blocks(Builder *b) {
    SsaFunc *f = b->f;
    for (int i = f->nblocks - 1; i > 0; i--) {
        Block *blk = f->blocks[i];
        if (blk->kind == BLOCK_PLAIN && blk->nsuccs == 0 && blk->npreds == 0) ssa_block_free(f, blk);
    }
}

/* ---- locals ----------------------------------------------------------------- */

static uint32_t ptr_hash(const void *p) {
    uint64_t k = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(k >> 32);
}

static LocalVar **local_slot(Builder *b, Object *obj) {
    uint32_t mask = b->caplocals - 1;
    for (uint32_t i = ptr_hash(obj) & mask;; i = (i + 1) & mask)
        if (!b->locals[i] || b->locals[i]->obj == obj) return &b->locals[i];
}

static void local_insert(Builder *b, LocalVar *lv) {
    if ((b->nlocals + 1) * 2 > b->caplocals) {
        uint32_t cap = b->caplocals ? b->caplocals * 2 : 64;
        LocalVar **old = b->locals;
        uint32_t oldcap = b->caplocals;
        b->locals = ARENA_NEW_ARRAY(b->tmp, LocalVar *, cap);
        b->caplocals = cap;
        for (uint32_t i = 0; i < oldcap; i++)
            if (old[i]) *local_slot(b, old[i]->obj) = old[i];
    }
    *local_slot(b, lv->obj) = lv;
    b->nlocals++;
}

static bool has_pointers(Type *t) {
    Type *u = type_underlying(t);
    switch (u->kind) {
    case TY_BOOL: case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
    case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
    case TY_FLOAT32: case TY_FLOAT64: case TY_COMPLEX64: case TY_COMPLEX128:
        return false;
    case TY_ARRAY:
        return u->u.array.len > 0 && has_pointers(u->u.array.elem);
    case TY_STRUCT:
        for (int i = 0; i < u->u.strct.n; i++)
            if (has_pointers(u->u.strct.fields[i].type)) return true;
        return false;
    default:
        return true;
    }
}

/* A new zeroed heap object of type t. */
static Value *new_object(Builder *b, Type *t) {
    Value *v = b_value(b, SSA_OP_NEW, CLS_I64, type_new_pointer(mem_perm(b->mem), t));
    v->aux = t;
    v->aux_int = !has_pointers(t);
    return v;
}

LocalVar *b_local(Builder *b, Object *obj) {
    if (b->caplocals) {
        LocalVar *lv = *local_slot(b, obj);
        if (lv) return lv;
    }
    LocalVar *lv = ARENA_NEW(b->tmp, LocalVar);
    lv->obj = obj;
    ValClass cls[3];
    Type *wt[3];
    int n = b_type_words(obj->type, cls, wt);
    if (obj->flags & OBJ_HEAP) {
        lv->home = HOME_PTR;
        lv->var = b_new_var(b, CLS_I64, type_new_pointer(mem_perm(b->mem), obj->type));
    } else if (n < 0 || (obj->flags & OBJ_ADDRTAKEN) || (b->results_in_memory && (obj->flags & OBJ_RESULT))) {
        lv->home = HOME_SLOT;
        int64_t size = type_size(obj->type);
        lv->slot = ssa_slot_new(b->f, size, type_align(obj->type), obj->type, obj->name);
    } else {
        lv->home = HOME_SSA;
        lv->nwords = n;
        lv->var = b->nvars;
        for (int i = 0; i < n; i++) b_new_var(b, cls[i], wt[i]);
    }
    local_insert(b, lv);
    return lv;
}

LocalVar *b_declare(Builder *b, Object *obj) {
    LocalVar *lv = b_local(b, obj);
    b_ensure_block(b);
    switch (lv->home) {
    case HOME_PTR:
        b_write_var(b, lv->var, b->cur, new_object(b, obj->type));
        break;
    case HOME_SLOT: {
        Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, slot_addr(b, lv->slot));
        z->aux_int = lv->slot->size;
        break;
    }
    case HOME_SSA: {
        BVal zero = b_zero(b, obj->type);
        for (int i = 0; i < lv->nwords; i++) b_write_var(b, lv->var + i, b->cur, zero.w[i]);
        break;
    }
    }
    return lv;
}

/* ---- symbols ------------------------------------------------------------------ */

const char *b_func_symbol(Builder *b, Object *fn) {
    return ssa_func_symbol(b->prog, b->mem, fn);
}

/* Appends the pieces of parts (NULL-terminated) to buf[*n..cap), truncating
 * at cap - 1 bytes; buf stays terminated.  (A symbol is built for every
 * call site: snprintf's generality cost more than the rest of it.) */
static void append_parts(char *buf, size_t cap, size_t *n, const char *const *parts) {
    for (; *parts; parts++) {
        size_t k = strlen(*parts);
        if (k > cap - 1 - *n)
            k = cap - 1 - *n;
        memcpy(buf + *n, *parts, k);
        *n += k;
    }
    buf[*n] = '\0';
}

const char *ssa_func_symbol(Program *prog, Mem *mem, Object *fn) {
    char buf[512];
    size_t n = 0;
    const char *pkg = fn->pkg && fn->pkg->path ? fn->pkg->path : "main";
    Type *recv = fn->type && fn->type->kind == TY_FUNC ? fn->type->u.func.recv : NULL;
    if (recv) {
        bool ptr = recv->kind == TY_POINTER;
        Type *base = ptr ? recv->u.array.elem : recv;
        const char *tn = base->kind == TY_NAMED ? base->u.named.obj->name : "?";
        const char *const parts[] = {pkg, ptr ? ".(*" : ".", tn, ptr ? ")." : ".", fn->name, NULL};
        append_parts(buf, sizeof buf, &n, parts);
    } else if (strcmp(fn->name, "init") == 0 && prog && prog->main) {
        int k = 0;
        for (int i = 0; i < prog->main->nfuncs; i++) {
            Object *o = prog->main->funcs[i];
            if (o == fn) break;
            if (strcmp(o->name, "init") == 0 && !(o->type && o->type->u.func.recv)) k++;
        }
        snprintf(buf, sizeof buf, "%s.init.%d", pkg, k);
        n = strlen(buf);
    } else {
        const char *const parts[] = {pkg, ".", fn->name, NULL};
        append_parts(buf, sizeof buf, &n, parts);
    }
    return intern(&mem->names, buf, n);
}

/* ---- function entry ------------------------------------------------------------ */

/* Stores the words of v into memory at addr (heap cells, slots). */
static void init_memory_home(Builder *b, LocalVar *lv, BVal v) {
    Value *addr = lv->home == HOME_SLOT ? slot_addr(b, lv->slot) : b_read_var(b, lv->var, b->cur);
    b_store(b, addr, v);
}

/* Binds a parameter (or receiver) object to its incoming words; *word is
 * the index of its first flattened word. */
static void bind_param(Builder *b, Object *obj, Type *t, int *word) {
    ValClass cls[3];
    Type *wt[3];
    int n = b_type_words(t, cls, wt);
    BVal v = {.type = t, .n = n};
    if (n < 0) {
        Value *p = b_value(b, SSA_OP_ARG, CLS_I64, type_basic(TY_UNSAFE_POINTER));
        p->aux_int = (*word)++;
        v.addr = p;
    } else {
        for (int i = 0; i < n; i++) {
            v.w[i] = b_value(b, SSA_OP_ARG, cls[i], wt[i]);
            v.w[i]->aux_int = (*word)++;
        }
    }
    if (!obj || !obj->name || obj->name[0] == '_') return;
    if (n < 0 && !(obj->flags & OBJ_HEAP)) {
        /* the callee owns the caller's copy: use it in place */
        LocalVar *lv = ARENA_NEW(b->tmp, LocalVar);
        lv->obj = obj;
        lv->home = HOME_PTR;
        lv->var = b_new_var(b, CLS_I64, type_basic(TY_UNSAFE_POINTER));
        local_insert(b, lv);
        b_write_var(b, lv->var, b->cur, v.addr);
        return;
    }
    LocalVar *lv = b_declare(b, obj);
    if (lv->home == HOME_SSA) {
        for (int i = 0; i < n; i++) b_write_var(b, lv->var + i, b->cur, v.w[i]);
    } else {
        init_memory_home(b, lv, v);
    }
}

/* The parameter and result objects of the function: from the scope of the
 * body, in declaration order (the receiver, parameters, then results). */
static void bind_signature(Builder *b, AstField *recv, AstFuncType *ft) {
    int word = 0;
    if (recv) bind_param(b, recv->name ? recv->name->obj : NULL, b->sig->u.func.recv, &word);
    Type *params = b->sig->u.func.params;
    for (int i = 0; i < ft->params.n; i++) {
        AstField *fl = ft->params.items[i];
        bind_param(b, fl->name ? fl->name->obj : NULL, params->u.tuple.types[i], &word);
    }
    Type *res = b->sig->u.func.results;
    b->nresults = res ? res->u.tuple.n : 0;
    b->results = ARENA_NEW_ARRAY(b->tmp, Object *, b->nresults + 1);
    int nwords = 0;
    for (int i = 0; i < b->nresults; i++) {
        ValClass cls[3];
        Type *wt[3];
        int n = b_type_words(res->u.tuple.types[i], cls, wt);
        if (n < 0) b->result_area = true;
        else nwords += n;
        AstField *fl = i < ft->results.n ? ft->results.items[i] : NULL;
        if (fl && fl->name && fl->name->obj && fl->name->value[0] != '_') {
            b->results[i] = fl->name->obj;
            b_declare(b, fl->name->obj);
        }
    }
    if (nwords > 2) b->result_area = true;
    if (b->result_area) b->result_ptr = b_value(b, SSA_OP_RESULT_PTR, CLS_I64, type_basic(TY_UNSAFE_POINTER));
}

/* The results of a function without source (a wrapper): unnamed. */
static void bind_results_only(Builder *b) {
    Type *res = b->sig->u.func.results;
    b->nresults = res ? res->u.tuple.n : 0;
    b->results = ARENA_NEW_ARRAY(b->tmp, Object *, b->nresults + 1);
    ValClass cls[8];
    Type *wt[8];
    int nwords;
    b->result_area = b_needs_result_area(b->sig, cls, wt, &nwords);
    if (b->result_area) b->result_ptr = b_value(b, SSA_OP_RESULT_PTR, CLS_I64, type_basic(TY_UNSAFE_POINTER));
}

/* A closure body: the context pointer and the captured variables. */
static void bind_captures(Builder *b, AstFuncLit *lit) {
    b->ncaptures = b_lit_captures(b, lit, &b->captures);
    if (!b->ncaptures) return;
    b->f->has_context = true;
    b->context = b_value(b, SSA_OP_CONTEXT, CLS_I64, type_basic(TY_UNSAFE_POINTER));
    for (int i = 0; i < b->ncaptures; i++) {
        Capture *c = &b->captures[i];
        LocalVar *lv = ARENA_NEW(b->tmp, LocalVar);
        lv->obj = c->obj;
        Value *at = b_value1(b, SSA_OP_OFFPTR, CLS_I64, type_basic(TY_UNSAFE_POINTER), b->context);
        at->aux_int = c->offset;
        ValClass cls[3];
        Type *wt[3];
        int n = b_type_words(c->obj->type, cls, wt);
        if (c->byref || n < 0) {
            lv->home = HOME_PTR;
            lv->var = b_new_var(b, CLS_I64, type_basic(TY_UNSAFE_POINTER));
            Value *p = at;
            if (c->byref) {
                p = b_value1(b, SSA_OP_LOAD, CLS_I64, type_basic(TY_UNSAFE_POINTER), at);
                p->aux_int = 0;
            }
            b_write_var(b, lv->var, b->cur, p);
        } else {
            lv->home = HOME_SSA;
            lv->nwords = n;
            lv->var = b->nvars;
            BVal v = b_load(b, at, c->obj->type);
            for (int k = 0; k < n; k++) b_write_var(b, b_new_var(b, cls[k], wt[k]), b->cur, v.w[k]);
        }
        local_insert(b, lv);
    }
}

/* ---- the package initializer ----------------------------------------------------- */

/* The VarDecl that declares obj, and obj's index among its names. */
static AstVarDecl *find_var_decl(const SsaUnit *u, Object *obj, int *index) {
    for (int i = 0; i < u->nfiles; i++) {
        AstFile *file = u->files[i];
        for (int j = 0; j < file->decls.n; j++) {
            AstNode *d = file->decls.items[j];
            if (d->kind != AST_VAR_DECL) continue;
            AstVarDecl *vd = AST_AS(AstVarDecl, d);
            for (int k = 0; k < vd->names.n; k++)
                if (vd->names.items[k]->obj == obj) {
                    *index = k;
                    return vd;
                }
        }
    }
    return NULL;
}

/* The address of a package variable. */
static Value *global_addr(Builder *b, Object *obj) {
    Value *v = b_value(b, SSA_OP_ADDR, CLS_I64, type_new_pointer(mem_perm(b->mem), obj->type));
    v->aux = obj;
    return v;
}

/* main.init: package variables in initialization order, then the init
 * functions in source order. */
static void build_package_init(Builder *b, const SsaUnit *u) {
    Package *pkg = b->prog->main;
    AstVarDecl *done_multi = NULL;
    b->init_heap = true;
    for (int i = 0; i < pkg->ninits; i++) {
        Object *obj = pkg->inits[i];
        int index = 0;
        AstVarDecl *vd = find_var_decl(u, obj, &index);
        if (!vd || !vd->values) continue;
        b->pos = vd->node.pos;
        AstNode *vals = vd->values;
        bool multi = vals->kind != AST_LIST_EXPR && vd->names.n > 1;
        if (multi) {
            if (vd == done_multi) continue;
            done_multi = vd;
            BVal rs[16];
            Type *types[16];
            int n = vd->names.n < 16 ? vd->names.n : 16;
            for (int k = 0; k < n; k++) types[k] = vd->names.items[k]->obj ? vd->names.items[k]->obj->type : NULL;
            n = b_eval_rhs(b, vals, n, types, rs, vd->node.pos);
            for (int k = 0; k < vd->names.n && k < n; k++) {
                Object *o = vd->names.items[k]->obj;
                if (!o || o->name[0] == '_') continue;
                b_store(b, global_addr(b, o), rs[k]);
            }
            continue;
        }
        AstNode *e = vals->kind == AST_LIST_EXPR ? AST_AS(AstListExpr, vals)->elems.items[index] : vals;
        BVal v = b_expr_to(b, e, obj->type);
        if (obj->name[0] != '_') b_store(b, global_addr(b, obj), v);
    }
    b->init_heap = false;
    for (int i = 0; i < pkg->nfuncs; i++) {
        Object *fn = pkg->funcs[i];
        if (strcmp(fn->name, "init") != 0 || fn->type->u.func.recv) continue;
        Value *call = b_value(b, SSA_OP_CALL, CLS_VOID, NULL);
        call->aux = fn;
    }
}

/* ---- units ------------------------------------------------------------------------- */

void b_unit_push(UnitList *l, const SsaUnit *u) {
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        SsaUnit *n = ARENA_NEW_ARRAY(l->a, SsaUnit, cap);
        if (l->n) memcpy(n, l->items, (size_t)l->n * sizeof *n);
        l->items = n;
        l->cap = cap;
    }
    l->items[l->n++] = *u;
}

static void unit_push(UnitList *l, AstNode *node, const char *name) {
    SsaUnit u = {.node = node, .name = intern(l->names, name, strlen(name))};
    b_unit_push(l, &u);
}

/* One walk over a body collects what the body needs: its function
 * literals (each a unit named after its parent, pre-order: each followed
 * by its own), the defer statements of each unit (for their thunks and
 * the defer frame), and the wrappers its expressions need.  Walking the
 * AST once instead of once per question keeps it in the cache. */
typedef struct BodyWalk {
    UnitList *units;
    UnitList *wrappers;    /* NULL: literals only */
    Mem *mem;
    int unit;              /* the unit whose body this is, or -1 */
    const char *parent;    /* the enclosing unit's name */
    bool top;              /* parent is a declaration: funcN, else N */
    int count;             /* literals named so far */
} BodyWalk;

/* Whether n can need a wrapper (b_collect_wrappers_at): a type
 * declaration, a selector, or an expression of struct or pointer type
 * (an embedding struct literal, or a pointer to one).  Most nodes cannot,
 * and are passed over without the call. */
static bool may_need_wrappers(AstNode *n) {
    if (n->kind == AST_TYPE_DECL || n->kind == AST_SELECTOR_EXPR) return true;
    if (n->kind < AST_BAD_EXPR || n->kind > AST_LIST_EXPR) return false;
    const Type *t = AST_AS(AstExpr, n)->type;
    return t && (t->kind == TY_STRUCT || t->kind == TY_POINTER);
}

static bool collect_in_body(AstNode *n, void *ctx) {
    BodyWalk *w = ctx;
    if (w->wrappers && may_need_wrappers(n)) b_collect_wrappers_at(w->wrappers, w->mem, n);
    if (n->kind == AST_CALL_STMT && AST_AS(AstCallStmt, n)->tok == TOK_DEFER && w->unit >= 0)
        w->units->items[w->unit].ndefers++;
    if (n->kind != AST_FUNC_LIT) return true;
    char buf[512];
    w->count++;
    if (w->top) snprintf(buf, sizeof buf, "%s.func%d", w->parent, w->count);
    else snprintf(buf, sizeof buf, "%s.%d", w->parent, w->count);
    unit_push(w->units, n, buf);
    int unit = w->units->n - 1;
    BodyWalk inner = {w->units, w->wrappers, w->mem, unit, w->units->items[unit].name, false, 0};
    ssa_walk_ast(&AST_AS(AstFuncLit, n)->body->node, collect_in_body, &inner);
    return false;
}

/* Walks n, the body of unit (or -1: a package variable's initializer),
 * with BodyWalk; returns the number of literals named. */
static int collect_body(UnitList *l, UnitList *wl, Mem *mem, AstNode *n, int unit, const char *parent, int count) {
    BodyWalk w = {l, wl, mem, unit, parent, true, count};
    ssa_walk_ast(n, collect_in_body, &w);
    return w.count;
}

/* Appends the wrappers of wl to l, but for a name l already has. */
static void append_wrappers(UnitList *l, UnitList *wl, Mem *mem) {
    if (wl->n == 0) return;
    Arena *scratch = mem_scratch(mem);
    ArenaMark mark = arena_mark(scratch);
    int cap = 16;
    while (cap < 2 * l->n) cap *= 2;
    const char **seen = ARENA_NEW_ARRAY(scratch, const char *, cap);
    for (int i = 0; i < l->n; i++) {
        size_t h = ((uintptr_t)l->items[i].name >> 3) * 0x9e3779b97f4a7c15u;
        for (h &= (size_t)(cap - 1); seen[h]; h = (h + 1) & (size_t)(cap - 1))
            ;
        seen[h] = l->items[i].name;
    }
    for (int i = 0; i < wl->n; i++) {
        size_t h = ((uintptr_t)wl->items[i].name >> 3) * 0x9e3779b97f4a7c15u;
        for (h &= (size_t)(cap - 1); seen[h] && seen[h] != wl->items[i].name; h = (h + 1) & (size_t)(cap - 1))
            ;
        if (!seen[h]) b_unit_push(l, &wl->items[i]);
    }
    arena_release(scratch, mark);
}

int ssa_collect_units(Program *prog, Mem *mem, SsaUnit **out) {
    (void)prog, (void)mem;
    *out = NULL;
    return 0;
}

int ssa_collect_program_units(Program *prog, AstFile **files, int nfiles, Mem *mem, SsaUnit **out) {
    UnitList l = {.a = mem_ast(mem), .names = &mem->names};
    UnitList wl = {.a = mem_ast(mem), .names = &mem->names}; /* wrappers, after every body */
    unit_push(&l, NULL, "main.init");
    l.items[0].files = files;
    l.items[0].nfiles = nfiles;
    int glob = 0;
    for (int i = 0; i < nfiles; i++)
        for (int j = 0; j < files[i]->decls.n; j++) {
            AstNode *d = files[i]->decls.items[j];
            if (d->kind == AST_VAR_DECL && AST_AS(AstVarDecl, d)->values)
                glob = collect_body(&l, NULL, mem, AST_AS(AstVarDecl, d)->values, -1, "main.glob.", glob);
        }
    for (int i = 0; i < nfiles; i++)
        for (int j = 0; j < files[i]->decls.n; j++) {
            AstNode *d = files[i]->decls.items[j];
            if (d->kind == AST_TYPE_DECL) {
                b_collect_wrappers_at(&wl, mem, d);
                continue;
            }
            if (d->kind == AST_VAR_DECL) {
                b_collect_wrappers_in(&wl, mem, AST_AS(AstVarDecl, d)->values);
                continue;
            }
            if (d->kind != AST_FUNC_DECL || !AST_AS(AstFuncDecl, d)->body) continue;
            AstFuncDecl *fd = AST_AS(AstFuncDecl, d);
            if (!fd->name->obj || fd->tparams.n) {
                b_collect_wrappers_in(&wl, mem, &fd->body->node);
                continue;
            }
            int first = l.n;
            unit_push(&l, d, ssa_func_symbol(prog, mem, fd->name->obj));
            collect_body(&l, &wl, mem, &fd->body->node, first, l.items[first].name, 0);
            /* each function's defer thunks follow the function and its literals */
            int last = l.n;
            for (int k = first; k < last; k++) b_collect_thunks(&l, k, mem);
        }
    append_wrappers(&l, &wl, mem);
    for (int i = 0; i < l.n; i++) {
        l.items[i].files = files;
        l.items[i].nfiles = nfiles;
    }
    *out = l.items;
    return l.n;
}

/* ---- the driver -------------------------------------------------------------------- */

SsaFunc *ssa_build_func(const SsaConfig *cfg, Mem *mem, Program *prog, const SsaUnit *unit) {
    Builder b = {.cfg = cfg, .mem = mem, .prog = prog};
    b.tmp = mem_scratch(mem);
    ArenaMark mark = arena_mark(b.tmp);
    AstNode *node = unit->node;
    Type *sig = NULL;
    Object *obj = NULL;
    AstBlockStmt *body = NULL;
    if (node && node->kind == AST_FUNC_DECL) {
        AstFuncDecl *fd = AST_AS(AstFuncDecl, node);
        obj = fd->name->obj;
        sig = obj->type;
        body = fd->body;
    } else if (node) {
        AstFuncLit *lit = AST_AS(AstFuncLit, node);
        sig = lit->expr.type;
        body = lit->body;
    } else {
        Arena *perm = mem_perm(mem);
        Type *empty = type_new_tuple(perm, NULL, NULL, 0);
        sig = type_new_func(perm, NULL, empty, empty, false);
    }
    if (unit->kind != SSA_UNIT_BODY) {
        Arena *perm = mem_perm(mem);
        Type *empty = type_new_tuple(perm, NULL, NULL, 0);
        Object *m = unit->method;
        switch (unit->kind) {
        case SSA_UNIT_PTR_WRAPPER: case SSA_UNIT_PROMOTED: case SSA_UNIT_IFACE_METHOD_EXPR:
            sig = type_new_func(perm, unit->recv, m->type->u.func.params, m->type->u.func.results,
                                m->type->u.func.variadic);
            break;
        case SSA_UNIT_DIRECT_WRAPPER: /* the receiver is the interface's data word */
            sig = type_new_func(perm, type_new_pointer(perm, unit->recv), m->type->u.func.params,
                                m->type->u.func.results, m->type->u.func.variadic);
            break;
        case SSA_UNIT_METHOD_VALUE: case SSA_UNIT_IFACE_METHOD_VALUE:
            sig = type_new_func(perm, NULL, m->type->u.func.params, m->type->u.func.results, m->type->u.func.variadic);
            break;
        default:
            sig = type_new_func(perm, NULL, empty, empty, false);
            break;
        }
        node = NULL;
    }
    b.sig = sig;
    b.node = node;
    b.files = unit->files;
    b.nfiles = unit->nfiles;
    b.f = ssa_func_new(mem, unit->name, obj, sig);
    b.arena = b.f->arena;
    b.pos = node ? node->pos : POS_NONE;
    Block *entry = b_block(&b, BLOCK_PLAIN);
    b_seal(&b, entry);
    b_start(&b, entry);
    bool with_defer = body && unit->ndefers > 0;
    b.results_in_memory = with_defer;
    if (node && node->kind == AST_FUNC_DECL) {
        AstFuncDecl *fd = AST_AS(AstFuncDecl, node);
        bind_signature(&b, fd->recv, fd->type);
    } else if (node) {
        AstFuncLit *lit = AST_AS(AstFuncLit, node);
        bind_captures(&b, lit);
        bind_signature(&b, NULL, lit->type);
    }
    if (unit->kind != SSA_UNIT_BODY) {
        bind_results_only(&b);
        b.node = unit->node;
        if (unit->kind == SSA_UNIT_DEFER_THUNK) b_build_defer_thunk(&b, unit);
        else b_build_wrapper(&b, unit);
        body = NULL;
    } else if (body) {
        if (with_defer) b_defer_prologue(&b, body);
        b_block_stmt(&b, body);
        b.pos = body->rbrace;
    } else {
        build_package_init(&b, unit);
    }
    if (b.cur && unit->kind == SSA_UNIT_BODY) b_return_current(&b);
    /* labels are sealed last: a goto may jump back to any of them */
    for (LabelBlock *l = b.labels; l; l = l->next) b_seal(&b, l->block);
    forward_trivial_phis(&b);
    drop_unused_blocks(&b);
    arena_release(b.tmp, mark);
    if (b.failed) {
        ssa_func_free(b.f);
        return NULL;
    }
    return b.f;
}

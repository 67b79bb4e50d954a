/* build_iface.c — interfaces and methods (docs/abi.md): type descriptors
 * and itabs, conversions to and between interfaces, interface method
 * calls through the itab, type assertions and type switches, interface
 * comparison, receivers reached through embedded fields, method values
 * and method expressions, and the wrapper functions they need
 * (main.(*T).M, main.T.M for promoted methods, SYM-fm).
 *
 * An interface method call loads nothing itself: it is a closure call
 * through the cell &itab->fun[i], whose word is the code address (the
 * context register then holds the cell's address, which methods ignore). */
#include <string.h>

#include "ssa/build.h"


static Value *temp_slot(Builder *b, Type *t, const char *name) {
    int64_t size = type_size(t);
    Value *v = b_value(b, SSA_OP_SLOT, CLS_I64, ptr_type());
    v->aux = ssa_slot_new(b->f, size > 0 ? size : 1, type_align(t), t, name);
    return v;
}

/* ---- names ------------------------------------------------------------------ */

static size_t put(char *buf, size_t n, size_t at, const char *s) {
    size_t len = strlen(s);
    for (size_t i = 0; i < len && at + 1 < n; i++) buf[at++] = s[i];
    if (n) buf[at < n ? at : n - 1] = 0;
    return at;
}

/* Writes a tuple of parameter or result types, comma-separated. */
static size_t put_types(char *buf, size_t n, size_t at, Type *tuple, bool variadic) {
    int k = tuple ? tuple->u.tuple.n : 0;
    for (int i = 0; i < k; i++) {
        char inner[512];
        if (i) at = put(buf, n, at, ", ");
        if (variadic && i == k - 1) {
            ssa_type_name(type_underlying(tuple->u.tuple.types[i])->u.array.elem, inner, sizeof inner);
            at = put(buf, n, at, "...");
        } else {
            ssa_type_name(tuple->u.tuple.types[i], inner, sizeof inner);
        }
        at = put(buf, n, at, inner);
    }
    return at;
}

/* Whether an embedded field called name has the type spelled type_name
 * (main.T, *main.T, int): its name is the type's, as without an alias. */
static bool names_embedded(const char *name, const char *type_name) {
    const char *base = type_name[0] == '*' ? type_name + 1 : type_name;
    const char *dot = strrchr(base, '.');
    if (dot) base = dot + 1;
    size_t k = strlen(name);
    /* a local type's ·N suffix follows the name */
    return strncmp(base, name, k) == 0 && (base[k] == 0 || (unsigned char)base[k] == 0xc2);
}

/* The suffix that keeps the symbols of a type declared in a function body
 * apart from those of equal names declared elsewhere: "·LINE" (gc numbers
 * them ·1, ·2, ...); empty for a package-level type.  The runtime's name
 * of the type drops it, as %T does. */
static const char *local_suffix(Object *o, char *buf, size_t n) {
    if ((o->flags & OBJ_PKG_LEVEL) || !o->pkg || !o->pkg->path || strcmp(o->pkg->path, "main") != 0) return "";
    snprintf(buf, n, "\xc2\xb7%u", (unsigned)pos_line(o->pos));
    return buf;
}

void ssa_type_name(Type *t, char *buf, size_t n) {
    char inner[512], inner2[512];
    if (!n) return;
    buf[0] = 0;
    if (!t) return;
    if (t->kind == TY_NAMED) {
        Object *o = t->u.named.obj;
        if (o->pkg && o->pkg->path && !(o->pkg->fake && strcmp(o->name, "error") == 0))
            snprintf(buf, n, "%s.%s%s", o->pkg->path, o->name, local_suffix(o, inner, sizeof inner));
        else
            snprintf(buf, n, "%s", o->name);
        return;
    }
    if (t == type_byte()) {
        snprintf(buf, n, "uint8");
        return;
    }
    if (t == type_rune()) {
        snprintf(buf, n, "int32");
        return;
    }
    Type *u = t;
    size_t at = 0;
    switch (u->kind) {
    case TY_POINTER: ssa_type_name(u->u.array.elem, inner, sizeof inner); snprintf(buf, n, "*%s", inner); return;
    case TY_SLICE: ssa_type_name(u->u.array.elem, inner, sizeof inner); snprintf(buf, n, "[]%s", inner); return;
    case TY_ARRAY:
        ssa_type_name(u->u.array.elem, inner, sizeof inner);
        snprintf(buf, n, "[%lld]%s", (long long)u->u.array.len, inner);
        return;
    case TY_MAP:
        ssa_type_name(u->u.map.key, inner, sizeof inner);
        ssa_type_name(u->u.map.elem, inner2, sizeof inner2);
        snprintf(buf, n, "map[%s]%s", inner, inner2);
        return;
    case TY_CHAN: ssa_type_name(u->u.chan.elem, inner, sizeof inner); snprintf(buf, n, "chan %s", inner); return;
    case TY_FUNC: {
        at = put(buf, n, 0, "func(");
        at = put_types(buf, n, at, u->u.func.params, u->u.func.variadic);
        at = put(buf, n, at, ")");
        Type *res = u->u.func.results;
        int k = res ? res->u.tuple.n : 0;
        if (k == 1) {
            ssa_type_name(res->u.tuple.types[0], inner, sizeof inner);
            at = put(buf, n, at, " ");
            put(buf, n, at, inner);
        } else if (k > 1) {
            at = put(buf, n, at, " (");
            at = put_types(buf, n, at, res, false);
            put(buf, n, at, ")");
        }
        return;
    }
    case TY_STRUCT: {
        if (u->u.strct.n == 0) {
            snprintf(buf, n, "struct {}");
            return;
        }
        at = put(buf, n, 0, "struct { ");
        for (int i = 0; i < u->u.strct.n; i++) {
            TypeField *f = &u->u.strct.fields[i];
            if (i) at = put(buf, n, at, "; ");
            ssa_type_name(f->type, inner, sizeof inner);
            if (!f->embedded) {
                at = put(buf, n, at, f->name);
                at = put(buf, n, at, " ");
            } else if (!names_embedded(f->name, inner)) {
                /* embedded through an alias (struct{ Int } with Int = int):
                 * another type than struct{ int }, printed the same */
                at = put(buf, n, at, f->name);
                at = put(buf, n, at, SSA_EMBED_ALIAS_MARK);
            }
            at = put(buf, n, at, inner);
        }
        put(buf, n, at, " }");
        return;
    }
    case TY_INTERFACE: {
        int k = u->u.iface.nall;
        if (k == 0) {
            snprintf(buf, n, "interface {}");
            return;
        }
        at = put(buf, n, 0, "interface { ");
        for (int i = 0; i < k; i++) {
            TypeMethod *m = &u->u.iface.all[i];
            if (i) at = put(buf, n, at, "; ");
            at = put(buf, n, at, m->name);
            ssa_type_name(m->func->type, inner, sizeof inner);
            at = put(buf, n, at, inner + 4); /* without "func" */
        }
        put(buf, n, at, " }");
        return;
    }
    default: type_string(t, buf, n); return;
    }
}

/* The symbol of method name of receiver type recv (T or *T, T named):
 * main.T.M or main.(*T).M. */
static const char *method_symbol(Mem *mem, Type *recv, const char *name) {
    char buf[700], tn[512];
    bool ptr = recv->kind == TY_POINTER;
    Type *base = ptr ? recv->u.array.elem : recv;
    if (base->kind == TY_NAMED) {
        Object *o = base->u.named.obj;
        const char *pkg = o->pkg && o->pkg->path ? o->pkg->path : "main";
        const char *sfx = local_suffix(o, tn, sizeof tn);
        if (ptr) snprintf(buf, sizeof buf, "%s.(*%s%s).%s", pkg, o->name, sfx, name);
        else snprintf(buf, sizeof buf, "%s.%s%s.%s", pkg, o->name, sfx, name);
    } else {
        ssa_type_name(recv, tn, sizeof tn);
        snprintf(buf, sizeof buf, "%s.%s", tn, name);
    }
    return intern(&mem->names, buf, strlen(buf));
}

/* Whether an interface holds a t in its data word although t is a struct
 * or array, whose methods take their receiver by address. */
static bool is_direct_memory(Type *t) {
    Type *u = type_underlying(t);
    return (u->kind == TY_STRUCT || u->kind == TY_ARRAY) && b_is_direct_iface(t);
}

/* The symbol of the wrapper main.T.M·i of pointer-shaped struct or array
 * type t (SSA_UNIT_DIRECT_WRAPPER). */
static const char *direct_symbol(Mem *mem, Type *t, const char *name) {
    char buf[800];
    snprintf(buf, sizeof buf, "%s\xc2\xb7" "i", method_symbol(mem, t, name));
    return intern(&mem->names, buf, strlen(buf));
}

/* The code an itab of concrete type t calls for method name, with the
 * interface's data word as the receiver: for a pointer *S, main.(*S).M
 * (the method itself or its wrapper); for a boxed value type S, also
 * main.(*S).M (data points to the copy); for a pointer-shaped S, main.S.M,
 * or its wrapper main.S.M·i when S is a struct or array. */
static const char *iface_method_symbol(Mem *mem, Type *t, const char *name) {
    if (type_underlying(t)->kind == TY_POINTER) return method_symbol(mem, t, name);
    if (is_direct_memory(t)) return direct_symbol(mem, t, name);
    if (b_is_direct_iface(t)) return method_symbol(mem, t, name);
    return method_symbol(mem, type_new_pointer(mem_perm(mem), t), name);
}

const char *ssa_method_code(Mem *mem, Type *t, const char *name) {
    return iface_method_symbol(mem, t, name);
}

int ssa_itab_funcs(Program *prog, Mem *mem, Type *t, Type *iface, const char **out, int max) {
    (void)prog;
    Type *iu = type_underlying(iface);
    int n = iu->u.iface.nall;
    for (int i = 0; i < n && i < max; i++) out[i] = iface_method_symbol(mem, t, iu->u.iface.all[i].name);
    return n;
}

/* ---- descriptors ------------------------------------------------------------- */

/* Records symbol name (kind, t, iface) in the function's list, once. */
static void record_sym(Builder *b, SsaSymKind kind, const char *name, Type *t, Type *iface) {
    SsaFunc *f = b->f;
    for (int i = 0; i < f->nsyms; i++)
        if (f->syms[i].name == name) return;
    if (f->nsyms == f->capsyms) {
        int cap = f->capsyms ? f->capsyms * 2 : 8;
        SsaSymRef *n = ARENA_NEW_ARRAY(f->arena, SsaSymRef, cap);
        if (f->nsyms) memcpy(n, f->syms, (size_t)f->nsyms * sizeof *n);
        f->syms = n;
        f->capsyms = cap;
    }
    f->syms[f->nsyms++] = (SsaSymRef){.kind = kind, .name = name, .type = t, .iface = iface};
}

static Value *symaddr(Builder *b, const char *sym) {
    Value *v = b_value(b, SSA_OP_SYMADDR, CLS_I64, ptr_type());
    v->aux = sym;
    return v;
}

Value *b_type_desc(Builder *b, Type *t) {
    char name[600], sym[700];
    ssa_type_name(t, name, sizeof name);
    snprintf(sym, sizeof sym, "type:%s", name);
    const char *s = b_intern(b, sym);
    record_sym(b, SSA_SYM_TYPE, s, t, NULL);
    return symaddr(b, s);
}

Value *b_itab(Builder *b, Type *t, Type *iface) {
    char name[600], iname[600], sym[1300];
    ssa_type_name(t, name, sizeof name);
    ssa_type_name(iface, iname, sizeof iname);
    snprintf(sym, sizeof sym, "itab:%s,%s", name, iname);
    const char *s = b_intern(b, sym);
    record_sym(b, SSA_SYM_ITAB, s, t, iface);
    return symaddr(b, s);
}

/* ---- conversions ------------------------------------------------------------- */

bool b_is_direct_iface(Type *t) {
    Type *u = type_underlying(t);
    switch (u->kind) {
    case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_UNSAFE_POINTER: return true;
    case TY_STRUCT: return u->u.strct.n == 1 && b_is_direct_iface(u->u.strct.fields[0].type);
    case TY_ARRAY: return u->u.array.len == 1 && b_is_direct_iface(u->u.array.elem);
    default: return false;
    }
}

static bool is_empty_iface(Type *t) {
    return type_underlying(t)->u.iface.nall == 0;
}

BVal b_box(Builder *b, BVal v, Type *to, bool heap) {
    Value *tab = is_empty_iface(to) ? b_type_desc(b, v.type) : b_itab(b, v.type, to);
    Value *data;
    if (b_is_direct_iface(v.type)) {
        data = v.n < 0 ? b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), v.addr) : v.w[0];
    } else {
        AstNode fake = {.flags = heap ? AST_ESC_HEAP : 0};
        data = b_alloc(b, v.type, &fake, "autotmp");
        b_store(b, data, v);
    }
    return b_words(to, 2, tab, data, NULL);
}

Value *b_dyn_type(Builder *b, BVal v) {
    if (is_empty_iface(v.type)) return v.w[0];
    /* an itab's first word is the type; a nil itab means nil */
    Value *tab = v.w[0];
    int var = b_new_var(b, CLS_I64, ptr_type());
    b_write_var(b, var, b->cur, tab);
    Block *load = b_block(b, BLOCK_PLAIN), *join = b_block(b, BLOCK_PLAIN);
    Value *nonnil = b_value2(b, SSA_OP_NE, CLS_B, bool_type(), tab, b_value(b, SSA_OP_CONST_NIL, CLS_I64, ptr_type()));
    nonnil->aux_int = CLS_I64;
    b_branch(b, nonnil, load, join);
    b_seal(b, load);
    b_start(b, load);
    b_write_var(b, var, load, b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), tab));
    b_jump(b, join);
    b_seal(b, join);
    b_start(b, join);
    return b_read_var(b, var, join);
}

BVal b_convert_iface(Builder *b, BVal v, Type *to) {
    BVal r = v;
    r.type = to;
    if (is_empty_iface(to)) {
        if (!is_empty_iface(v.type)) r.w[0] = b_dyn_type(b, v);
        return r;
    }
    /* mgc_assertI2(inter, have): the itab, NULL for a nil have */
    Value *args[2] = {b_type_desc(b, to), b_dyn_type(b, v)};
    r.w[0] = b_runtime(b, "mgc_assertI2", CLS_I64, ptr_type(), args, 2);
    return r;
}

/* ---- assertions and switches --------------------------------------------------- */

/* Whether dynamic type dyn is t (concrete) or implements t (interface). */
static Value *has_type(Builder *b, Value *dyn, Type *t) {
    if (type_underlying(t)->kind == TY_INTERFACE) {
        if (is_empty_iface(t)) {
            Value *v = b_value2(b, SSA_OP_NE, CLS_B, bool_type(), dyn, b_value(b, SSA_OP_CONST_NIL, CLS_I64, ptr_type()));
            v->aux_int = CLS_I64;
            return v;
        }
        Value *args[2] = {b_type_desc(b, t), dyn};
        Value *tab = b_runtime(b, "mgc_assertI2", CLS_I64, ptr_type(), args, 2);
        Value *v = b_value2(b, SSA_OP_NE, CLS_B, bool_type(), tab, b_value(b, SSA_OP_CONST_NIL, CLS_I64, ptr_type()));
        v->aux_int = CLS_I64;
        return v;
    }
    Value *v = b_value2(b, SSA_OP_EQ, CLS_B, bool_type(), dyn, b_type_desc(b, t));
    v->aux_int = CLS_I64;
    return v;
}

/* The value of type t held by interface x whose dynamic type is dyn (known to match). */
static BVal unbox(Builder *b, BVal x, Value *dyn, Type *t) {
    if (type_underlying(t)->kind == TY_INTERFACE) {
        if (is_empty_iface(t)) return b_words(t, 2, dyn, x.w[1], NULL);
        Value *args[2] = {b_type_desc(b, t), dyn};
        Value *tab = b_runtime(b, "mgc_assertI2", CLS_I64, ptr_type(), args, 2);
        return b_words(t, 2, tab, x.w[1], NULL);
    }
    if (b_is_direct_iface(t)) {
        if (b_is_memory_type(t)) return b_load(b, b_spill(b, b_words(ptr_type(), 1, x.w[1], NULL, NULL)), t);
        return b_words(t, 1, x.w[1], NULL, NULL);
    }
    return b_load(b, x.w[1], t);
}

BVal b_assert(Builder *b, AstAssertExpr *e, Value **ok) {
    Type *t = type_of(&e->expr.node);
    if (t->kind == TY_TUPLE) t = t->u.tuple.types[0];
    BVal x = b_expr(b, e->x);
    Pos save = b->pos;
    b->pos = e->expr.node.pos;
    Value *dyn = b_dyn_type(b, x);
    if (!ok && type_underlying(t)->kind == TY_INTERFACE) {
        /* mgc_assertI(inter, have, src) panics as Go does */
        Value *args[3] = {b_type_desc(b, t), dyn, b_type_desc(b, x.type)};
        Value *tab = b_runtime(b, "mgc_assertI", CLS_I64, ptr_type(), args, 3);
        b->pos = save;
        return b_words(t, 2, tab, x.w[1], NULL);
    }
    Value *good = has_type(b, dyn, t);
    Value *slot = ok ? temp_slot(b, t, "autotmp") : NULL;
    Block *yes = b_block(b, BLOCK_PLAIN), *no = b_block(b, BLOCK_PLAIN);
    b_branch(b, good, yes, no);
    b_seal(b, yes);
    b_seal(b, no);
    if (!ok) {
        b_start(b, no);
        Value *args[3] = {dyn, b_type_desc(b, t), b_type_desc(b, x.type)};
        b_runtime(b, "mgc_panicdottype", CLS_VOID, NULL, args, 3);
        b->cur->kind = BLOCK_EXIT;
        b->cur = NULL;
        b_start(b, yes);
        BVal r = unbox(b, x, dyn, t);
        b->pos = save;
        return r;
    }
    /* v, ok: the value or the zero value, through a slot */
    int okv = b_new_var(b, CLS_B, bool_type());
    Block *join = b_block(b, BLOCK_PLAIN);
    b_start(b, yes);
    b_store(b, slot, unbox(b, x, dyn, t));
    b_write_var(b, okv, b->cur, b_const(b, CLS_B, bool_type(), 1));
    b_jump(b, join);
    b_start(b, no);
    if (type_size(t) > 0) {
        Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, slot);
        z->aux_int = type_size(t);
    }
    b_write_var(b, okv, b->cur, b_const(b, CLS_B, bool_type(), 0));
    b_jump(b, join);
    b_seal(b, join);
    b_start(b, join);
    *ok = b_read_var(b, okv, join);
    BVal r = b_load(b, slot, t);
    if (r.n < 0) r.addr = b_copy_to_temp(b, r);
    b->pos = save;
    return r;
}

Value *b_iface_compare(Builder *b, AstOp op, BVal x, BVal y) {
    Value *args[4] = {x.w[0], x.w[1], y.w[0], y.w[1]};
    Value *r = b_runtime(b, is_empty_iface(x.type) ? "mgc_efaceeq" : "mgc_ifaceeq", CLS_B, bool_type(), args, 4);
    if (op == OP_NEQ) r = b_value1(b, SSA_OP_NOT, CLS_B, bool_type(), r);
    return r;
}

typedef struct FindObj {
    const char *name;
    Pos pos;
    Object *found;
} FindObj;

static bool find_obj(AstNode *n, void *ctx) {
    FindObj *f = ctx;
    if (f->found) return false;
    if (n->kind == AST_NAME) {
        Object *o = AST_AS(AstName, n)->obj;
        if (o && o->kind == OBJ_VAR && o->pos == f->pos && o->name == f->name) f->found = o;
        return false;
    }
    return true;
}

/* The object a type switch declares in clause cc (NULL when it is unused there). */
static Object *clause_object(AstTypeSwitchGuard *g, AstCaseClause *cc) {
    if (!g->lhs) return NULL;
    FindObj f = {.name = g->lhs->value, .pos = g->lhs->expr.node.pos};
    for (int i = 0; i < cc->body.n && !f.found; i++) ssa_walk_ast(cc->body.items[i], find_obj, &f);
    return f.found;
}

static bool is_nil_case(AstNode *e) {
    e = ast_unparen(e);
    return e->kind == AST_NAME && AST_AS(AstName, e)->obj && AST_AS(AstName, e)->obj->kind == OBJ_NIL;
}

static int case_count(AstNode *n) {
    if (!n) return 0;
    return n->kind == AST_LIST_EXPR ? AST_AS(AstListExpr, n)->elems.n : 1;
}

static AstNode *case_item(AstNode *n, int i) {
    return n->kind == AST_LIST_EXPR ? AST_AS(AstListExpr, n)->elems.items[i] : n;
}

/* The type a case expression denotes. */
static Type *case_type(AstNode *e) {
    Type *t = ((AstExpr *)e)->type;
    return t;
}

void b_type_switch(Builder *b, AstSwitchStmt *s) {
    AstTypeSwitchGuard *g = AST_AS(AstTypeSwitchGuard, s->tag);
    if (s->init) b_stmt(b, s->init);
    b->pos = s->node.pos;
    BVal x = b_expr(b, g->x);
    Value *dyn = b_dyn_type(b, x);
    int n = s->body.n;
    Block **bodies = ARENA_NEW_ARRAY(b->tmp, Block *, n + 1);
    Block *exit = b_block(b, BLOCK_PLAIN);
    int dflt = -1;
    for (int i = 0; i < n; i++) bodies[i] = b_block(b, BLOCK_PLAIN);
    for (int i = 0; i < n; i++) {
        AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
        if (!cc->cases) {
            dflt = i;
            continue;
        }
        for (int k = 0; k < case_count(cc->cases); k++) {
            AstNode *e = case_item(cc->cases, k);
            Block *next = b_block(b, BLOCK_PLAIN);
            b->pos = ast_start_pos(e);
            Value *c;
            if (is_nil_case(e)) {
                c = b_value2(b, SSA_OP_EQ, CLS_B, bool_type(), dyn, b_value(b, SSA_OP_CONST_NIL, CLS_I64, ptr_type()));
                c->aux_int = CLS_I64;
            } else {
                c = has_type(b, dyn, case_type(e));
            }
            b_branch(b, c, bodies[i], next);
            b_seal(b, next);
            b_start(b, next);
        }
    }
    b_jump(b, dflt >= 0 ? bodies[dflt] : exit);
    BranchTarget *saved = b->targets;
    BranchTarget *t = ARENA_NEW(b->tmp, BranchTarget);
    *t = (BranchTarget){.stmt = &s->node, .brk = exit, .outer = b->targets};
    b->targets = t;
    for (int i = 0; i < n; i++) {
        AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
        b_seal(b, bodies[i]);
        b_start(b, bodies[i]);
        Object *obj = clause_object(g, cc);
        if (obj) {
            b->pos = g->lhs->expr.node.pos;
            BVal v = x;
            if (case_count(cc->cases) == 1 && !is_nil_case(cc->cases)) v = unbox(b, x, dyn, case_type(cc->cases));
            LocalVar *lv = b_declare(b, obj);
            LValue l = {.kind = LV_VAR, .type = obj->type, .var = lv};
            if (lv->home != HOME_SSA) {
                AstName fake = {.expr = {.node = {.kind = AST_NAME, .pos = b->pos}, .type = obj->type},
                                .value = obj->name, .obj = obj};
                l.kind = LV_MEM;
                l.addr = b_addr(b, &fake.expr.node);
            }
            b_assign(b, &l, v);
        }
        for (int k = 0; k < cc->body.n; k++)
            if (!(cc->body.items[k]->flags & AST_ESC_DEAD)) b_stmt(b, cc->body.items[k]);
        b_jump(b, exit);
    }
    b->targets = saved;
    b_seal(b, exit);
    b_start(b, exit);
}

/* ---- receivers ----------------------------------------------------------------- */

Value *b_follow_path(Builder *b, Value *base, Type **t, const int32_t *path, int depth, bool *is_ptr) {
    for (int i = 0; i < depth; i++) {
        Type *u = type_underlying(*t);
        type_size(u);
        TypeField *f = &u->u.strct.fields[path[i]];
        if (*is_ptr) b_nil_check(b, base);
        base = offptr(b, base, f->offset);
        *t = f->type;
        *is_ptr = false;
        if (type_underlying(f->type)->kind == TY_POINTER) {
            base = b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), base);
            *t = type_underlying(f->type)->u.array.elem;
            *is_ptr = true;
        }
    }
    return base;
}

BVal b_method_receiver(Builder *b, AstSelectorExpr *sel, Object *m) {
    Type *xt = type_of(sel->x);
    Type *xu = type_underlying(xt);
    if (xu->kind == TY_INTERFACE) return b_expr(b, sel->x);
    Type *recv = m->type->u.func.recv;
    bool want_ptr = recv->kind == TY_POINTER;
    bool x_is_ptr = xu->kind == TY_POINTER;
    int depth = sel->npath > 0 ? sel->npath - 1 : 0;
    if (depth == 0) {
        if (want_ptr) return b_words(recv, 1, x_is_ptr ? b_expr1(b, sel->x) : b_addr(b, sel->x), NULL, NULL);
        if (x_is_ptr) return b_load(b, b_nil_check(b, b_expr1(b, sel->x)), recv);
        return b_expr(b, sel->x);
    }
    Value *base;
    Type *t = x_is_ptr ? xu->u.array.elem : xt;
    if (x_is_ptr) base = b_expr1(b, sel->x);
    else if (want_ptr) base = b_addr(b, sel->x);
    else base = b_spill(b, b_expr(b, sel->x));
    bool is_ptr = x_is_ptr;
    base = b_follow_path(b, base, &t, sel->path, depth, &is_ptr);
    if (type_underlying(t)->kind == TY_INTERFACE) {
        if (is_ptr) b_nil_check(b, base);
        return b_load(b, base, t);
    }
    if (want_ptr) return b_words(recv, 1, base, NULL, NULL);
    if (is_ptr) b_nil_check(b, base);
    return b_load(b, base, recv);
}

Value *b_iface_fun(Builder *b, BVal iv, int index) {
    b_nil_check(b, iv.w[0]);
    return offptr(b, iv.w[0], 16 + 8 * (int64_t)index);
}

Type *b_receiver_type(AstSelectorExpr *sel, Object *m) {
    Type *xt = type_of(sel->x);
    Type *xu = type_underlying(xt);
    if (xu->kind == TY_INTERFACE) return xt;
    int depth = sel->npath > 0 ? sel->npath - 1 : 0;
    if (depth == 0) return m->type->u.func.recv->kind == TY_POINTER || xu->kind == TY_POINTER ? m->type->u.func.recv : xt;
    Type *t = xu->kind == TY_POINTER ? xu->u.array.elem : xt;
    for (int i = 0; i < depth; i++) {
        TypeField *f = &type_underlying(t)->u.strct.fields[sel->path[i]];
        t = f->type;
        if (type_underlying(t)->kind == TY_POINTER) t = type_underlying(t)->u.array.elem;
    }
    if (type_underlying(t)->kind == TY_INTERFACE) return t;
    return m->type->u.func.recv;
}

/* ---- method values and expressions ------------------------------------------------ */

/* The symbol of the -fm wrapper of concrete method m, or of method index
 * of interface type it. */
static const char *fm_symbol(Builder *b, Object *m, Type *it) {
    char buf[1200], tn[1000];
    if (it) {
        ssa_type_name(it, tn, sizeof tn);
        snprintf(buf, sizeof buf, "%s.%s-fm", tn, m->name);
    } else {
        snprintf(buf, sizeof buf, "%s-fm", b_func_symbol(b, m));
    }
    return b_intern(b, buf);
}

BVal b_method_value(Builder *b, AstSelectorExpr *sel) {
    Type *t = sel->expr.type;
    Object *m = sel->sel->obj;
    char buf[1300];
    if (sel->sel_kind == AST_SEL_METHOD_EXPR) {
        Type *xt = ((AstExpr *)sel->x)->type;
        snprintf(buf, sizeof buf, "%s\xc2\xb7" "f", method_symbol(b->mem, xt, m->name));
        return b_words(t, 1, symaddr(b, b_intern(b, buf)), NULL, NULL);
    }
    BVal recv = b_method_receiver(b, sel, m);
    bool iface = type_underlying(recv.type)->kind == TY_INTERFACE;
    if (iface) b_nil_check(b, recv.w[0]);
    const char *code = fm_symbol(b, m, iface ? recv.type : NULL);
    int64_t size = 8 + (type_size(recv.type) + 7) / 8 * 8;
    Type *ct = type_new_array(mem_perm(b->mem), ptr_type(), size / 8);
    b->pos = sel->expr.node.pos;
    Value *clo = b_alloc(b, ct, &sel->expr.node, "closure");
    Value *st = b_value2(b, SSA_OP_STORE, CLS_VOID, NULL, clo, symaddr(b, code));
    st->aux_int = 0;
    b_store(b, offptr(b, clo, 8), recv);
    return b_words(t, 1, clo, NULL, NULL);
}

/* ---- wrappers ----------------------------------------------------------------------- */

/* Arg values for the parameters of tuple params, from flattened word *word. */
static int wrapper_params(Builder *b, Type *params, int *word, BVal *out) {
    int n = params ? params->u.tuple.n : 0;
    for (int i = 0; i < n; i++) {
        Type *t = params->u.tuple.types[i];
        ValClass cls[3];
        Type *wt[3];
        int k = b_type_words(t, cls, wt);
        BVal v = {.type = t, .n = k};
        if (k < 0) {
            v.addr = b_value(b, SSA_OP_ARG, CLS_I64, ptr_type());
            v.addr->aux_int = (*word)++;
        } else {
            for (int j = 0; j < k; j++) {
                v.w[j] = b_value(b, SSA_OP_ARG, cls[j], wt[j]);
                v.w[j]->aux_int = (*word)++;
            }
        }
        out[i] = v;
    }
    return n;
}

/* Calls m (concrete) or, when recv is an interface, its method index with
 * receiver recv and the wrapper's own parameters, and returns the results. */
static void wrapper_call(Builder *b, Object *m, int index, BVal recv, int first_word) {
    Type *sig = m->type;
    BVal args[64], out[16];
    int word = first_word;
    int na = wrapper_params(b, sig->u.func.params, &word, args);
    int nr;
    if (type_underlying(recv.type)->kind == TY_INTERFACE) {
        Value *cell = b_iface_fun(b, recv, index);
        nr = b_emit_call(b, SSA_OP_CALL_CLOSURE, NULL, cell, sig, b_words(ptr_type(), 1, recv.w[1], NULL, NULL), args,
                         na, out, 16);
    } else {
        nr = b_emit_call(b, SSA_OP_CALL, m, NULL, sig, recv, args, na, out, 16);
    }
    (void)nr;
    b_return_values(b, out);
}

void b_build_wrapper(Builder *b, const SsaUnit *u) {
    Object *m = u->method;
    b->f->wrapper = true;
    switch (u->kind) {
    case SSA_UNIT_PTR_WRAPPER: case SSA_UNIT_PROMOTED: case SSA_UNIT_DIRECT_WRAPPER: {
        /* the receiver: a pointer to T, T itself, or T's one word */
        bool ptr = u->kind == SSA_UNIT_PTR_WRAPPER;
        Type *t = ptr ? u->recv->u.array.elem : u->recv;
        int word = 0;
        BVal rv;
        Value *base;
        if (u->kind == SSA_UNIT_DIRECT_WRAPPER) {
            Value *data = b_value(b, SSA_OP_ARG, CLS_I64, ptr_type());
            data->aux_int = word++;
            base = b_spill(b, b_words(ptr_type(), 1, data, NULL, NULL));
        } else {
            Type *rtypes[1] = {u->recv};
            wrapper_params(b, type_new_tuple(mem_perm(b->mem), rtypes, NULL, 1), &word, &rv);
            base = ptr ? rv.w[0] : b_spill(b, rv);
        }
        bool is_ptr = ptr;
        int32_t path[16];
        for (int i = 0; i < u->depth && i < 16; i++) path[i] = u->path[i];
        base = b_follow_path(b, base, &t, path, u->depth, &is_ptr);
        Type *recv = m->type->u.func.recv;
        BVal r;
        if (type_underlying(t)->kind == TY_INTERFACE) {
            if (is_ptr) b_nil_check(b, base);
            r = b_load(b, base, t);
        } else if (recv->kind == TY_POINTER) {
            r = b_words(recv, 1, base, NULL, NULL);
        } else {
            if (is_ptr) b_nil_check(b, base);
            r = b_load(b, base, recv);
        }
        wrapper_call(b, m, u->path[u->depth], r, word);
        return;
    }
    case SSA_UNIT_IFACE_METHOD_EXPR: {
        int word = 0;
        BVal rv;
        Type *rtypes[1] = {u->recv};
        wrapper_params(b, type_new_tuple(mem_perm(b->mem), rtypes, NULL, 1), &word, &rv);
        wrapper_call(b, m, u->index, rv, word);
        return;
    }
    case SSA_UNIT_METHOD_VALUE: case SSA_UNIT_IFACE_METHOD_VALUE: {
        b->f->has_context = true;
        b->context = b_value(b, SSA_OP_CONTEXT, CLS_I64, ptr_type());
        Type *rt = u->kind == SSA_UNIT_IFACE_METHOD_VALUE ? u->recv : m->type->u.func.recv;
        BVal r = b_load(b, offptr(b, b->context, 8), rt);
        wrapper_call(b, m, u->index, r, 0);
        return;
    }
    default:
        b_ice(b, "not a wrapper");
    }
}

/* ---- collecting the wrappers ---------------------------------------------------------- */

typedef struct WrapWalk {
    UnitList *l;
    Mem *mem;
} WrapWalk;

static bool has_unit(UnitList *l, const char *name) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i].name == name) return true;
    return false;
}

static bool collect_selector(AstNode *n, void *ctx) {
    WrapWalk *w = ctx;
    if (n->kind != AST_SELECTOR_EXPR) return true;
    AstSelectorExpr *sel = AST_AS(AstSelectorExpr, n);
    Object *m = sel->sel->obj;
    if (!m || m->kind != OBJ_FUNC || !m->type || !m->type->u.func.recv) return true;
    char buf[1300], tn[1000];
    SsaUnit u = {.method = m};
    if (sel->sel_kind == AST_SEL_METHOD_VALUE || sel->sel_kind == AST_SEL_IFACE_METHOD_VALUE) {
        Type *recv = b_receiver_type(sel, m);
        if (type_underlying(recv)->kind == TY_INTERFACE) {
            u.kind = SSA_UNIT_IFACE_METHOD_VALUE;
            u.recv = recv;
            u.index = sel->path[sel->npath - 1];
            ssa_type_name(recv, tn, sizeof tn);
            snprintf(buf, sizeof buf, "%s.%s-fm", tn, m->name);
        } else {
            u.kind = SSA_UNIT_METHOD_VALUE;
            snprintf(buf, sizeof buf, "%s-fm", ssa_func_symbol(NULL, w->mem, m));
        }
    } else if (sel->sel_kind == AST_SEL_METHOD_EXPR && type_underlying(((AstExpr *)sel->x)->type)->kind == TY_INTERFACE) {
        Type *xt = ((AstExpr *)sel->x)->type;
        u.kind = SSA_UNIT_IFACE_METHOD_EXPR;
        u.recv = xt;
        u.index = sel->path[sel->npath - 1];
        snprintf(buf, sizeof buf, "%s", method_symbol(w->mem, xt, m->name));
    } else if (sel->sel_kind == AST_SEL_METHOD_EXPR && sel->npath > 1) {
        Type *xt = ((AstExpr *)sel->x)->type;
        if (type_underlying(xt)->kind == TY_POINTER) return true;
        u.kind = SSA_UNIT_PROMOTED;
        u.recv = xt;
        u.depth = sel->npath - 1;
        u.path = ARENA_NEW_ARRAY(w->l->a, int, sel->npath);
        for (int i = 0; i < sel->npath; i++) u.path[i] = sel->path[i];
        snprintf(buf, sizeof buf, "%s", method_symbol(w->mem, xt, m->name));
    } else {
        return true;
    }
    u.name = intern(&w->mem->names, buf, strlen(buf));
    if (!has_unit(w->l, u.name)) b_unit_push(w->l, &u);
    return true;
}

/* Adds the wrappers itabs of *t and t may call: main.(*T).M for every
 * method of *t's method set that is not a pointer method of t itself, and
 * main.T.M·i for every method of a pointer-shaped struct or array t. */
static void collect_type_wrappers(UnitList *l, Mem *mem, Type *t) {
    Type *u = type_underlying(t);
    if (u->kind == TY_INTERFACE || u->kind == TY_POINTER) return;
    Type *pt = type_new_pointer(mem_perm(mem), t);
    Selection *sels;
    ArenaMark mark = arena_mark(mem_scratch(mem));
    int n = type_method_set(l->a, mem_scratch(mem), pt, &sels);
    for (int i = 0; i < n; i++) {
        Object *m = sels[i].method;
        if (!m || !m->type) continue;
        if (sels[i].depth == 0 && m->type->u.func.recv && m->type->u.func.recv->kind == TY_POINTER) continue;
        SsaUnit w = {.kind = SSA_UNIT_PTR_WRAPPER, .recv = pt, .method = m, .path = sels[i].path, .depth = sels[i].depth};
        w.name = method_symbol(mem, pt, m->name);
        if (!has_unit(l, w.name)) b_unit_push(l, &w);
    }
    if (is_direct_memory(t)) {
        n = type_method_set(l->a, mem_scratch(mem), t, &sels);
        for (int i = 0; i < n; i++) {
            Object *m = sels[i].method;
            if (!m || !m->type) continue;
            SsaUnit w = {.kind = SSA_UNIT_DIRECT_WRAPPER, .recv = t, .method = m, .path = sels[i].path,
                         .depth = sels[i].depth};
            w.name = direct_symbol(mem, t, m->name);
            if (!has_unit(l, w.name)) b_unit_push(l, &w);
        }
    }
    arena_release(mem_scratch(mem), mark);
}

/* The wrappers of the type declared by d (at package level or in a body). */
static void collect_decl_wrappers(UnitList *l, Mem *mem, AstTypeDecl *d) {
    Object *obj = d->name->obj;
    if (!obj || obj->kind != OBJ_TYPE || d->alias || d->tparams.n || !obj->type || obj->type->kind != TY_NAMED) return;
    collect_type_wrappers(l, mem, obj->type);
}

/* Whether t is a struct type literal with an embedded field (whose
 * promoted methods give it, and a pointer to it, a method set). */
static bool is_embedding_literal(Type *t) {
    if (!t || t->kind != TY_STRUCT) return false;
    for (int i = 0; i < t->u.strct.n; i++)
        if (t->u.strct.fields[i].embedded) return true;
    return false;
}

/* Collects the wrappers of local type declarations and of the struct type
 * literals with embedded fields that expressions have, then those of
 * selectors. */
static bool collect_node(AstNode *n, void *ctx) {
    WrapWalk *w = ctx;
    if (n->kind == AST_TYPE_DECL) {
        collect_decl_wrappers(w->l, w->mem, AST_AS(AstTypeDecl, n));
        return true;
    }
    if (n->kind >= AST_BAD_EXPR && n->kind <= AST_LIST_EXPR) {
        Type *t = AST_AS(AstExpr, n)->type;
        if (t && t->kind == TY_POINTER) t = t->u.array.elem;
        if (is_embedding_literal(t)) collect_type_wrappers(w->l, w->mem, t);
    }
    return collect_selector(n, ctx);
}

void b_collect_wrappers_at(UnitList *l, Mem *mem, AstNode *n) {
    WrapWalk w = {l, mem};
    collect_node(n, &w);
}

void b_collect_wrappers_in(UnitList *l, Mem *mem, AstNode *n) {
    WrapWalk w = {l, mem};
    ssa_walk_ast(n, collect_node, &w);
}

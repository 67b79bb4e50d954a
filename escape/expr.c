/* expr.c — expressions of the typed AST as escape analysis sees them
 * (gc: expr.go).  Evaluating an expression means flowing its value into
 * a hole; allocating expressions (composite literals, new, make, closures,
 * method values, conversions, concatenations) become locations of their
 * own via esc_spill.
 *
 * gc's IR has nodes our AST leaves implicit; they are modelled here:
 * conversions of concrete values to interfaces (OCONVIFACE, esc_conv_iface),
 * the &x of a pointer-receiver call and the *p of a value-receiver call,
 * the field selections of promoted fields and methods (ODOT/ODOTPTR), and
 * &T{} for elided pointer element types. */
#include <string.h>

#include "escape/esc.h"

/* ---- types ---------------------------------------------------------------- */

/* Whether a value of type t holds pointers (gc's HasPointers). */
bool esc_has_pointers_slow(Type *t) {
    if (!t)
        return true;
    Type *u = esc_underlying(t);
    switch (u->kind) {
    case TY_STRING: case TY_UNSAFE_POINTER: case TY_POINTER: case TY_SLICE: case TY_MAP:
    case TY_CHAN: case TY_FUNC: case TY_INTERFACE: case TY_UNTYPED_NIL: case TY_UNTYPED_STRING:
        return true;
    case TY_ARRAY:
        return u->u.array.len > 0 && esc_has_pointers(u->u.array.elem);
    case TY_STRUCT:
        for (int i = 0; i < u->u.strct.n; i++)
            if (esc_has_pointers(u->u.strct.fields[i].type))
                return true;
        return false;
    case TY_TUPLE:
        for (int i = 0; i < u->u.tuple.n; i++)
            if (esc_has_pointers(u->u.tuple.types[i]))
                return true;
        return false;
    default:
        return false;
    }
}

/* Whether t is stored directly in an interface's data word (gc's IsDirectIface). */
bool esc_is_direct_iface(Type *t) {
    if (!t)
        return false;
    Type *u = esc_underlying(t);
    switch (u->kind) {
    case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFE_POINTER:
        return true;
    case TY_ARRAY:
        return u->u.array.len == 1 && esc_is_direct_iface(u->u.array.elem);
    case TY_STRUCT:
        return u->u.strct.n == 1 && esc_is_direct_iface(u->u.strct.fields[0].type);
    default:
        return false;
    }
}

/* Whether e denotes a type (then e(x) is a conversion). */
bool esc_is_type_expr(const AstNode *e) {
    e = esc_unparen((AstNode *)e);
    if (!e)
        return false;
    switch (e->kind) {
    case AST_NAME: {
        Object *o = ((const AstName *)e)->obj;
        return o && o->kind == OBJ_TYPE;
    }
    case AST_SELECTOR_EXPR: {
        Object *o = ((const AstSelectorExpr *)e)->sel->obj;
        const AstNode *x = esc_unparen(((const AstSelectorExpr *)e)->x);
        return o && o->kind == OBJ_TYPE && x->kind == AST_NAME && ((const AstName *)x)->obj &&
               ((const AstName *)x)->obj->kind == OBJ_PKG;
    }
    case AST_ARRAY_TYPE: case AST_SLICE_TYPE: case AST_STRUCT_TYPE: case AST_FUNC_TYPE:
    case AST_INTERFACE_TYPE: case AST_MAP_TYPE: case AST_CHAN_TYPE: case AST_DOTS_TYPE:
        return true;
    case AST_OPERATION: {
        const AstOperation *op = (const AstOperation *)e;
        return op->op == OP_MUL && !op->y && esc_is_type_expr(op->x);
    }
    default:
        return false;
    }
}

/* ---- selections ---------------------------------------------------------------- */

/* Searches the fields embedded in struct type t for name, at exactly
 * the given depth (0: a field or method of t itself); fills path with the
 * embedded fields taken.  Returns true when found. */
static bool find_at_depth(Type *t, const char *name, int depth, EscSelPath *p) {
    Type *u = esc_underlying(t);
    bool ptr = false;
    if (u->kind == TY_POINTER) {
        ptr = true;
        t = u->u.array.elem;
        u = esc_underlying(t);
    }
    if (depth == 0) {
        if (t->kind == TY_NAMED)
            for (int i = 0; i < t->u.named.nmethods; i++)
                if (t->u.named.methods[i].name == name) {
                    p->method = t->u.named.methods[i].func;
                    p->holder = t;
                    return true;
                }
        if (u->kind == TY_INTERFACE) {
            for (int i = 0; i < u->u.iface.nall; i++)
                if (u->u.iface.all[i].name == name) {
                    p->method = u->u.iface.all[i].func;
                    p->holder = t;
                    p->iface = true;
                    return true;
                }
            return false;
        }
        if (u->kind == TY_STRUCT)
            for (int i = 0; i < u->u.strct.n; i++)
                if (u->u.strct.fields[i].name == name) {
                    p->field = &u->u.strct.fields[i];
                    p->holder = t;
                    return true;
                }
        return false;
    }
    if (u->kind != TY_STRUCT || p->nsteps >= ESC_MAX_EMBED)
        return false;
    for (int i = 0; i < u->u.strct.n; i++) {
        TypeField *f = &u->u.strct.fields[i];
        if (!f->embedded)
            continue;
        int save = p->nsteps;
        p->steps_ptr[p->nsteps++] = ptr;
        if (find_at_depth(f->type, name, depth - 1, p))
            return true;
        p->nsteps = save;
    }
    return false;
}

/* Finds field or method name in t at the shallowest depth. */
bool esc_sel_path(Type *t, const char *name, EscSelPath *p) {
    memset(p, 0, sizeof *p);
    if (!t)
        return false;
    for (int d = 0; d <= ESC_MAX_EMBED; d++) {
        p->nsteps = 0;
        if (find_at_depth(t, name, d, p))
            return true;
    }
    return false;
}

/* The name of the embedded field of type t (T or *T: T's name). */
static const char *embedded_name(Type *t) {
    if (t && t->kind == TY_POINTER) t = t->u.array.elem;
    return t && t->kind == TY_NAMED && t->u.named.obj ? t->u.named.obj->name : "?";
}

/* embed_hole under -m=2: each implicit selection is noted as gc prints
 * the node it builds for it, x.E1...Ei (not the whole selector). */
static EscHole embed_hole_noted(EscHole k, const EscSelPath *p, const AstSelectorExpr *sel) {
    char text[640];
    esc_node_string(sel->x, text, 512);
    size_t base = strlen(text);
    for (int i = p->nsteps - 1; i >= 0; i--) {
        size_t len = base;
        for (int j = 0; j <= i && len < sizeof text; j++)
            len += (size_t)snprintf(text + len, sizeof text - len, ".%s", embedded_name(p->step_types[j]));
        if (p->steps_ptr[i])
            k = esc_text_note(esc_shift(k, 1), sel->expr.node.pos, "dot of pointer", text);
        else
            k = esc_text_note(k, sel->expr.node.pos, "dot", text);
    }
    return k;
}

/* The hole for x in x.sel after the implicit embedded selections of p:
 * one dereference for each step taken through a pointer. */
static EscHole embed_hole(EscHole k, const EscSelPath *p, const AstNode *where) {
    if (p->nsteps && k.dst && k.dst->batch->keep_notes && where->kind == AST_SELECTOR_EXPR)
        return embed_hole_noted(k, p, AST_AS(AstSelectorExpr, where));
    for (int i = p->nsteps - 1; i >= 0; i--)
        k = p->steps_ptr[i] ? esc_deref(k, where, "dot of pointer") : esc_note(k, where, "dot");
    return k;
}

/* Records the types of the embedded fields along p and whether the final
 * field or method is selected from a pointer (holder_ptr). */
static void fill_step_types(Type *t, const char *name, EscSelPath *p) {
    int n = p->nsteps;
    Type *cur = t;
    for (int i = 0; i < n; i++) {
        Type *u = esc_underlying(cur);
        if (u->kind == TY_POINTER)
            u = esc_underlying(u->u.array.elem);
        Type *next = NULL;
        for (int j = 0; u->kind == TY_STRUCT && j < u->u.strct.n && !next; j++) {
            TypeField *f = &u->u.strct.fields[j];
            EscSelPath q;
            memset(&q, 0, sizeof q);
            if (f->embedded && find_at_depth(f->type, name, n - i - 1, &q))
                next = f->type;
        }
        if (!next)
            break;
        p->step_types[i] = next;
        cur = next;
    }
    p->holder_ptr = esc_underlying(cur)->kind == TY_POINTER;
}

/* The selection x.name for x of type xt, with its implicit steps. */
bool esc_selection(Type *xt, const char *name, EscSelPath *p) {
    if (!esc_sel_path(xt, name, p))
        return false;
    fill_step_types(xt, name, p);
    return true;
}

/* ---- conversions ------------------------------------------------------------- */

/* k.addr(n, "spill") with the note at pos. */
EscHole esc_spill_hole(EscHole k, const AstNode *n, Pos pos) {
    k.derefs -= 1;
    k.addrtaken = true;
    return esc_note_at(k, n, pos, "spill");
}

/* gc's base.Pos after its front end built e (see esc.h). */
Pos esc_last_pos(const AstNode *e) {
    e = esc_unparen((AstNode *)e);
    if (!e || (esc_is_expr_kind(e->kind) && ((const AstExpr *)e)->cval) || esc_is_type_expr(e))
        return 0;
    Pos last = e->pos, p;
    switch (e->kind) {
    case AST_NAME: {
        const Object *o = ((const AstName *)e)->obj;
        if (strcmp(((const AstName *)e)->value, "_") == 0 || (o && o->kind == OBJ_BUILTIN))
            return 0;
        return e->pos;
    }
    case AST_SELECTOR_EXPR: {
        const AstSelectorExpr *s = (const AstSelectorExpr *)e;
        const AstNode *x = esc_unparen(s->x);
        if (x->kind == AST_NAME && ((const AstName *)x)->obj && ((const AstName *)x)->obj->kind == OBJ_PKG)
            return s->sel->expr.node.pos;
        return (p = esc_last_pos(s->x)) ? p : last;
    }
    case AST_CALL_EXPR: {
        const AstCallExpr *c = (const AstCallExpr *)e;
        if ((p = esc_last_pos(c->fun)))
            last = p;
        for (int i = 0; i < c->args.n; i++)
            if ((p = esc_last_pos(c->args.items[i])))
                last = p;
        return last;
    }
    case AST_INDEX_EXPR:
        if ((p = esc_last_pos(((const AstIndexExpr *)e)->x)))
            last = p;
        return (p = esc_last_pos(((const AstIndexExpr *)e)->index)) ? p : last;
    case AST_SLICE_EXPR: {
        const AstSliceExpr *s = (const AstSliceExpr *)e;
        if ((p = esc_last_pos(s->x)))
            last = p;
        for (int i = 0; i < 3; i++)
            if ((p = esc_last_pos(s->index[i])))
                last = p;
        return last;
    }
    case AST_COMPOSITE_LIT:
        return last;                  /* built as a whole at its own position */
    case AST_KEY_VALUE_EXPR: {
        const AstKeyValueExpr *kv = (const AstKeyValueExpr *)e;
        if (kv->key->kind != AST_NAME && (p = esc_last_pos(kv->key)))
            last = p;
        return (p = esc_last_pos(kv->value)) ? p : last;
    }
    case AST_OPERATION: {
        const AstOperation *op = (const AstOperation *)e;
        const AstNode *x = esc_unparen(op->x);
        if (op->op == OP_AND && !op->y && x->kind == AST_COMPOSITE_LIT)
            return last;              /* &T{...} is built as a whole */
        if ((p = esc_last_pos(op->x)))
            last = p;
        return (p = esc_last_pos(op->y)) ? p : last;
    }
    case AST_ASSERT_EXPR:
        return (p = esc_last_pos(((const AstAssertExpr *)e)->x)) ? p : last;
    default:
        return last;
    }
}

/* esc_value_pos below its top: composite literals looked into. */
static Pos literal_pos(AstNode *e) {
    e = esc_unparen(e);
    if (e && e->kind == AST_OPERATION) {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->op == OP_AND && !op->y && esc_unparen(op->x)->kind == AST_COMPOSITE_LIT)
            return literal_pos(op->x);
    }
    if (!e || e->kind != AST_COMPOSITE_LIT)
        return esc_last_pos(e);
    AstCompositeLit *cl = AST_AS(AstCompositeLit, e);
    Pos last = e->pos, p;
    for (int i = 0; i < cl->elems.n; i++) {
        AstNode *el = cl->elems.items[i];
        if (el->kind == AST_KEY_VALUE_EXPR) {
            AstKeyValueExpr *kv = AST_AS(AstKeyValueExpr, el);
            if (kv->key->kind != AST_NAME && (p = literal_pos(kv->key)))
                last = p;
            el = kv->value;
        }
        if ((p = literal_pos(el)))
            last = p;
    }
    return last;
}

/* Where gc's front end stands after building e as a value that is then
 * converted (a variable's declared value, panic's and append's
 * arguments): at a call, its own position; in a composite literal (T{...}
 * or &T{...}), after its last element that is not constant, else at its
 * "{"; elsewhere esc_last_pos.  0 if e moves it nowhere. */
Pos esc_value_pos(AstNode *e) {
    e = esc_unparen(e);
    if (!e)
        return 0;
    if (e->kind == AST_CALL_EXPR && !((AstExpr *)e)->cval && !esc_is_type_expr(AST_AS(AstCallExpr, e)->fun))
        return e->pos;
    return literal_pos(e);
}

/* Whether argument e moves gc's base.Pos (gc's HasUniquePos). */
bool esc_unique_pos(const AstNode *e) {
    e = esc_unparen((AstNode *)e);
    if (!e)
        return false;
    if (e->kind == AST_NAME) {
        /* a variable or a function is one node wherever it is named; a
         * constant (true, false, a named one) becomes a literal at the use */
        const Object *o = ((const AstName *)e)->obj;
        return o && o->kind == OBJ_CONST;
    }
    if (e->kind == AST_SELECTOR_EXPR) {
        Object *o = ((const AstSelectorExpr *)e)->sel->obj;
        const AstNode *x = esc_unparen(((const AstSelectorExpr *)e)->x);
        if (o && x->kind == AST_NAME && ((const AstName *)x)->obj && ((const AstName *)x)->obj->kind == OBJ_PKG)
            return false;             /* pkg.Name */
    }
    return true;
}

/* The hole for e converted to type to: a conversion site when e is concrete. */
EscHole esc_conv_iface(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e, Type *to) {
    Type *from = esc_type_of(e);
    if (!to || !from || !esc_is_interface(to) || from->kind == TY_UNTYPED_NIL)
        return k;
    Pos pos = fn && fn->conv_pos ? fn->conv_pos : esc_unparen(e)->pos;
    if (esc_is_interface(from))   /* between interfaces: gc's OCONVIFACE, unless identical */
        return type_identical(from, to) ? k : esc_note_at(k, e, pos, "interface-converted");
    if (!esc_is_direct_iface(from)) {
        EscLoc *loc = esc_new_loc(b, b->curfn ? b->curfn : fn, e, NULL, true);
        loc->conv = true;
        loc->pos = pos;
        esc_flow(b, esc_spill_hole(k, e, pos), loc);
        k = esc_hole(loc);
        e->flags |= AST_ESC_CONV_SITE;
    }
    return esc_note_at(k, e, pos, "interface-converted");
}

/* Evaluates e into k as a value of interface type to. */
void esc_expr_to_iface(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e, Type *to) {
    /* gc filters on the type of the conversion node: an interface keeps the hole */
    if (k.derefs >= 0 && !esc_has_pointers(to))
        k = esc_discard_hole(b);
    k = esc_conv_iface(b, fn, k, e, to);
    esc_expr(b, fn, k, e);
}

/* src (as type to) flows to the heap (gc's assignHeap). */
void esc_assign_heap(EscBatch *b, EscFunc *fn, AstNode *src, Type *to, const char *why, const AstNode *where) {
    esc_expr_to(b, fn, esc_note(esc_heap_hole(b), where, why), src, to);
}

/* unsafe.Pointer(u) for a uintptr expression u: follows conversions from
 * unsafe.Pointer through uintptr arithmetic (gc's unsafeValue). */
static void unsafe_value(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e) {
    e = esc_unparen(e);
    if (!e)
        return;
    if (e->kind == AST_CALL_EXPR) {
        AstCallExpr *c = AST_AS(AstCallExpr, e);
        if (esc_is_type_expr(c->fun) && c->args.n == 1) {
            Type *xt = esc_type_of(c->args.items[0]);
            if (xt && esc_underlying(xt)->kind == TY_UNSAFE_POINTER)
                esc_expr(b, fn, k, c->args.items[0]);
            else
                esc_discard(b, fn, c->args.items[0]);
            return;
        }
    }
    if (e->kind == AST_OPERATION && !((AstExpr *)e)->cval) {
        AstOperation *op = AST_AS(AstOperation, e);
        if (!op->y && (op->op == OP_ADD || op->op == OP_SUB || op->op == OP_XOR)) {
            unsafe_value(b, fn, k, op->x);
            return;
        }
        switch (op->op) {
        case OP_ADD: case OP_SUB: case OP_OR: case OP_XOR: case OP_MUL: case OP_DIV: case OP_REM:
        case OP_AND: case OP_AND_NOT:
            if (op->y) {
                unsafe_value(b, fn, k, op->x);
                unsafe_value(b, fn, k, op->y);
                return;
            }
            break;
        case OP_SHL: case OP_SHR:
            unsafe_value(b, fn, k, op->x);
            esc_discard(b, fn, op->y);
            return;
        default:
            break;
        }
    }
    esc_discard(b, fn, e);
}

/* A conversion T(x) (not constant). */
static void conversion(EscBatch *b, EscFunc *fn, EscHole k, AstCallExpr *call) {
    AstNode *x = call->args.n ? call->args.items[0] : NULL;
    Type *to = call->expr.type, *from = esc_type_of(x);
    if (!x || !to || !from)
        return;
    Type *tu = esc_underlying(to), *fu = esc_underlying(from);
    if (tu->kind == TY_INTERFACE && fu->kind != TY_INTERFACE) {
        if (!esc_is_direct_iface(from)) {
            k = esc_spill(b, k, &call->expr.node);
            call->expr.node.flags |= AST_ESC_SITE;
        }
        esc_expr(b, fn, esc_note(k, &call->expr.node, "interface-converted"), x);
        return;
    }
    if (tu->kind == TY_INTERFACE && !type_identical(to, from)) {
        esc_expr(b, fn, esc_note(k, &call->expr.node, "interface-converted"), x);
        return;
    }
    bool to_str = tu->kind == TY_STRING, from_str = fu->kind == TY_STRING;
    if ((to_str && (fu->kind == TY_SLICE || type_is_integer(fu))) || (from_str && tu->kind == TY_SLICE)) {
        /* string(b), string(r), string(i), []byte(s), []rune(s) */
        esc_spill(b, k, &call->expr.node);
        call->expr.node.flags |= AST_ESC_SITE;
        esc_discard(b, fn, x);
        return;
    }
    if (tu->kind == TY_UNSAFE_POINTER && fu->kind == TY_UINTPTR) {
        unsafe_value(b, fn, k, x);
        return;
    }
    esc_expr(b, fn, k, x);
}

/* ---- composite literals -------------------------------------------------------- */

/* The value of element el (a KeyValueExpr's value, else el). */
static AstNode *elem_value(AstNode *el) {
    return el->kind == AST_KEY_VALUE_EXPR ? AST_AS(AstKeyValueExpr, el)->value : el;
}

/* The struct field that positional element i or keyed element el initializes. */
static Type *struct_elem_type(Type *u, AstNode *el, int i) {
    if (el->kind == AST_KEY_VALUE_EXPR) {
        AstNode *key = AST_AS(AstKeyValueExpr, el)->key;
        if (key->kind == AST_NAME)
            for (int j = 0; j < u->u.strct.n; j++)
                if (u->u.strct.fields[j].name == AST_AS(AstName, key)->value)
                    return u->u.strct.fields[j].type;
        return NULL;
    }
    return i < u->u.strct.n ? u->u.strct.fields[i].type : NULL;
}

/* A composite literal whose own type is lt (pointer already removed). */
static void composite_lit(EscBatch *b, EscFunc *fn, EscHole k, AstCompositeLit *lit, Type *lt) {
    Type *u = esc_underlying(lt);
    AstNode *n = &lit->expr.node;
    Pos saved = fn ? fn->conv_pos : 0;
    switch (u->kind) {
    case TY_ARRAY:
        for (int i = 0; i < lit->elems.n; i++) {
            AstNode *el = lit->elems.items[i];
            if (fn)
                fn->conv_pos = esc_unparen(el)->pos;
            esc_expr_to(b, fn, esc_note(k, n, "array literal element"), elem_value(el), u->u.array.elem);
        }
        break;
    case TY_SLICE:
        k = esc_spill(b, k, n);
        n->flags |= AST_ESC_SITE;
        for (int i = 0; i < lit->elems.n; i++) {
            AstNode *el = lit->elems.items[i];
            if (fn)
                fn->conv_pos = esc_unparen(el)->pos;
            esc_expr_to(b, fn, esc_note(k, n, "slice-literal-element"), elem_value(el), u->u.array.elem);
        }
        break;
    case TY_STRUCT:
        for (int i = 0; i < lit->elems.n; i++) {
            AstNode *el = lit->elems.items[i];
            if (fn)
                fn->conv_pos = esc_unparen(el)->pos;
            esc_expr_to(b, fn, esc_note(k, n, "struct literal element"), elem_value(el), struct_elem_type(u, el, i));
        }
        break;
    case TY_MAP:
        esc_spill(b, k, n);
        n->flags |= AST_ESC_SITE;
        for (int i = 0; i < lit->elems.n; i++) {
            AstNode *el = lit->elems.items[i];
            if (el->kind != AST_KEY_VALUE_EXPR)
                continue;
            AstKeyValueExpr *kv = AST_AS(AstKeyValueExpr, el);
            if (fn)
                fn->conv_pos = el->pos;
            esc_assign_heap(b, fn, kv->key, u->u.map.key, "map literal key", n);
            if (fn)
                fn->conv_pos = el->pos;
            esc_assign_heap(b, fn, kv->value, u->u.map.elem, "map literal value", n);
        }
        break;
    default:
        break;
    }
    if (fn)
        fn->conv_pos = saved;
}

/* ---- closures and method values ------------------------------------------------- */

/* The variables of enclosing functions a literal uses, in order of first use. */
typedef struct Captures {
    EscBatch *b;
    EscFunc *fn;             /* the literal's function */
    Vec vars;
    Vec uses;
    AstNode *inner;          /* the literal nested in fn's body being scanned, or NULL */
} Captures;

/* esc_visit_names callback: a local whose location belongs to another
 * (enclosing) function is captured; locations of the literal's own
 * variables do not exist yet or belong to it or to literals inside it. */
static void note_capture(void *ctx, AstNode *name) {
    Captures *c = ctx;
    if (name->kind == AST_FUNC_LIT) {
        /* a variable used only inside a nested literal is captured there */
        AstNode *saved = c->inner;
        c->inner = name;
        esc_visit_names(&AST_AS(AstFuncLit, name)->body->node, note_capture, c, true);
        c->inner = saved;
        return;
    }
    Object *o = esc_local_var(name);
    if (!o)
        return;
    EscLoc *loc = esc_lookup(c->b->ctx, o);
    if (!loc)
        return;
    for (EscFunc *f = loc->curfn; f; f = f->outer)
        if (f == c->fn)
            return;
    for (int i = 0; i < c->vars.len; i++)
        if (c->vars.items[i] == o)
            return;
    vec_push(c->b->ctx->arena, &c->vars, o);
    vec_push(c->b->ctx->arena, &c->uses, c->inner ? c->inner : name);
}

/* A function literal: its closure record is allocated at the literal,
 * its captured variables flow into it later (esc_flow_closures), and its
 * body is walked now, within the enclosing function's batch. */
static void closure(EscBatch *b, EscFunc *fn, EscHole k, AstFuncLit *lit) {
    k = esc_spill(b, k, &lit->expr.node);
    lit->expr.node.flags |= AST_ESC_SITE;
    EscFunc *cfn = esc_lit_func(b, fn, lit);
    Captures caps = {b, cfn, {0}, {0}, NULL};
    esc_visit_names(&lit->body->node, note_capture, &caps, false);
    Vec vars = caps.vars;
    for (int i = 0; i < vars.len; i++) {
        EscLoc *loc = esc_lookup(b->ctx, vars.items[i]);
        if (loc && !loc->captured) {
            loc->captured = true;
            /* reassignments in straight-line code before the first capture do not count */
            if (loc->loop_depth == fn->loop_depth)
                loc->reassigned = false;
        }
    }
    EscClosure *c = esc_add_closure(b);
    c->k = k;
    c->fn = cfn;
    c->outer = fn;
    c->vars = (Object **)vars.items;
    c->uses = (AstNode **)caps.uses.items;
    c->nvars = vars.len;
    esc_walk_lit(b, cfn);
    b->curfn = fn;
}

/* A new, zeroed closure record at the end of the batch's list. */
EscClosure *esc_add_closure(EscBatch *b) {
    if (b->nclosures == b->capclosures) {
        int cap = b->capclosures ? 2 * b->capclosures : 8;
        EscClosure *a = ARENA_NEW_ARRAY(b->ctx->arena, EscClosure, cap);
        if (b->nclosures)
            memcpy(a, b->closures, sizeof *a * (size_t)b->nclosures);
        b->closures = a;
        b->capclosures = cap;
    }
    EscClosure *c = &b->closures[b->nclosures++];
    memset(c, 0, sizeof *c);
    return c;
}

/* The function that declares the variable of loc, for messages. */
static const EscFunc *owner(const EscLoc *loc, const EscClosure *c) {
    return loc->curfn ? loc->curfn : c->outer;
}

/* Flows each closure's captured variables into its record (gc's flowClosure). */
void esc_flow_closures(EscBatch *b) {
    EscCtx *ctx = b->ctx;
    for (int i = 0; i < b->nclosures; i++) {
        EscClosure *c = &b->closures[i];
        for (int j = 0; j < c->nvars; j++) {
            Object *v = c->vars[j];
            EscLoc *loc = esc_lookup(ctx, v);
            if (!loc)
                continue;
            int64_t width = type_size(v->type);
            bool byval = !loc->addrtaken && !loc->reassigned && width <= 128;
            if (!byval)
                v->flags |= OBJ_ADDRTAKEN;
            if (ctx->cfg->m > 1) {
                char name[512];
                esc_func_name(owner(loc, c), name, sizeof name);
                esc_warn(ctx, v->pos, "%s capturing by %s: %s (addr=%s assign=%s width=%lld)", name,
                         byval ? "value" : "ref", v->name, loc->addrtaken ? "true" : "false",
                         loc->reassigned ? "true" : "false", (long long)width);
            }
            EscHole k = c->k;
            const AstNode *where = c->uses[j];
            if (!byval) {
                k.derefs -= 1;
                k.addrtaken = true;
                k = esc_note_at(k, where, where->pos, "reference");
            }
            esc_flow(b, esc_note_at(k, where, where->pos, "captured by a closure"), loc);
        }
        for (int j = 0; j < c->ntemps; j++) {
            EscLoc *loc = c->temps[j];
            Type *t = c->temp_types[j];
            int64_t width = t ? type_size(t) : 8;
            bool byval = !loc->addrtaken && !loc->reassigned && width <= 128;
            if (ctx->cfg->m > 1) {
                char name[512];
                esc_func_name(c->outer, name, sizeof name);
                esc_warn(ctx, loc->pos, "%s capturing by %s: .autotmp_%d (addr=%s assign=%s width=%lld)", name,
                         byval ? "value" : "ref", c->temp_ids[j], loc->addrtaken ? "true" : "false",
                         loc->reassigned ? "true" : "false", (long long)width);
            }
            EscHole k = c->k;
            char tmp[32];
            snprintf(tmp, sizeof tmp, ".autotmp_%d", c->temp_ids[j]);
            if (!byval) {
                k.derefs -= 1;
                k.addrtaken = true;
                k = esc_text_note(k, c->call_pos, "reference", tmp);
            }
            esc_flow(b, esc_text_note(k, c->call_pos, "captured by a closure", tmp), loc);
        }
    }
    b->nclosures = 0;
}

/* x.M used as a value: a closure holding the receiver (OMETHVALUE). */
static void method_value(EscBatch *b, EscFunc *fn, EscHole k, AstSelectorExpr *sel, const EscSelPath *p) {
    EscHole closure_k = esc_spill(b, k, &sel->expr.node);
    sel->expr.node.flags |= AST_ESC_SITE;
    Type *sig = p->method ? p->method->type : NULL;
    int nres = sig && sig->u.func.results ? sig->u.func.results->u.tuple.n : 0;
    EscHole *ks = ARENA_NEW_ARRAY(b->ctx->arena, EscHole, nres > 0 ? nres : 1);
    for (int i = 0; i < nres; i++)
        ks[i] = esc_heap_hole(b);
    EscHole param_k = p->iface ? esc_heap_hole(b) : esc_method_recv_hole(b, ks, nres, p->method);
    EscHole tee[2] = {param_k, closure_k};
    EscHole rk = esc_tee(b, tee, 2);
    esc_recv_expr(b, fn, rk, sel, p);
}

/* ---- expressions ----------------------------------------------------------------- */

/* x.f, a field selection, with the implicit selections of promoted fields. */
static void field_selector(EscBatch *b, EscFunc *fn, EscHole k, AstSelectorExpr *sel, const EscSelPath *p) {
    AstNode *n = &sel->expr.node;
    k = p->holder_ptr ? esc_deref(k, n, "dot of pointer") : esc_note(k, n, "dot");
    esc_expr(b, fn, embed_hole(k, p, n), sel->x);
}

/* The receiver x of x.M into k, with the implicit &x or *x and embedded steps. */
void esc_recv_expr(EscBatch *b, EscFunc *fn, EscHole k, AstSelectorExpr *sel, const EscSelPath *p) {
    AstNode *n = &sel->expr.node;
    if (!p->iface && p->method && p->method->type && p->method->type->u.func.recv) {
        bool want_ptr = esc_underlying(p->method->type->u.func.recv)->kind == TY_POINTER;
        /* the implicit &x or *x stands at the selector and prints as x */
        if (want_ptr && !p->holder_ptr) {
            k.derefs -= 1;
            k.addrtaken = true;
            k = esc_note_at(k, sel->x, n->pos, "address-of");
        } else if (!want_ptr && p->holder_ptr) {
            k.derefs += 1;
            k.addrtaken = false;
            k = esc_note_at(k, sel->x, n->pos, "indirection");
        }
    } else if (p->iface && p->holder_ptr) {
        k = esc_deref(k, n, "dot of pointer");
    }
    esc_expr(b, fn, embed_hole(k, p, n), sel->x);
}

/* x.sel in value position. */
static void selector(EscBatch *b, EscFunc *fn, EscHole k, AstSelectorExpr *sel) {
    if (esc_is_type_expr(sel->x))
        return;                       /* method expression T.M */
    AstNode *x = esc_unparen(sel->x);
    if (x->kind == AST_NAME && AST_AS(AstName, x)->obj && AST_AS(AstName, x)->obj->kind == OBJ_PKG)
        return;                       /* package-level variable or function of a package */
    EscSelPath p;
    if (!esc_selection(esc_type_of(sel->x), sel->sel->value, &p)) {
        esc_expr(b, fn, k, sel->x);
        return;
    }
    if (p.field) {
        field_selector(b, fn, k, sel, &p);
        return;
    }
    method_value(b, fn, k, sel, &p);
}

/* a + b + ... on strings: one concatenation (OADDSTR) of all operands. */
static void concat_operands(EscBatch *b, EscFunc *fn, AstNode *e) {
    AstNode *u = esc_unparen(e);
    if (u->kind == AST_OPERATION && AST_AS(AstOperation, u)->op == OP_ADD && AST_AS(AstOperation, u)->y &&
        !((AstExpr *)u)->cval && esc_type_of(u) && type_is_string(esc_type_of(u))) {
        concat_operands(b, fn, AST_AS(AstOperation, u)->x);
        concat_operands(b, fn, AST_AS(AstOperation, u)->y);
        return;
    }
    esc_discard(b, fn, e);
}

/* A unary or binary operation. */
static void operation(EscBatch *b, EscFunc *fn, EscHole k, AstOperation *op) {
    AstNode *n = &op->expr.node;
    if (!op->y) {
        switch (op->op) {
        case OP_AND: {
            AstNode *x = esc_unparen(op->x);
            if (x->kind == AST_COMPOSITE_LIT) {
                /* &T{...} (OPTRLIT) */
                k = esc_spill(b, k, n);
                n->flags |= AST_ESC_SITE;
                Type *pt = esc_type_of(x);
                composite_lit(b, fn, k, AST_AS(AstCompositeLit, x), pt);
                return;
            }
            esc_expr(b, fn, esc_addr(k, n, "address-of"), op->x);
            return;
        }
        case OP_MUL:
            esc_expr(b, fn, esc_deref(k, n, "indirection"), op->x);
            return;
        default:
            esc_discard(b, fn, op->x);
            return;
        }
    }
    Type *t = op->expr.type;
    if (op->op == OP_ADD && t && type_is_string(t)) {
        esc_spill(b, k, n);
        n->flags |= AST_ESC_SITE;
        concat_operands(b, fn, op->x);
        concat_operands(b, fn, op->y);
        return;
    }
    esc_discard(b, fn, op->x);
    esc_discard(b, fn, op->y);
}

/* Evaluates e, flowing its value into k (gc's expr). */
void esc_expr_node(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e) {
    Type *t = esc_type_of(e);
    if (k.dst != &b->blank && k.derefs >= 0 && t && !(t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL) &&
        !esc_has_pointers(t))
        k.dst = &b->blank;
    if (k.dst == &b->blank && !k.addrtaken && (e->flags & AST_ESC_INERT))
        return;
    switch (e->kind) {
    case AST_NAME: {
        EscLoc *loc = esc_name_loc(b, fn, e);
        if (loc)
            esc_flow(b, k, loc);
        return;
    }
    case AST_PAREN_EXPR:
        esc_expr(b, fn, k, AST_AS(AstParenExpr, e)->x);
        return;
    case AST_COMPOSITE_LIT: {
        AstCompositeLit *lit = AST_AS(AstCompositeLit, e);
        if (t && esc_underlying(t)->kind == TY_POINTER) {
            /* an elided &T{...} inside an outer literal */
            k = esc_spill(b, k, e);
            e->flags |= AST_ESC_SITE;
            composite_lit(b, fn, k, lit, esc_underlying(t)->u.array.elem);
            return;
        }
        composite_lit(b, fn, k, lit, t);
        return;
    }
    case AST_FUNC_LIT:
        closure(b, fn, k, AST_AS(AstFuncLit, e));
        return;
    case AST_SELECTOR_EXPR:
        selector(b, fn, k, AST_AS(AstSelectorExpr, e));
        return;
    case AST_INDEX_EXPR: {
        AstIndexExpr *ix = AST_AS(AstIndexExpr, e);
        Type *xt = esc_type_of(ix->x);
        Type *xu = xt ? esc_underlying(xt) : NULL;
        if (xu && xu->kind == TY_MAP) {
            /* the key is converted to the map's key type */
            esc_discard(b, fn, ix->x);
            Pos saved = fn->conv_pos;
            fn->conv_pos = b->ctx->cfg->m ? esc_last_pos(e) : 0;
            esc_expr_to(b, fn, esc_discard_hole(b), ix->index, xu->u.map.key);
            fn->conv_pos = saved;
            return;
        } else if (xu && xu->kind == TY_ARRAY) {
            esc_expr(b, fn, esc_note(k, e, "fixed-array-index-of"), ix->x);
        } else if (xu && xu->kind == TY_POINTER) {
            /* p[i] is (*p)[i]: gc's implicit *p prints as p and stands
             * where its front end was after the index (or p) */
            k = esc_note(k, e, "fixed-array-index-of");
            if (b->keep_notes) {
                Pos pos = esc_last_pos(ix->index);
                if (!pos) pos = esc_last_pos(ix->x);
                k = esc_note_at(esc_shift(k, 1), ix->x, pos ? pos : e->pos, "indirection");
            } else {
                k = esc_shift(k, 1);
            }
            esc_expr(b, fn, k, ix->x);
        } else {
            esc_expr(b, fn, esc_deref(k, e, "dot of pointer"), ix->x);
        }
        esc_discard(b, fn, ix->index);
        return;
    }
    case AST_SLICE_EXPR: {
        AstSliceExpr *s = AST_AS(AstSliceExpr, e);
        Type *xt = esc_type_of(s->x);
        EscHole sk = esc_note(k, e, "slice");
        if (xt && esc_underlying(xt)->kind == TY_ARRAY) {
            /* slicing an array takes its address (an implicit &x at x's start) */
            sk.derefs -= 1;
            sk.addrtaken = true;
            sk = esc_note_at(sk, s->x, ast_start_pos(s->x), "address-of");
        }
        esc_expr(b, fn, sk, s->x);
        for (int i = 0; i < 3; i++)
            esc_discard(b, fn, s->index[i]);
        return;
    }
    case AST_ASSERT_EXPR: {
        AstAssertExpr *a = AST_AS(AstAssertExpr, e);
        EscHole ak = k;
        if (t && !esc_is_interface(t) && !esc_is_direct_iface(t))
            ak = esc_deref(ak, e, "dot");
        else
            ak = esc_note(ak, e, "dot");
        esc_expr(b, fn, ak, a->x);
        return;
    }
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->op == OP_RECV && !op->y) {
            esc_discard(b, fn, op->x);
            return;
        }
        operation(b, fn, k, op);
        return;
    }
    case AST_CALL_EXPR: {
        AstCallExpr *call = AST_AS(AstCallExpr, e);
        if (esc_is_type_expr(call->fun)) {
            conversion(b, fn, k, call);
            return;
        }
        esc_call(b, fn, &k, 1, call);
        return;
    }
    case AST_KEY_VALUE_EXPR:
        esc_expr(b, fn, k, AST_AS(AstKeyValueExpr, e)->value);
        return;
    default:
        return;                       /* literals, types, nil */
    }
}



/* call.c — calls, arguments, builtins, go and defer, and parameter tags
 * (gc: call.go and paramTag of escape.go).
 *
 * A call's arguments flow to where the callee's tags say: a direct call to
 * a function analyzed earlier uses its FuncInfo; a call inside the batch
 * being analyzed (mutual recursion, closures called in place) flows
 * straight into the callee's parameter locations; calls through function
 * values, interface methods and unknown callees send every argument to the
 * heap. */
#include <stddef.h>
#include <string.h>

#include "escape/esc.h"

/* ---- the standard library's tags ------------------------------------------------ */

/* Parameter tags of the functions of mgc's small standard library: the
 * tags Go 1.19 exports for them, as `go build -gcflags=-m` prints them when
 * compiling fmt and errors (fmt/print.go, fmt/errors.go, errors/errors.go):
 * "leaking param content: a" is heap level 1, "leaking param: text" heap
 * level 0, "format does not escape" nothing.  os and math take no pointers. */
typedef struct StdTag {
    const char *pkg, *func;
    int param;               /* index, receiver first (there is none here) */
    int heap_derefs;         /* -1: no leak */
} StdTag;

static const StdTag STD_TAGS[] = {
    {"fmt", "Print", 0, 1},    {"fmt", "Println", 0, 1}, {"fmt", "Printf", 1, 1},
    {"fmt", "Sprint", 0, 1},   {"fmt", "Sprintln", 0, 1}, {"fmt", "Sprintf", 1, 1},
    {"fmt", "Errorf", 1, 1},   {"errors", "New", 0, 0},
};

/* Tags for a function of the standard library (no tag: nothing leaks). */
static FuncInfo *std_func_info(EscCtx *c, Object *obj) {
    Type *sig = obj->type;
    int n = sig && sig->u.func.params ? sig->u.func.params->u.tuple.n : 0;
    FuncInfo *info = ARENA_NEW(c->perm, FuncInfo);
    info->nparams = n;
    info->leaks = ARENA_NEW_ARRAY(c->perm, EscLeaks, n ? n : 1);
    info->tagged = true;
    for (size_t i = 0; i < sizeof STD_TAGS / sizeof STD_TAGS[0]; i++)
        if (strcmp(STD_TAGS[i].pkg, obj->pkg->path) == 0 && strcmp(STD_TAGS[i].func, obj->name) == 0 &&
            STD_TAGS[i].param < n && STD_TAGS[i].heap_derefs >= 0)
            info->leaks[STD_TAGS[i].param].heap = (uint8_t)(STD_TAGS[i].heap_derefs + 1);
    return info;
}

/* The tags of function fn: analyzed, or of the standard library; else NULL. */
const FuncInfo *esc_func_info(EscCtx *c, Object *fn) {
    if (!fn || fn->kind != OBJ_FUNC)
        return NULL;
    if (fn->func && fn->func->tagged)
        return fn->func;
    if (fn->pkg && fn->pkg->fake) {
        fn->func = std_func_info(c, fn);
        return fn->func;
    }
    return NULL;
}

/* ---- holes for arguments ------------------------------------------------------- */

/* k with delta more dereferences (gc's hole.shift). */
static EscHole shift(EscHole k, int delta) {
    k.derefs += delta;
    k.addrtaken = delta < 0;
    return k;
}

/* The hole for argument i from callee's tags (gc's tagHole). */
EscHole esc_tag_hole(EscBatch *b, EscHole *ks, int nks, const FuncInfo *callee, int i) {
    if (!callee || i >= callee->nparams)
        return esc_heap_hole(b);
    const EscLeaks *l = &callee->leaks[i];
    EscHole tks[1 + ESC_NUM_RESULTS];
    int n = 0;
    if (l->heap)
        tks[n++] = shift(esc_heap_hole(b), l->heap - 1);
    for (int r = 0; ks && r < ESC_NUM_RESULTS && r < nks; r++)
        if (l->result[r])
            tks[n++] = shift(ks[r], l->result[r] - 1);
    return esc_tee(b, tks, n);
}

/* The function of the current batch that obj declares, or NULL. */
static EscFunc *batch_func(EscBatch *b, Object *obj) {
    for (int i = 0; obj && i < b->nfuncs; i++)
        if (b->funcs[i]->obj == obj)
            return b->funcs[i];
    return NULL;
}

/* What a call calls, when known statically. */
typedef struct Callee {
    Object *obj;             /* the function or method */
    EscFunc *batch_fn;       /* the callee is in this batch: flows go to its locations */
    const FuncInfo *info;    /* else its tags (NULL with neither: unknown, to the heap) */
    Type *sig;
    bool has_recv;           /* a method: parameter 0 of the tags is the receiver */
    AstSelectorExpr *sel;    /* x.M: the receiver is sel->x */
    EscSelPath path;
    bool iface;              /* an interface method */
    bool method_expr;        /* T.M(recv, args...) */
    AstFuncLit *lit;         /* a literal called in place (or through a variable bound once to it) */
    Type *devirt;            /* a devirtualized interface call: the receiver's concrete type */
    const EscDevirt *partial; /* partially devirtualized: i.(T).F.M(), still an interface call */
} Callee;

/* The hole for parameter i (receiver first) of callee. */
static EscHole param_hole(EscBatch *b, EscHole *ks, int nks, const Callee *ce, int i) {
    if (ce->batch_fn) {
        if (i < ce->batch_fn->nparams && ce->batch_fn->params[i])
            return esc_hole(ce->batch_fn->params[i]);
        return esc_discard_hole(b);
    }
    if (!ce->info)
        return esc_heap_hole(b);
    return esc_tag_hole(b, ks, nks, ce->info, i);
}

/* The hole for the receiver of method m. */
EscHole esc_method_recv_hole(EscBatch *b, EscHole *ks, int nks, Object *m) {
    EscFunc *bf = batch_func(b, m);
    if (bf)
        return bf->nparams > 0 && bf->params[0] ? esc_hole(bf->params[0]) : esc_discard_hole(b);
    const FuncInfo *info = esc_func_info(b->ctx, m);
    if (!info)
        return esc_heap_hole(b);
    return esc_tag_hole(b, ks, nks, info, 0);
}

/* The function literal a variable is bound to once and for all, or the
 * literal itself (a part of gc's ir.StaticValue). */
static AstFuncLit *static_lit(EscBatch *b, AstNode *e) {
    for (int depth = 0; depth < 8; depth++) {
        e = esc_unparen(e);
        if (!e)
            return NULL;
        if (e->kind == AST_FUNC_LIT)
            return AST_AS(AstFuncLit, e);
        Object *o = esc_local_var(e);
        if (!o || (o->flags & (OBJ_ADDRTAKEN | OBJ_REASSIGNED | OBJ_PARAM | OBJ_RESULT)))
            return NULL;
        EscLoc *loc = esc_lookup(b->ctx, o);
        if (!loc || !loc->defn)
            return NULL;
        e = loc->defn;
    }
    return NULL;
}

/* Whether s is pkg.F, a function of an imported package. */
static bool qualified_func(const AstSelectorExpr *s) {
    AstNode *x = esc_unparen(s->x);
    Object *o = s->sel->obj;
    return x->kind == AST_NAME && AST_AS(AstName, x)->obj && AST_AS(AstName, x)->obj->kind == OBJ_PKG && o &&
           o->kind == OBJ_FUNC;
}

/* Whether method expression T.M (t the type expression T) denotes a
 * wrapper gc generates, (*T).M of a method M with a value receiver: the
 * wrappers are analyzed after the functions that call them, so a call to
 * one is a call to an unknown function. */
static bool wrapper_method_expr(AstNode *t, const Object *m) {
    Type *tt = esc_type_of(t);
    Type *recv = m->type ? m->type->u.func.recv : NULL;
    return tt && recv && esc_underlying(tt)->kind == TY_POINTER && esc_underlying(recv)->kind != TY_POINTER;
}

/* The package-level function a value denotes statically (a part of gc's
 * ir.StaticValue), or NULL; *method_expr tells a method expression T.M
 * (the method, called with the receiver first), which gc's
 * StaticCalleeName follows too: 1, or 2 for a wrapper
 * (wrapper_method_expr). */
static Object *static_func(EscBatch *b, AstNode *e, int *method_expr) {
    *method_expr = 0;
    for (int depth = 0; depth < 8; depth++) {
        e = esc_unparen(e);
        if (!e)
            return NULL;
        if (e->kind == AST_NAME) {
            Object *o = AST_AS(AstName, e)->obj;
            if (o && o->kind == OBJ_FUNC)
                return o;
        }
        if (e->kind == AST_SELECTOR_EXPR) {
            AstSelectorExpr *s = AST_AS(AstSelectorExpr, e);
            Object *o = s->sel->obj;
            if (qualified_func(s))
                return o;
            if (o && o->kind == OBJ_FUNC && o->type && o->type->u.func.recv && esc_is_type_expr(s->x) &&
                !esc_is_interface(esc_type_of(s->x))) {
                *method_expr = wrapper_method_expr(s->x, o) ? 2 : 1;
                return o;
            }
            return NULL;
        }
        Object *o = esc_local_var(e);
        if (!o || (o->flags & (OBJ_ADDRTAKEN | OBJ_REASSIGNED | OBJ_PARAM | OBJ_RESULT)))
            return NULL;
        EscLoc *loc = esc_lookup(b->ctx, o);
        if (!loc || !loc->defn)
            return NULL;
        e = loc->defn;
    }
    return NULL;
}

/* Finds what call calls. */
static void resolve_callee(EscBatch *b, EscFunc *fn, AstCallExpr *call, Callee *ce) {
    /* ce->path is read only with ce->sel, set once esc_selection has
     * filled it: it is left unzeroed */
    memset(ce, 0, offsetof(Callee, path));
    memset(&ce->iface, 0, sizeof *ce - offsetof(Callee, iface));
    AstNode *f = esc_unparen(call->fun);
    ce->sig = esc_type_of(f) ? esc_underlying(esc_type_of(f)) : NULL;
    if (f->kind == AST_SELECTOR_EXPR) {
        AstSelectorExpr *s = AST_AS(AstSelectorExpr, f);
        Object *m = s->sel->obj;
        if (m && m->kind == OBJ_FUNC && m->type && m->type->u.func.recv && !esc_is_type_expr(s->x) &&
            esc_selection(esc_type_of(s->x), s->sel->value, &ce->path) && ce->path.method) {
            ce->sel = s;
            ce->has_recv = true;
            ce->iface = ce->path.iface;
            if (!ce->iface) {
                ce->obj = ce->path.method;
                ce->sig = ce->obj->type;
            } else if (esc_devirt_method(b->ctx, &call->expr.node)) {
                /* i.M() with i's concrete type known: i.(T).M() */
                ce->devirt = esc_devirt_type(b->ctx, &call->expr.node);
                ce->obj = esc_devirt_method(b->ctx, &call->expr.node);
                ce->sig = ce->obj->type;
                ce->iface = false;
            } else {
                ce->partial = esc_devirt(b->ctx, &call->expr.node);
            }
        } else if (m && m->kind == OBJ_FUNC && esc_is_type_expr(s->x)) {
            ce->obj = m;
            ce->sig = m->type;
            ce->has_recv = m->type && m->type->u.func.recv;
            ce->method_expr = ce->has_recv;
            if (ce->has_recv && (esc_is_interface(esc_type_of(s->x)) || wrapper_method_expr(s->x, m))) {
                ce->obj = NULL;
            }
        }
    }
    if (!ce->obj && !ce->iface && !ce->sel) {
        int method_expr = 0;
        ce->lit = static_lit(b, f);
        if (!ce->lit)
            ce->obj = static_func(b, f, &method_expr);
        if (method_expr) {
            ce->sig = ce->obj->type;
            ce->has_recv = true;
            ce->method_expr = true;
            if (method_expr == 2)
                ce->obj = NULL;   /* unknown: its arguments go to the heap */
        } else if (ce->obj && ce->obj->type && ce->obj->type->u.func.recv) {
            ce->obj = NULL;
        }
    }
    if (ce->lit) {
        ce->batch_fn = esc_lit_func(b, fn, ce->lit);
        ce->sig = ce->lit->expr.type;
        return;
    }
    if (ce->obj) {
        ce->batch_fn = batch_func(b, ce->obj);
        if (!ce->batch_fn)
            ce->info = esc_func_info(b->ctx, ce->obj);
    }
}

/* ---- arguments ----------------------------------------------------------------- */

/* How arguments are evaluated: directly, or (go/defer with a wrapper) into
 * temporaries that the wrapper closure captures. */
typedef struct ArgCtx {
    AstCallExpr *call;
    Pos pos;                 /* gc's base.Pos while converting the arguments */
    bool fixed;              /* pos does not follow the arguments */
    bool wrap;
    EscLoc **temps;
    Type **temp_types;
    int *temp_ids;
    int ntemps, captemps;
    /* -m=2, a wrapped call: its "call parameter" notes, whose text (the
     * call as the wrapper makes it, .autotmp_N for each copied argument)
     * is known only once every argument is done (wrapped_call_text) */
    EscNote *notes[8];
    int nnotes;
    const AstNode *copied[8]; /* the arguments copied, with their temporaries' numbers */
    int copied_ids[8];
    int ncopied;
    int recv_id;             /* an interface method call in a wrapper: its receiver's copy (-1: none) */
} ArgCtx;

/* The number of declarations gc's function has before its next
 * temporary (len(fn.Dcl)): parameters, results, locals, earlier temps. */
static int dcl_count(EscBatch *b, EscFunc *fn) {
    int n = 0;
    AstFuncType *ft = fn->node->kind == AST_FUNC_DECL ? AST_AS(AstFuncDecl, fn->node)->type
                                                      : AST_AS(AstFuncLit, fn->node)->type;
    n += ft->params.n + ft->results.n;
    if (fn->node->kind == AST_FUNC_DECL && AST_AS(AstFuncDecl, fn->node)->recv)
        n++;
    for (int i = 0; i < b->nall; i++) {
        EscLoc *l = b->all_locs[i];
        if (l->curfn == fn && l->var && !(l->var->flags & (OBJ_PARAM | OBJ_RESULT)))
            n++;
    }
    return n + fn->ntemps;
}

/* Records tmp, a copy of an argument made for a go/defer wrapper, at pos. */
static void add_temp(EscBatch *b, EscFunc *fn, ArgCtx *ac, EscLoc *tmp, Type *t, Pos pos) {
    if (ac->ntemps == ac->captemps) {
        int cap = ac->captemps ? 2 * ac->captemps : 8;
        EscLoc **v = ARENA_NEW_ARRAY(b->ctx->arena, EscLoc *, cap);
        Type **tv = ARENA_NEW_ARRAY(b->ctx->arena, Type *, cap);
        int *iv = ARENA_NEW_ARRAY(b->ctx->arena, int, cap);
        if (ac->ntemps) {
            memcpy(v, ac->temps, sizeof *v * (size_t)ac->ntemps);
            memcpy(tv, ac->temp_types, sizeof *tv * (size_t)ac->ntemps);
            memcpy(iv, ac->temp_ids, sizeof *iv * (size_t)ac->ntemps);
        }
        ac->temps = v;
        ac->temp_types = tv;
        ac->temp_ids = iv;
        ac->captemps = cap;
    }
    tmp->captured = true;
    tmp->pos = pos;
    tmp->autotmp = dcl_count(b, fn);
    ac->temps[ac->ntemps] = tmp;
    ac->temp_types[ac->ntemps] = t;
    ac->temp_ids[ac->ntemps++] = tmp->autotmp;
    fn->ntemps++;
}

/* Where gc declares the copy of argument arg: at the argument (or its
 * conversion) when it has a position of its own, else at the call. */
static Pos temp_pos(const ArgCtx *ac, AstNode *arg, Type *to) {
    Type *t = esc_type_of(arg);
    if (to && esc_is_interface(to) && t && !esc_is_interface(t))
        return ac->pos;
    return esc_unique_pos(arg) ? esc_unparen(arg)->pos : ac->call->expr.node.pos;
}

/* Whether a go/defer wrapper evaluates arg itself (constants, nil, function
 * names) instead of capturing a copy (gc's rewriteArgument). */
static bool stays_in_wrapper(AstNode *arg, Type *to) {
    Type *t = esc_type_of(arg);
    if (to && esc_is_interface(to) && t && !esc_is_interface(t) && t->kind != TY_UNTYPED_NIL)
        return false;             /* an implicit conversion: wrapped */
    AstNode *u = esc_unparen(arg);
    if (esc_type_of(u) && ((AstExpr *)u)->cval)
        return true;
    if (u->kind == AST_NAME && AST_AS(AstName, u)->obj &&
        (AST_AS(AstName, u)->obj->kind == OBJ_NIL || AST_AS(AstName, u)->obj->kind == OBJ_FUNC))
        return true;
    if (u->kind == AST_SELECTOR_EXPR && esc_is_type_expr(AST_AS(AstSelectorExpr, u)->x))
        return true;
    return u->kind == AST_SELECTOR_EXPR && qualified_func(AST_AS(AstSelectorExpr, u));   /* a name to gc */
}

/* The note "assign" of the copy .autotmp_N = x that gc makes of a go/defer
 * argument x (N: the copy's number once add_temp records it). */
static EscHole temp_assign_note(EscBatch *b, EscFunc *fn, EscHole k, const AstNode *x, Pos pos) {
    if (b->ctx->cfg->m < 2) return k;
    char xs[400], text[448];
    esc_node_string(x, xs, sizeof xs);
    snprintf(text, sizeof text, ".autotmp_%d = %s", dcl_count(b, fn), xs);
    return esc_text_note(k, pos, "assign", text);
}

/* Evaluates argument arg (of type to after implicit conversion) into k
 * (gc's argument/argumentFunc). */
static void argument(EscBatch *b, EscFunc *fn, ArgCtx *ac, EscHole k, AstNode *arg, Type *to) {
    if (!arg)
        return;
    if (ac->wrap && b->keep_notes && ac->nnotes < (int)(sizeof ac->notes / sizeof ac->notes[0])) {
        k = esc_text_note(k, ac->call->expr.node.pos, "call parameter", "");
        if (k.notes)
            ac->notes[ac->nnotes++] = esc_hole_notes(k);
    } else {
        k = esc_note(k, &ac->call->expr.node, "call parameter");
    }
    if (esc_unique_pos(arg) && !ac->fixed)
        ac->pos = esc_unparen(arg)->pos;
    fn->conv_pos = ac->pos;
    if (!ac->wrap || stays_in_wrapper(arg, to)) {
        esc_expr_to(b, fn, k, arg, to);
        return;
    }
    EscLoc *tmp = esc_new_loc(b, fn, NULL, NULL, false);
    Pos pos = temp_pos(ac, arg, to);
    esc_expr_to(b, fn, temp_assign_note(b, fn, esc_hole(tmp), arg, pos), arg, to);
    add_temp(b, fn, ac, tmp, to ? to : esc_type_of(arg), pos);
    if (ac->ncopied < (int)(sizeof ac->copied / sizeof ac->copied[0])) {
        ac->copied[ac->ncopied] = arg;
        ac->copied_ids[ac->ncopied++] = tmp->autotmp;
    }
    esc_flow(b, k, tmp);
}

/* Gives the "call parameter" notes of a wrapped call their text: the call
 * as the wrapper makes it, f(.autotmp_N, ...) (gc's rewriteArgument
 * replaces each copied argument by its temporary). */
static void wrapped_call_text(EscBatch *b, ArgCtx *ac) {
    if (!ac->nnotes)
        return;
    char text[1024], part[400];
    AstCallExpr *call = ac->call;
    AstNode *f = esc_unparen(call->fun);
    if (ac->recv_id >= 0 && f->kind == AST_SELECTOR_EXPR)
        snprintf(part, sizeof part, ".autotmp_%d.%s", ac->recv_id, AST_AS(AstSelectorExpr, f)->sel->value);
    else
        esc_node_string(call->fun, part, sizeof part);
    size_t len = (size_t)snprintf(text, sizeof text, "%s(", part);
    for (int i = 0; i < call->args.n && len < sizeof text; i++) {
        const AstNode *arg = call->args.items[i];
        int id = -1;
        for (int j = 0; j < ac->ncopied; j++)
            if (ac->copied[j] == arg)
                id = ac->copied_ids[j];
        if (id >= 0)
            snprintf(part, sizeof part, ".autotmp_%d", id);
        else
            esc_node_string(arg, part, sizeof part);
        len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", i ? ", " : "", part);
    }
    if (len < sizeof text)
        snprintf(text + len, sizeof text - len, "%s)", call->has_dots ? "..." : "");
    const char *t = arena_strndup(b->ctx->arena, text, strlen(text));
    for (int i = 0; i < ac->nnotes; i++)
        ac->notes[i]->text = t;
}

/* A note with text for a node the AST does not have (arena copy). */
static EscHole text_note(EscBatch *b, EscHole k, const AstNode *where, const char *why, const char *text) {
    uint32_t old = k.notes;
    k = esc_note(k, where, why);
    if (k.notes && k.notes != old) esc_hole_notes(k)->text = arena_strndup(b->ctx->arena, text, strlen(text));
    return k;
}

/* The receiver of a partially devirtualized call i.M(), which gc rewrites
 * into the interface call i.(T).F.M() (F: the embedded interface field):
 * the fields are selected from the asserted value, outermost first. */
static void partial_recv_expr(EscBatch *b, EscFunc *fn, EscHole k, const Callee *ce) {
    const EscDevirt *d = ce->partial;
    const AstNode *n = &ce->sel->expr.node;
    char texts[9][512];
    bool m2 = b->ctx->cfg->m >= 2;
    if (m2) {
        char x[256], t[256];
        esc_node_string(ce->sel->x, x, sizeof x);
        type_string(d->type, t, sizeof t);
        snprintf(texts[0], sizeof texts[0], "%.240s.(%.240s)", x, t);
        for (int i = 0; i < d->npath; i++)
            snprintf(texts[i + 1], sizeof texts[i + 1], "%.250s.%.250s", texts[i], d->path[i]->name);
    }
    for (int i = d->npath - 1; i >= 0; i--) {
        Type *holder = i == 0 ? d->type : d->path[i - 1]->type;
        if (esc_underlying(holder)->kind == TY_POINTER)
            k = esc_deref(k, NULL, NULL), k = m2 ? text_note(b, k, n, "dot of pointer", texts[i + 1]) : k;
        else if (m2)
            k = text_note(b, k, n, "dot", texts[i + 1]);
    }
    if (!esc_is_interface(d->type) && !esc_is_direct_iface(d->type))
        k = esc_deref(k, NULL, NULL);
    if (m2) k = text_note(b, k, n, "dot", texts[0]);
    esc_expr(b, fn, k, ce->sel->x);
}

/* Evaluates the receiver of callee ce into k: x with its implicit &x, *x
 * and embedded selections, or for a devirtualized call i.(T) with the
 * implicit *i.(T) of a value method. */
static void recv_expr(EscBatch *b, EscFunc *fn, EscHole k, const Callee *ce) {
    if (ce->partial) {
        partial_recv_expr(b, fn, k, ce);
        return;
    }
    if (!ce->devirt) {
        esc_recv_expr(b, fn, k, ce->sel, &ce->path);
        return;
    }
    AstNode *n = &ce->sel->expr.node;
    Type *rt = ce->obj->type->u.func.recv;
    if (rt && esc_underlying(rt)->kind != TY_POINTER && esc_underlying(ce->devirt)->kind == TY_POINTER)
        k = esc_deref(k, n, "indirection");
    if (!esc_is_direct_iface(ce->devirt))
        k = esc_deref(k, n, "dot");
    else
        k = esc_note(k, n, "dot");
    esc_expr(b, fn, k, ce->sel->x);
}

/* The receiver x of x.M(...) into k. */
static void receiver(EscBatch *b, EscFunc *fn, ArgCtx *ac, EscHole k, const Callee *ce) {
    /* an interface method call in a wrapper is noted as the wrapper
     * makes it, .autotmp_N.M(...) (wrapped_call_text) */
    bool text = ac->wrap && ce->iface && b->keep_notes && ac->nnotes < (int)(sizeof ac->notes / sizeof ac->notes[0]);
    if (text) {
        k = esc_text_note(k, ac->call->expr.node.pos, "call parameter", "");
        if (k.notes)
            ac->notes[ac->nnotes++] = esc_hole_notes(k);
    } else {
        k = esc_note(k, &ac->call->expr.node, "call parameter");
    }
    if (!ac->wrap) {
        recv_expr(b, fn, k, ce);
        return;
    }
    EscLoc *tmp = esc_new_loc(b, fn, NULL, NULL, false);
    Type *rt = ce->obj && ce->obj->type ? ce->obj->type->u.func.recv : NULL;
    /* gc copies the receiver argument: an implicit &x or *x, or an
     * embedded selection, has the selector's position */
    bool want_ptr = rt && esc_underlying(rt)->kind == TY_POINTER;
    bool implicit = ce->devirt || ce->path.nsteps > 0 || want_ptr != ce->path.holder_ptr;
    Pos pos = implicit ? ce->sel->expr.node.pos
                       : esc_unique_pos(ce->sel->x) ? esc_unparen(ce->sel->x)->pos : ac->call->expr.node.pos;
    recv_expr(b, fn, temp_assign_note(b, fn, esc_hole(tmp), ce->sel->x, pos), ce);
    add_temp(b, fn, ac, tmp, rt ? rt : esc_type_of(ce->sel->x), pos);
    if (ce->iface)
        ac->recv_id = tmp->autotmp;
    esc_flow(b, k, tmp);
}

/* A note about the implicit "... argument" slice of call. */
static EscHole ddd_note(EscHole k, AstCallExpr *call, const char *why) {
    uint32_t old = k.notes;
    k = esc_note(k, &call->expr.node, why);
    if (k.notes && k.notes != old)
        esc_hole_notes(k)->ddd = true;
    return k;
}

/* The implicit slice of a variadic call's extra arguments (gc's
 * FixVariadicCall slice literal): an allocation site flowing into k. */
static EscHole ddd_spill(EscBatch *b, EscFunc *fn, EscHole k, AstCallExpr *call) {
    EscLoc *loc = esc_new_loc(b, fn, &call->expr.node, NULL, true);
    loc->ddd = true;
    call->expr.node.flags |= AST_ESC_DDD_SITE;
    k.derefs -= 1;
    k.addrtaken = true;
    esc_flow(b, ddd_note(k, call, "spill"), loc);
    return esc_hole(loc);
}

/* The extra arguments args[0..n) of a variadic call in a go/defer
 * wrapper, into k: gc copies each one the wrapper does not evaluate
 * itself into a temporary first (rewriteArgument, in the enclosing
 * function), and the slice literal of the call is built inside the
 * wrapper, after them. */
static void wrapped_ddd(EscBatch *b, EscFunc *fn, ArgCtx *ac, EscHole k, AstCallExpr *call, AstNode **args, int n,
                        Type *elem) {
    EscLoc **tmps = ARENA_NEW_ARRAY(b->ctx->arena, EscLoc *, n);
    Pos *conv = ARENA_NEW_ARRAY(b->ctx->arena, Pos, n);
    for (int j = 0; j < n; j++) {
        if (esc_unique_pos(args[j]))
            ac->pos = esc_unparen(args[j])->pos;
        conv[j] = fn->conv_pos = ac->pos;
        if (stays_in_wrapper(args[j], elem))
            continue;
        tmps[j] = esc_new_loc(b, fn, NULL, NULL, false);
        Pos pos = temp_pos(ac, args[j], elem);
        esc_expr_to(b, fn, temp_assign_note(b, fn, esc_hole(tmps[j]), args[j], pos), args[j], elem);
        add_temp(b, fn, ac, tmps[j], elem, pos);
    }
    EscHole slice_k = ddd_spill(b, fn, k, call);
    for (int j = 0; j < n; j++) {
        EscHole ek = ddd_note(slice_k, call, "slice-literal-element");
        if (tmps[j]) {
            esc_flow(b, ek, tmps[j]);
        } else {
            fn->conv_pos = conv[j];
            esc_expr_to(b, fn, ek, args[j], elem);
        }
    }
}

/* The parameter types of signature sig (without receiver). */
static int sig_params(Type *sig, Type ***types) {
    Type *p = sig && sig->kind == TY_FUNC ? sig->u.func.params : NULL;
    *types = p ? p->u.tuple.types : NULL;
    return p ? p->u.tuple.n : 0;
}

/* Whether e is a call with several results. */
static bool multi_value(AstNode *e) {
    e = esc_unparen(e);
    Type *t = esc_type_of(e);
    return e && e->kind == AST_CALL_EXPR && t && t->kind == TY_TUPLE && t->u.tuple.n > 1;
}

/* Arguments of a call to a function or method (gc's OCALLFUNC/OCALLINTER case). */
static void call_args(EscBatch *b, EscFunc *fn, EscHole *ks, int nks, AstCallExpr *call, ArgCtx *ac) {
    Callee ce;
    resolve_callee(b, fn, call, &ce);
    if (ks && ce.batch_fn) {
        for (int i = 0; i < nks && i < ce.batch_fn->nresults; i++) {
            EscLoc *r = ce.batch_fn->results[i];
            if (!r)
                continue;
            Type *rt = r->var ? r->var->type : NULL;
            EscHole k = ks[i];
            if (rt && k.derefs >= 0 && !esc_has_pointers(rt))
                continue;
            esc_flow(b, k, r);
        }
    }
    AstNode **args = call->args.items;
    int nargs = call->args.n;
    int idx = 0;             /* tag index: receiver first */
    if (!ce.sel)
        argument(b, fn, ac, esc_discard_hole(b), call->fun, NULL);   /* the callee expression */
    if (ce.sel) {
        receiver(b, fn, ac, param_hole(b, ks, nks, &ce, idx++), &ce);
    } else if (ce.method_expr && nargs > 0) {
        Type *rt = ce.sig->u.func.recv;
        argument(b, fn, ac, param_hole(b, ks, nks, &ce, idx++), args[0], rt);
        args++;
        nargs--;
    } else if (ce.has_recv) {
        idx++;
    }
    Type **pts;
    int np = sig_params(ce.sig, &pts);
    bool variadic = ce.sig && ce.sig->kind == TY_FUNC && ce.sig->u.func.variadic;
    if (variadic && !call->has_dots)
        call->expr.node.flags |= AST_ESC_PACKED;
    if (nargs == 1 && multi_value(args[0]) && (np > 1 || variadic)) {
        /* f(g()): g's results go through temporaries */
        Type *rt = esc_type_of(esc_unparen(args[0]));
        int nr = rt->u.tuple.n;
        EscLoc **tmps = ARENA_NEW_ARRAY(b->ctx->arena, EscLoc *, nr);
        EscHole *tks = ARENA_NEW_ARRAY(b->ctx->arena, EscHole, nr);
        for (int i = 0; i < nr; i++) {
            tmps[i] = esc_new_loc(b, fn, NULL, NULL, false);
            tks[i] = esc_hole(tmps[i]);
        }
        esc_call(b, fn, tks, nr, AST_AS(AstCallExpr, esc_unparen(args[0])));
        if (ac->wrap)
            for (int i = 0; i < nr; i++)
                add_temp(b, fn, ac, tmps[i], rt->u.tuple.types[i], call->expr.node.pos);
        EscHole slice_k = esc_discard_hole(b);
        for (int i = 0; i < nr; i++) {
            if (variadic && i >= np - 1) {
                if (i == np - 1) {
                    EscHole k = esc_note(param_hole(b, ks, nks, &ce, idx + np - 1), &call->expr.node,
                                         "call parameter");
                    slice_k = ddd_spill(b, fn, k, call);
                }
                esc_flow(b, ddd_note(slice_k, call, "slice-literal-element"), tmps[i]);
            } else if (i < np) {
                esc_flow(b, esc_note(param_hole(b, ks, nks, &ce, idx + i), &call->expr.node, "call parameter"),
                         tmps[i]);
            }
        }
        return;
    }
    for (int i = 0; i < np; i++) {
        EscHole k = param_hole(b, ks, nks, &ce, idx + i);
        if (variadic && i == np - 1 && !call->has_dots) {
            if (nargs <= i)
                break;        /* no extra arguments: the slice is nil */
            Type *st = pts[i] ? esc_underlying(pts[i]) : NULL;
            Type *elem = st && st->kind == TY_SLICE ? st->u.array.elem : NULL;
            k = esc_note(k, &call->expr.node, "call parameter");
            if (ac->wrap) {
                wrapped_ddd(b, fn, ac, k, call, args + i, nargs - i, elem);
                break;
            }
            EscHole slice_k = ddd_spill(b, fn, k, call);
            for (int j = i; j < nargs; j++) {
                EscHole ek = ddd_note(slice_k, call, "slice-literal-element");
                if (esc_unique_pos(args[j]))
                    ac->pos = esc_unparen(args[j])->pos;
                fn->conv_pos = ac->pos;
                esc_expr_to(b, fn, ek, args[j], elem);
            }
            break;
        }
        if (i < nargs)
            argument(b, fn, ac, k, args[i], pts[i]);
    }
}

/* ---- builtins ---------------------------------------------------------------- */

/* The builtin a call's function names, or BUILTIN_NONE. */
static Builtin builtin_of(AstNode *f) {
    f = esc_unparen(f);
    Object *o = NULL;
    if (f->kind == AST_NAME)
        o = AST_AS(AstName, f)->obj;
    else if (f->kind == AST_SELECTOR_EXPR)
        o = AST_AS(AstSelectorExpr, f)->sel->obj;
    return o && o->kind == OBJ_BUILTIN ? o->u.builtin : BUILTIN_NONE;
}

/* The element type of slice type t, or NULL. */
static Type *slice_elem(Type *t) {
    Type *u = t ? esc_underlying(t) : NULL;
    return u && u->kind == TY_SLICE ? u->u.array.elem : NULL;
}

/* Where gc's front end stands after building the arguments args[0..n)
 * of builtin call call (panic, append): there it converts them. */
static Pos built_pos(AstNode *call, AstNode **args, int n) {
    Pos last = esc_last_pos(call), p;
    for (int i = 0; i < n; i++)
        if ((p = esc_value_pos(args[i])))
            last = p;
    return last;
}

/* A call of a builtin function (gc's OAPPEND, OCOPY, OPANIC, ... cases). */
static void builtin_call(EscBatch *b, EscFunc *fn, EscHole *ks, int nks, AstCallExpr *call, Builtin id, ArgCtx *ac) {
    AstNode *n = &call->expr.node;
    AstNode **args = call->args.items;
    int nargs = call->args.n;
    EscHole k0 = nks > 0 ? ks[0] : esc_discard_hole(b);
    switch (id) {
    case BUILTIN_APPEND: {
        if (nargs == 0)
            return;
        Type *elem = slice_elem(esc_type_of(args[0]));
        EscHole appendee = k0;
        if (elem && esc_has_pointers(elem)) {
            EscHole tk[2] = {k0, esc_deref(esc_heap_hole(b), n, "appendee slice")};
            appendee = esc_tee(b, tk, 2);
        }
        argument(b, fn, ac, appendee, args[0], NULL);
        if (call->has_dots) {
            EscHole appended = esc_discard_hole(b);
            Type *e1 = nargs > 1 ? slice_elem(esc_type_of(args[1])) : NULL;
            if (e1 && esc_has_pointers(e1))
                appended = esc_deref(esc_heap_hole(b), n, "appended slice...");
            if (nargs > 1)
                argument(b, fn, ac, appended, args[1], NULL);
        } else {
            if (b->ctx->cfg->m && nargs > 1) {
                ac->pos = built_pos(n, args, nargs);
                ac->fixed = true;
            }
            for (int i = 1; i < nargs; i++)
                argument(b, fn, ac, esc_heap_hole(b), args[i], elem);
        }
        return;
    }
    case BUILTIN_COPY: {
        if (nargs < 2)
            return;
        argument(b, fn, ac, esc_discard_hole(b), args[0], NULL);
        EscHole copied = esc_discard_hole(b);
        Type *e1 = slice_elem(esc_type_of(args[1]));
        if (e1 && esc_has_pointers(e1))
            copied = esc_deref(esc_heap_hole(b), n, "copied slice");
        argument(b, fn, ac, copied, args[1], NULL);
        return;
    }
    case BUILTIN_PANIC:
        /* converted where gc's front end stands after building the call */
        if (nargs > 0) {
            ac->pos = b->ctx->cfg->m ? built_pos(n, args, 1) : ac->pos;
            ac->fixed = true;
            argument(b, fn, ac, esc_heap_hole(b), args[0], type_any());
        }
        return;
    case BUILTIN_ADD: case BUILTIN_SLICE:
        if (nargs > 0)
            argument(b, fn, ac, k0, args[0], NULL);
        if (nargs > 1)
            argument(b, fn, ac, esc_discard_hole(b), args[1], NULL);
        return;
    case BUILTIN_NEW:
        esc_spill(b, k0, n);
        n->flags |= AST_ESC_SITE;
        return;
    case BUILTIN_MAKE: {
        Type *t = call->expr.type;
        Type *u = t ? esc_underlying(t) : NULL;
        if (u && (u->kind == TY_SLICE || u->kind == TY_MAP)) {
            esc_spill(b, k0, n);
            n->flags |= AST_ESC_SITE;
        }
        for (int i = 1; i < nargs; i++)
            esc_discard(b, fn, args[i]);
        return;
    }
    case BUILTIN_DELETE: {
        Type *mt = nargs > 0 ? esc_type_of(args[0]) : NULL;
        Type *key = mt && esc_underlying(mt)->kind == TY_MAP ? esc_underlying(mt)->u.map.key : NULL;
        ac->pos = b->ctx->cfg->m ? esc_last_pos(n) : ac->pos;
        ac->fixed = true;
        for (int i = 0; i < nargs; i++)
            argument(b, fn, ac, esc_discard_hole(b), args[i], i == 1 ? key : NULL);
        return;
    }
    default:
        for (int i = 0; i < nargs; i++)
            argument(b, fn, ac, esc_discard_hole(b), args[i], NULL);
        return;
    }
}

/* A call: builtins, functions, methods and function values (gc's call). */
void esc_call(EscBatch *b, EscFunc *fn, EscHole *ks, int nks, AstCallExpr *call) {
    ArgCtx ac = {.call = call, .pos = call->expr.node.pos};
    Pos saved = fn->conv_pos;
    Builtin id = builtin_of(call->fun);
    if (id != BUILTIN_NONE)
        builtin_call(b, fn, ks, nks, call, id, &ac);
    else
        call_args(b, fn, ks, nks, call, &ac);
    fn->conv_pos = saved;
}

/* ---- go and defer ---------------------------------------------------------------- */

/* A go or defer statement (gc's goDeferStmt). */
void esc_go_defer(EscBatch *b, EscFunc *fn, AstCallStmt *s) {
    AstCallExpr *call = s->call;
    EscHole k = esc_heap_hole(b);
    bool is_defer = s->tok == TOK_DEFER;
    if (is_defer && fn->loop_depth == 1) {
        /* top-level defer arguments do not escape, but live until the call */
        k = esc_later(b, esc_discard_hole(b));
    } else if (is_defer) {
        fn->has_defer_in_loop = true;
    }
    AstNode *f = esc_unparen(call->fun);
    Builtin id = builtin_of(call->fun);
    bool method = false;
    if (f->kind == AST_SELECTOR_EXPR) {
        Object *m = AST_AS(AstSelectorExpr, f)->sel->obj;
        method = m && m->kind == OBJ_FUNC && m->type && m->type->u.func.recv &&
                 !esc_is_type_expr(AST_AS(AstSelectorExpr, f)->x);
        if (!m || m->kind != OBJ_FUNC) {
            EscSelPath p;
            AstSelectorExpr *se = AST_AS(AstSelectorExpr, f);
            method = !esc_is_type_expr(se->x) && esc_selection(esc_type_of(se->x), se->sel->value, &p) && p.method;
        }
    }
    Type *sig = esc_type_of(f) ? esc_underlying(esc_type_of(f)) : NULL;
    if (id == BUILTIN_NONE && !method && !esc_is_type_expr(call->fun) && sig && sig->kind == TY_FUNC &&
        (!sig->u.func.params || sig->u.func.params->u.tuple.n == 0) &&
        (!sig->u.func.results || sig->u.func.results->u.tuple.n == 0)) {
        esc_expr(b, fn, k, call->fun);
        return;
    }
    /* defer f(x, y) runs as x1, y1 := x, y; defer func() { f(x1, y1) }() */
    ArgCtx ac = {.call = call, .wrap = true, .pos = call->expr.node.pos, .recv_id = -1};
    if (id != BUILTIN_NONE)
        builtin_call(b, fn, NULL, 0, call, id, &ac);
    else
        call_args(b, fn, NULL, 0, call, &ac);
    wrapped_call_text(b, &ac);
    fn->conv_pos = 0;
    EscClosure *c = esc_add_closure(b);
    EscLoc *wrapper = esc_new_loc(b, fn, NULL, NULL, true);
    wrapper->wrapper = true;
    wrapper->pos = s->node.pos;
    k.derefs -= 1;           /* gc's spill of the wrapper's func literal */
    k.addrtaken = true;
    esc_flow(b, esc_text_note(k, s->node.pos, "spill", "func literal"), wrapper);
    c->k = esc_hole(wrapper);
    c->outer = fn;
    c->temps = ac.temps;
    c->temp_types = ac.temp_types;
    c->temp_ids = ac.temp_ids;
    c->ntemps = ac.ntemps;
    c->call_pos = call->expr.node.pos;
}

/* ---- parameter tags -------------------------------------------------------------- */

/* The name gc gives result i in messages: its own, or ~r<i> (~b<i> for _). */
static void result_name(AstField *f, int i, char *buf, size_t size) {
    if (f && f->name && strcmp(f->name->value, "_") != 0)
        snprintf(buf, size, "%s", f->name->value);
    else if (f && f->name)
        snprintf(buf, size, "~b%d", i);
    else
        snprintf(buf, size, "~r%d", i);
}

/* Removes result leaks no shorter than the shortest heap leak (gc's leaks.Optimize). */
static void optimize_leaks(EscLeaks *l) {
    if (!l->heap)
        return;
    for (int i = 0; i < ESC_NUM_RESULTS; i++)
        if (l->result[i] && l->result[i] >= l->heap)
            l->result[i] = 0;
}

/* Computes fn's parameter tags and prints them (gc's paramTag). */
void esc_param_tags(EscBatch *b, EscFunc *fn) {
    EscCtx *c = b->ctx;
    AstFuncType *ft;
    AstField *recv = NULL;
    AstBlockStmt *body;
    unsigned pragma = 0;
    FuncInfo **slot_a = NULL, **slot_b = NULL;
    if (fn->node->kind == AST_FUNC_DECL) {
        AstFuncDecl *d = AST_AS(AstFuncDecl, fn->node);
        ft = d->type;
        recv = d->recv;
        body = d->body;
        pragma = d->pragma;
        slot_a = &d->info;
        if (fn->obj)
            slot_b = &fn->obj->func;
    } else {
        AstFuncLit *l = AST_AS(AstFuncLit, fn->node);
        ft = l->type;
        body = l->body;
        slot_a = &l->info;
    }
    int n = ft->params.n + (recv ? 1 : 0);
    FuncInfo *info = *slot_a ? *slot_a : (slot_b && *slot_b ? *slot_b : NULL);
    if (!info)
        info = ARENA_NEW(c->perm, FuncInfo);
    /* escape.c's attach_info has just made fn's tags, zeroed: fill them */
    if (info != fn->info || info->nparams != n || !info->leaks)
        info->leaks = ARENA_NEW_ARRAY(c->perm, EscLeaks, n ? n : 1);
    info->nparams = n;
    info->noescape = !body && (pragma & PRAGMA_NOESCAPE);
    bool diagnose = c->cfg->m != 0;
    for (int i = 0; i < n; i++) {
        AstField *f = recv ? (i == 0 ? recv : ft->params.items[i - 1]) : ft->params.items[i];
        Object *po = f->name ? f->name->obj : NULL;
        Type *t = po ? po->type : esc_type_of(f->type);
        if (t && f->type && f->type->kind == AST_DOTS_TYPE && !po)
            t = NULL;
        bool named = f->name && f->name->value;
        char pname[256];
        if (!diagnose)
            pname[0] = 0;   /* only -m prints it */
        else if (named)
            snprintf(pname, sizeof pname, "%s", f->name->value);
        else
            snprintf(pname, sizeof pname, "arg#%d", i + 1);
        Pos pos = f->name ? f->name->expr.node.pos : ast_start_pos(f->type);
        if (!body) {
            if (t && esc_underlying(t)->kind == TY_UINTPTR) {
                if (diagnose)
                    esc_warn(c, pos, "assuming %s is unsafe uintptr", pname);
                continue;
            }
            if (t && !esc_has_pointers(t))
                continue;
            if (pragma & PRAGMA_NOESCAPE) {
                if (diagnose && named)
                    esc_warn(c, pos, "%s does not escape", pname);
            } else {
                if (diagnose && named)
                    esc_warn(c, pos, "leaking param: %s", pname);
                info->leaks[i].heap = 1;
            }
            continue;
        }
        if (t && !esc_has_pointers(t))
            continue;
        if (!named || strcmp(f->name->value, "_") == 0)
            continue;
        EscLoc *loc = i < fn->nparams ? fn->params[i] : NULL;
        if (!loc)
            continue;
        EscLeaks esc = loc->param_esc;
        optimize_leaks(&esc);
        info->leaks[i] = esc;
        if (!diagnose || loc->escapes)
            continue;
        bool empty = !esc.heap;
        for (int r = 0; r < ESC_NUM_RESULTS; r++)
            empty &= !esc.result[r];
        if (empty)
            esc_warn(c, pos, "%s does not escape", pname);
        if (esc.heap) {
            if (esc.heap == 1)
                esc_warn(c, pos, "leaking param: %s", pname);
            else
                esc_warn(c, pos, "leaking param content: %s", pname);
        }
        for (int r = 0; r < ESC_NUM_RESULTS; r++)
            if (esc.result[r]) {
                char rn[256];
                result_name(r < ft->results.n ? ft->results.items[r] : NULL, r, rn, sizeof rn);
                esc_warn(c, pos, "leaking param: %s to result %s level=%d", pname, rn, esc.result[r] - 1);
            }
    }
    info->tagged = true;
    *slot_a = info;
    if (slot_b)
        *slot_b = info;
}

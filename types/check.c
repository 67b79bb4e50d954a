/* check.c — the type checker's entry point: collects the package-level
 * declarations of every file, resolves them on demand in dependency order
 * (objects are white, grey while being resolved, black when done, so a grey
 * object met again closes a cycle), checks function bodies, reports unused
 * imports and computes the initialization order of package variables.
 *
 * Invariants: package-level Objects, Types and constant values live in
 * perm and reach their declarations only through decl_index; DeclInfos,
 * file scopes and everything local live in the ast region. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "types/check.h"

/* ---- errors -------------------------------------------------------------- */

/* Reports an error at pos (at c->errpos if set).  As types2 does, a
 * message that mentions an
 * "invalid operand" or "invalid type" after its start is a follow-on error
 * and is dropped once another error has been reported. */
void check_errorf(Checker *c, Pos pos, const char *fmt, ...) {
    char small[512];
    char *buf = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= sizeof small) {
        buf = arena_alloc(c->ast, (size_t)n + 1, 1);
        va_start(ap, fmt);
        vsnprintf(buf, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (c->errpos != POS_NONE) pos = c->errpos;
    if (diag_errors(c->diag) > 0) {
        const char *p = strstr(buf, "invalid operand");
        const char *q = strstr(buf, "invalid type");
        if ((p && p > buf) || (q && q > buf)) return;
    }
    diag_error(c->diag, pos, "%s", buf);
}

/* Refuses a construct mgc does not support. */
void check_unsupported(Checker *c, Pos pos, const char *what) {
    diag_error(c->diag, c->errpos != POS_NONE ? c->errpos : pos, REFUSAL_PREFIX "%s", what);
}

/* Writes e as gc prints expressions in messages. */
char *expr_string(const AstNode *e, char *buf, size_t size) {
    if (!e) {
        if (size) buf[0] = 0;
        return buf;
    }
    return ast_string(e, buf, size);
}

static const char *mode_name(OperandMode m) {
    switch (m) {
    case MODE_INVALID: return "invalid operand";
    case MODE_NOVALUE: return "no value";
    case MODE_BUILTIN: return "built-in";
    case MODE_TYPEXPR: return "type";
    case MODE_CONSTANT: return "constant";
    case MODE_VARIABLE: return "variable";
    case MODE_MAPINDEX: return "map index expression";
    case MODE_VALUE: return "value";
    case MODE_COMMAOK: return "comma, ok expression";
    }
    return "value";
}

static const char *builtin_name(Builtin b) {
    static const char *const names[] = {
        [BUILTIN_NONE] = "", [BUILTIN_APPEND] = "append", [BUILTIN_CAP] = "cap",
        [BUILTIN_CLOSE] = "close", [BUILTIN_COMPLEX] = "complex", [BUILTIN_COPY] = "copy",
        [BUILTIN_DELETE] = "delete", [BUILTIN_IMAG] = "imag", [BUILTIN_LEN] = "len",
        [BUILTIN_MAKE] = "make", [BUILTIN_NEW] = "new", [BUILTIN_PANIC] = "panic",
        [BUILTIN_PRINT] = "print", [BUILTIN_PRINTLN] = "println", [BUILTIN_REAL] = "real",
        [BUILTIN_RECOVER] = "recover", [BUILTIN_ALIGNOF] = "Alignof", [BUILTIN_OFFSETOF] = "Offsetof",
        [BUILTIN_SIZEOF] = "Sizeof", [BUILTIN_ADD] = "Add", [BUILTIN_SLICE] = "Slice",
    };
    return (unsigned)b < sizeof names / sizeof names[0] ? names[b] : "";
}

/* Describes x as types2's operand.String does:
 *   <expr> (<untyped kind> <mode> <val>)  or  <expr> (<mode> <val> of type <T>). */
char *operand_string(Checker *c, const Operand *x, char *buf, size_t size) {
    (void)c;
    char expr[512], val[CONST_FORMAT_MAX], tbuf[512];
    if (x->mode != MODE_INVALID && x->type && x->type->kind == TY_UNTYPED_NIL) {
        snprintf(buf, size, "nil");
        return buf;
    }
    expr[0] = 0;
    if (x->expr)
        expr_string(x->expr, expr, sizeof expr);
    else if (x->mode == MODE_BUILTIN)
        snprintf(expr, sizeof expr, "%s", builtin_name(x->builtin));
    else if (x->mode == MODE_TYPEXPR && x->type)
        type_string(x->type, expr, sizeof expr);
    else if (x->mode == MODE_CONSTANT)
        const_format(expr, sizeof expr, &x->val);

    size_t n = 0;
    buf[0] = 0;
#define PUT(...) \
    do { if (n < size) n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__); } while (0)
    if (expr[0]) PUT("%s (", expr);
    bool has_type = false;
    switch (x->mode) {
    case MODE_INVALID: case MODE_NOVALUE: case MODE_BUILTIN: case MODE_TYPEXPR:
        break;
    default:
        if (x->type) {
            if (type_is_untyped(x->type) && x->type->kind != TY_INVALID) {
                PUT("%s ", type_string(x->type, tbuf, sizeof tbuf));
                break;
            }
            has_type = true;
        }
    }
    PUT("%s", mode_name(x->mode));
    if (x->mode == MODE_CONSTANT) {
        const_format(val, sizeof val, &x->val);
        if (strcmp(val, expr) != 0) PUT(" %s", val);
    }
    if (has_type) {
        if (x->type->kind != TY_INVALID)
            PUT(" of type %s", type_string(x->type, tbuf, sizeof tbuf));
        else
            PUT(" with invalid type");
    }
    if (expr[0]) PUT(")");
#undef PUT
    return buf;
}

/* ---- objects ------------------------------------------------------------- */

/* A new object in arena a, belonging to the package being checked. */
Object *check_new_object(Checker *c, Arena *a, ObjKind kind, const char *name, Pos pos, Type *type) {
    Object *obj = ARENA_NEW(a, Object);
    obj->kind = kind;
    obj->name = name;
    obj->pos = pos;
    obj->type = type;
    obj->pkg = c->pkg;
    if (name && name_is_exported(name)) obj->flags |= OBJ_EXPORTED;
    return obj;
}

/* The arena a scope's tables grow in: perm for the universe and package
 * scopes, ast for the others. */
static Arena *scope_arena(Checker *c, const Scope *s) {
    if (s->kind && (strcmp(s->kind, "package") == 0 || strcmp(s->kind, "universe") == 0)) return c->perm;
    return c->ast;
}

/* "other declaration of x" as a continuation line, if alt has a position. */
static void alt_decl(Checker *c, char *buf, size_t n, const Object *alt) {
    buf[0] = 0;
    if (alt && alt->pos != POS_NONE) {
        char where[256];
        diag_format_pos(c->diag, alt->pos, where, sizeof where);
        snprintf(buf, n, "\n\t%s: other declaration of %s", where, alt->name);
    }
}

/* Declares obj in s ("_" declares nothing). */
void check_declare(Checker *c, Scope *s, Object *obj) {
    if (!obj->name || strcmp(obj->name, "_") == 0) {
        if (!obj->parent) obj->parent = s;
        return;
    }
    Object *alt = scope_insert(scope_arena(c, s), s, obj);
    if (alt) {
        char other[512];
        alt_decl(c, other, sizeof other, alt);
        check_errorf(c, obj->pos, "%s redeclared in this block%s", obj->name, other);
    }
}

/* ---- the constants recorded in the AST ----------------------------------- */

/* Mixes 64 bits into hash h. */
static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

/* A hash of constant v over the part of it that its kind uses. */
static uint32_t const_hash(const Const *v) {
    uint64_t h = mix(0, (uint64_t)v->kind);
    switch (v->kind) {
    case CONST_BOOL: h = mix(h, v->u.b); break;
    case CONST_STRING: h = mix(mix(h, (uint64_t)(uintptr_t)v->u.str.bytes), v->u.str.len); break;
    case CONST_INT:
        for (int i = 0; i < CONST_INT_LIMBS; i++) h = mix(h, v->u.i.limb[i]);
        break;
    case CONST_FLOAT:
        for (int i = 0; i < CONST_FLOAT_LIMBS; i++) h = mix(h, v->u.f.mant[i]);
        h = mix(mix(h, (uint64_t)(uint32_t)v->u.f.exp), v->u.f.neg);
        break;
    default: break;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (uint32_t)h;
}

/* Whether a and b are the same representation (not merely equal values:
 * a string is the same only at the same bytes). */
static bool const_same(const Const *a, const Const *b) {
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case CONST_BOOL: return a->u.b == b->u.b;
    case CONST_STRING: return a->u.str.bytes == b->u.str.bytes && a->u.str.len == b->u.str.len;
    case CONST_INT: return memcmp(a->u.i.limb, b->u.i.limb, sizeof a->u.i.limb) == 0;
    case CONST_FLOAT:
        return a->u.f.exp == b->u.f.exp && a->u.f.neg == b->u.f.neg &&
               memcmp(a->u.f.mant, b->u.f.mant, sizeof a->u.f.mant) == 0;
    default: return true;
    }
}

/* Doubles the table of recorded constants (kept at most half full). */
static void consts_grow(Checker *c) {
    uint32_t cap = c->consts_cap ? c->consts_cap * 2 : 256;
    Const **t = mem_xmalloc(sizeof *t * cap);
    memset(t, 0, sizeof *t * cap);
    for (uint32_t i = 0; i < c->consts_cap; i++) {
        Const *k = c->consts[i];
        if (!k) continue;
        uint32_t h = const_hash(k) & (cap - 1);
        while (t[h]) h = (h + 1) & (cap - 1);
        t[h] = k;
    }
    mem_xfree(c->consts);
    c->consts = t;
    c->consts_cap = cap;
}

/* The shared copy of v, made on first request. */
Const *check_const_ref(Checker *c, const Const *v) {
    if ((c->consts_count + 1) * 2 > c->consts_cap) consts_grow(c);
    uint32_t mask = c->consts_cap - 1;
    uint32_t h = const_hash(v) & mask;
    for (; c->consts[h]; h = (h + 1) & mask)
        if (const_same(c->consts[h], v)) return c->consts[h];
    Const *k = ARENA_NEW(c->ast, Const);
    *k = *v;
    c->consts[h] = k;
    c->consts_count++;
    return k;
}

/* Frees the table (not the copies, which the AST holds). */
void check_consts_free(Checker *c) {
    mem_xfree(c->consts);
    c->consts = NULL;
    c->consts_cap = c->consts_count = 0;
}

/* ---- dependencies ---------------------------------------------------------- */

/* Dependency lists up to this length are searched rather than indexed. */
enum { DEPS_SCAN_MAX = 32 };

/* A hash of a pair key. */
static uint32_t pair_hash(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (uint32_t)k;
}

/* Adds (x, y) to s; returns false if it was there already. */
static bool pair_set_add(PairSet *s, uint32_t x, uint32_t y) {
    if ((s->count + 1) * 2 > s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 64;
        uint64_t *keys = mem_xmalloc(sizeof *keys * cap);
        memset(keys, 0, sizeof *keys * cap);
        for (uint32_t i = 0; i < s->cap; i++) {
            if (!s->keys[i]) continue;
            uint32_t h = pair_hash(s->keys[i]) & (cap - 1);
            while (keys[h]) h = (h + 1) & (cap - 1);
            keys[h] = s->keys[i];
        }
        mem_xfree(s->keys);
        s->keys = keys;
        s->cap = cap;
    }
    uint64_t k = 1 + ((uint64_t)x << 32 | y);
    uint32_t mask = s->cap - 1;
    uint32_t h = pair_hash(k) & mask;
    for (; s->keys[h]; h = (h + 1) & mask)
        if (s->keys[h] == k) return false;
    s->keys[h] = k;
    s->count++;
    return true;
}

/* Frees the table of s and empties it. */
static void pair_set_free(PairSet *s) {
    mem_xfree(s->keys);
    s->keys = NULL;
    s->cap = s->count = 0;
}

/* Records that the declaration being checked depends on obj. */
void check_record_use(Checker *c, Object *obj) {
    DeclInfo *d = c->cur_decl;
    if (!d || !obj || !(obj->flags & OBJ_PKG_LEVEL) || obj->pkg != c->pkg) return;
    if (obj->kind != OBJ_CONST && obj->kind != OBJ_VAR && obj->kind != OBJ_FUNC) return;
    for (int i = d->ndeps - 1; i >= 0 && i >= d->ndeps - 8; i--)
        if (d->deps[i] == obj) return;
    /* a short list is searched, a long one is indexed by the checker's
     * set (a body that uses thousands of functions stays linear) */
    uint32_t di = d->obj->decl_index;
    if (d->ndeps < DEPS_SCAN_MAX) {
        for (int i = 0; i < d->ndeps; i++)
            if (d->deps[i] == obj) return;
    } else {
        if (!d->deps_indexed) {
            for (int i = 0; i < d->ndeps; i++) pair_set_add(&c->dep_set, di, d->deps[i]->decl_index);
            d->deps_indexed = true;
        }
        if (!pair_set_add(&c->dep_set, di, obj->decl_index)) return;
    }
    if (d->ndeps == d->capdeps) {
        int cap = d->capdeps ? d->capdeps * 2 : 8;
        Object **deps = ARENA_NEW_ARRAY(c->ast, Object *, cap);
        if (d->ndeps) memcpy(deps, d->deps, (size_t)d->ndeps * sizeof *deps);
        d->deps = deps;
        d->capdeps = cap;
    }
    d->deps[d->ndeps++] = obj;
}

/* Appends a DeclInfo and returns its index (the table may move). */
static uint32_t new_decl(Checker *c, Object *obj, AstNode *decl, AstFile *file, Scope *file_scope) {
    if (c->ndecls == c->capdecls) {
        uint32_t cap = c->capdecls ? c->capdecls * 2 : 64;
        DeclInfo *decls = ARENA_NEW_ARRAY(c->ast, DeclInfo, cap);
        if (c->ndecls) memcpy(decls, c->decls, c->ndecls * sizeof *decls);
        c->decls = decls;
        c->capdecls = cap;
    }
    uint32_t i = c->ndecls++;
    DeclInfo *d = &c->decls[i];
    memset(d, 0, sizeof *d);
    d->obj = obj;
    d->decl = decl;
    d->file = file;
    d->file_scope = file_scope;
    d->lhs_count = 1;
    obj->decl_index = i;
    obj->flags |= OBJ_PKG_LEVEL;
    return i;
}

/* ---- collecting package-level objects ------------------------------------ */

/* The number of values in a value list (a ListExpr, one expression, or
 * NULL). */
static int list_len(const AstNode *e) {
    if (!e) return 0;
    return e->kind == AST_LIST_EXPR ? AST_AS(const AstListExpr, e)->elems.n : 1;
}

/* The i-th element of a value list. */
static AstNode *unpack_at(AstNode *e, int i) {
    if (e->kind == AST_LIST_EXPR) return AST_AS(AstListExpr, e)->elems.items[i];
    return e;
}

/* Declares a package-level const, type or var: init and main may only be
 * functions. */
static void declare_pkg_obj(Checker *c, Object *obj) {
    if (obj->name == intern(c->names, "init", 4)) {
        check_errorf(c, obj->pos, "cannot declare init - must be func");
        return;
    }
    if (obj->name == intern(c->names, "main", 4) && strcmp(c->pkg->name, "main") == 0) {
        check_errorf(c, obj->pos, "cannot declare main - must be func");
        return;
    }
    check_declare(c, c->pkg->scope, obj);
}

/* Reports //go: directives mgc refuses. */
static void check_pragmas(Checker *c, Pos pos, unsigned pragma) {
    if (pragma & PRAGMA_LINKNAME) check_unsupported(c, pos, "//go:linkname");
    if (pragma & PRAGMA_CGO) check_unsupported(c, pos, "cgo");
}

/* The import declaration d into file scope fs. */
static void collect_import(Checker *c, AstImportDecl *d, Scope *fs) {
    if (!d->path) return;
    char *path;
    uint32_t len;
    if (!lexer_unquote_string(c->ast, d->path->value, d->path->len, &path, &len)) return;
    Pos pos = d->path->expr.node.pos;
    if (strcmp(path, "C") == 0) {
        check_unsupported(c, pos, "cgo");
        return;
    }
    Package *imp = stdlib_package(c, path);
    if (!imp) {
        char what[300];
        snprintf(what, sizeof what, "importing \"%s\"", path);
        check_unsupported(c, pos, what);
        return;
    }
    const char *name = d->local_name ? d->local_name->value : imp->name;
    if (strcmp(name, "_") == 0) return;
    if (strcmp(name, ".") == 0) {
        /* A dot import merges the exported names into the file scope. */
        for (uint32_t i = 0; i < imp->scope->norder; i++) {
            Object *o = imp->scope->order[i];
            if (o->flags & OBJ_EXPORTED) scope_insert(c->ast, fs, o);
        }
        return;
    }
    Object *obj = check_new_object(c, c->ast, OBJ_PKG, name, d->node.pos, NULL);
    obj->u.imported = imp;
    check_declare(c, fs, obj);
}

/* Reports the arity errors of a const or var spec (types2's arityMatch):
 * names are the spec's, values the values that apply to it. */
static void arity_match(Checker *c, AstNameList names, AstNode *own_values, AstNode *values, bool is_const,
                        Pos spec_pos) {
    int l = names.n, r = list_len(values), own = list_len(own_values);
    char buf[512];
    if (l < r) {
        if (l < own) {
            AstNode *v = unpack_at(own_values, l);
            check_errorf(c, ast_start_pos(v), "extra init expr %s", expr_string(v, buf, sizeof buf));
        } else {
            char where[256];
            diag_format_pos(c->diag, values->pos, where, sizeof where);
            check_errorf(c, spec_pos, "extra init expr at %s", where);
        }
    } else if (l > r && (is_const || r != 1)) {
        if (!is_const && r == 0) return;
        AstName *n = names.items[r];
        check_errorf(c, n->expr.node.pos, "missing init expr for %s", n->value);
    }
}

/* Collects the declarations of file f into the package scope. */
static void collect_file(Checker *c, AstFile *f, Scope *fs) {
    Package *pkg = c->pkg;
    check_pragmas(c, f->node.pos, f->pragma);
    for (int k = 0; k < f->decls.n; k++) {
        AstNode *n = f->decls.items[k];
        switch (n->kind) {
        case AST_IMPORT_DECL: {
            AstImportDecl *d = AST_AS(AstImportDecl, n);
            check_pragmas(c, n->pos, d->pragma);
            collect_import(c, d, fs);
            break;
        }
        case AST_CONST_DECL: {
            AstConstDecl *d = AST_AS(AstConstDecl, n);
            check_pragmas(c, n->pos, d->pragma);
            for (int i = 0; i < d->names.n; i++) {
                AstName *name = d->names.items[i];
                Object *obj = check_new_object(c, c->perm, OBJ_CONST, name->value, name->expr.node.pos, NULL);
                name->obj = obj;
                new_decl(c, obj, n, f, fs);
                declare_pkg_obj(c, obj);
            }
            AstConstDecl *src = d->implicit ? d->implicit : d;
            arity_match(c, d->names, d->values, src->values, true, n->pos);
            break;
        }
        case AST_VAR_DECL: {
            AstVarDecl *d = AST_AS(AstVarDecl, n);
            check_pragmas(c, n->pos, d->pragma);
            int nvalues = list_len(d->values);
            for (int i = 0; i < d->names.n; i++) {
                AstName *name = d->names.items[i];
                Object *obj = check_new_object(c, c->perm, OBJ_VAR, name->value, name->expr.node.pos, NULL);
                name->obj = obj;
                uint32_t di = new_decl(c, obj, n, f, fs);
                if (d->names.n > 1 && nvalues == 1) c->decls[di].lhs_count = d->names.n;
                declare_pkg_obj(c, obj);
            }
            if (!d->type || d->values) arity_match(c, d->names, d->values, d->values, false, n->pos);
            break;
        }
        case AST_TYPE_DECL: {
            AstTypeDecl *d = AST_AS(AstTypeDecl, n);
            check_pragmas(c, n->pos, d->pragma);
            Object *obj = check_new_object(c, c->perm, OBJ_TYPE, d->name->value, d->name->expr.node.pos, NULL);
            if (d->alias) obj->flags |= OBJ_ALIAS;
            d->name->obj = obj;
            new_decl(c, obj, n, f, fs);
            declare_pkg_obj(c, obj);
            break;
        }
        case AST_FUNC_DECL: {
            AstFuncDecl *d = AST_AS(AstFuncDecl, n);
            check_pragmas(c, n->pos, d->pragma);
            const char *name = d->name->value;
            Object *obj = check_new_object(c, c->perm, OBJ_FUNC, name, d->name->expr.node.pos, NULL);
            obj->u.pragma = d->pragma;
            d->name->obj = obj;
            new_decl(c, obj, n, f, fs);
            if (d->recv) break; /* methods are attached to their base types later */
            bool is_init = strcmp(name, "init") == 0;
            bool is_main = strcmp(name, "main") == 0 && strcmp(pkg->name, "main") == 0;
            if (is_init || is_main) {
                if (d->tparams.n > 0)
                    check_errorf(c, d->tparams.items[0]->node.pos, "func %s must have no type parameters", name);
                if (d->type->params.n > 0 || d->type->results.n > 0)
                    check_errorf(c, obj->pos, "func %s must have no arguments and no return values", name);
            }
            if (is_init) {
                obj->parent = pkg->scope; /* init functions are invisible */
                if (!d->body) check_errorf(c, obj->pos, "missing function body");
            } else {
                check_declare(c, pkg->scope, obj);
            }
            break;
        }
        default:
            break;
        }
    }
}

/* The base type name of a receiver type expression (T, *T, (T), T[P]). */
static AstName *recv_base_name(AstNode *t) {
    t = ast_unparen(t);
    if (t->kind == AST_OPERATION) {
        AstOperation *op = AST_AS(AstOperation, t);
        if (op->op == OP_MUL && !op->y) t = ast_unparen(op->x);
    }
    if (t->kind == AST_INDEX_EXPR) t = ast_unparen(AST_AS(AstIndexExpr, t)->x);
    return t->kind == AST_NAME ? AST_AS(AstName, t) : NULL;
}

/* Associates each method declared in package scope with its receiver base
 * type's declaration (DeclInfo.methods), where the base type is a type of
 * this package (following aliases of local types). */
static void associate_methods(Checker *c, uint32_t first, uint32_t last) {
    for (uint32_t i = first; i < last; i++) {
        DeclInfo *d = &c->decls[i];
        if (d->decl->kind != AST_FUNC_DECL) continue;
        AstFuncDecl *fd = AST_AS(AstFuncDecl, d->decl);
        if (!fd->recv || strcmp(fd->name->value, "_") == 0) continue;
        AstName *base = recv_base_name(fd->recv->type);
        for (int hops = 0; base && hops < 16; hops++) {
            Object *tobj = scope_lookup_local(c->pkg->scope, base->value);
            if (!tobj || tobj->kind != OBJ_TYPE || !(tobj->flags & OBJ_PKG_LEVEL)) break;
            DeclInfo *td = &c->decls[tobj->decl_index];
            AstTypeDecl *tdecl = AST_AS(AstTypeDecl, td->decl);
            if (tdecl->alias) {
                base = recv_base_name(tdecl->type);
                continue;
            }
            if (td->nmethods == td->capmethods) {
                int cap = td->capmethods ? td->capmethods * 2 : 4;
                uint32_t *m = ARENA_NEW_ARRAY(c->ast, uint32_t, cap);
                if (td->nmethods) memcpy(m, td->methods, (size_t)td->nmethods * sizeof *m);
                td->methods = m;
                td->capmethods = cap;
            }
            td->methods[td->nmethods++] = i;
            break;
        }
    }
}

/* Attaches the methods collected for type obj to its Named type, reporting
 * duplicates and methods named like fields, then resolves their signatures. */
static void collect_methods(Checker *c, Object *obj) {
    DeclInfo *td = &c->decls[obj->decl_index];
    if (td->nmethods == 0 || !obj->type || obj->type->kind != TY_NAMED) return;
    Type *named = obj->type;
    TypeMethod *ms = ARENA_NEW_ARRAY(c->perm, TypeMethod, named->u.named.nmethods + td->nmethods);
    int n = named->u.named.nmethods;
    if (n) memcpy(ms, named->u.named.methods, (size_t)n * sizeof *ms);
    int nmethods = td->nmethods;
    uint32_t *idx = td->methods;
    td->nmethods = 0; /* attach once */
    for (int i = 0; i < nmethods; i++) {
        Object *m = c->decls[idx[i]].obj;
        Object *alt = NULL;
        for (int j = 0; j < n && !alt; j++)
            if (ms[j].name == m->name) alt = ms[j].func;
        if (alt) {
            char other[512];
            alt_decl(c, other, sizeof other, alt);
            check_errorf(c, m->pos, "%s.%s redeclared in this block%s", obj->name, m->name, other);
            continue;
        }
        ms[n].name = m->name;
        ms[n].func = m;
        n++;
    }
    named->u.named.methods = ms;
    named->u.named.nmethods = n;
    Type *u = named->u.named.underlying;
    if (u && u->kind == TY_STRUCT) {
        for (int i = 0; i < u->u.strct.n; i++) {
            TypeField *f = &u->u.strct.fields[i];
            if (strcmp(f->name, "_") == 0) continue;
            for (int j = 0; j < n; j++) {
                if (ms[j].name != f->name) continue;
                char where[256];
                diag_format_pos(c->diag, f->pos, where, sizeof where);
                check_errorf(c, ms[j].func->pos, "field and method with the same name %s\n\t%s: other declaration of %s",
                             f->name, where, f->name);
            }
        }
    }
    for (int i = 0; i < n; i++) check_obj_decl(c, ms[i].func);
}

/* ---- resolving package-level objects ------------------------------------- */

static void push_path(Checker *c, Object *obj) {
    if (c->nobj_path == c->capobj_path) {
        int cap = c->capobj_path ? c->capobj_path * 2 : 16;
        Object **p = ARENA_NEW_ARRAY(c->ast, Object *, cap);
        if (c->nobj_path) memcpy(p, c->obj_path, (size_t)c->nobj_path * sizeof *p);
        c->obj_path = p;
        c->capobj_path = cap;
    }
    c->obj_path[c->nobj_path++] = obj;
}

/* Reports a declaration cycle (types2's cycleError), starting the report at
 * the object declared first in the source. */
void check_cycle_error(Checker *c, Object **cycle, int n) {
    int first = 0;
    for (int i = 1; i < n; i++)
        if (cycle[i]->pos < cycle[first]->pos) first = i;
    Object *obj = cycle[first];
    size_t cap = 256 + (size_t)n * 320, len = 0;
    char *msg = arena_alloc(c->ast, cap, 1);
    len += (size_t)snprintf(msg + len, cap - len, "%s %s",
                            obj->kind == OBJ_TYPE ? "invalid recursive type" : "illegal cycle in declaration of",
                            obj->name);
    char where[256];
    for (int k = 0; k < n; k++) {
        Object *o = cycle[(first + k) % n];
        diag_format_pos(c->diag, o->pos, where, sizeof where);
        len += (size_t)snprintf(msg + len, cap - len, "\n\t%s: %s refers to", where, o->name);
    }
    diag_format_pos(c->diag, obj->pos, where, sizeof where);
    snprintf(msg + len, cap - len, "\n\t%s: %s", where, obj->name);
    check_errorf(c, obj->pos, "%s", msg);
}

/* Called when obj is met again while grey: decides whether the cycle of
 * objects being resolved is allowed (types2's validCycle).  Cycles of
 * constants and variables only are left to the initialization order
 * check; cycles through a type definition are fine. */
static bool valid_cycle(Checker *c, Object *obj) {
    int start = c->nobj_path - 1;
    while (start >= 0 && c->obj_path[start] != obj) start--;
    if (start < 0) return true;
    int nval = 0, ndef = 0, n = c->nobj_path - start;
    for (int i = start; i < c->nobj_path; i++) {
        Object *o = c->obj_path[i];
        if (o->kind == OBJ_CONST || o->kind == OBJ_VAR) nval++;
        if (o->kind == OBJ_TYPE && !(o->flags & OBJ_ALIAS)) ndef++;
    }
    if (nval == n) return true;
    if (nval == 0 && ndef > 0) return true;
    check_cycle_error(c, &c->obj_path[start], n);
    return false;
}

/* Reports a cycle through the named types being resolved that ends at obj
 * (typexpr.c finds them: a type whose underlying type is still unknown). */
void check_type_cycle(Checker *c, Object *obj) {
    int start = c->nobj_path - 1;
    while (start >= 0 && c->obj_path[start] != obj) start--;
    if (start < 0) {
        check_cycle_error(c, &obj, 1);
        return;
    }
    check_cycle_error(c, &c->obj_path[start], c->nobj_path - start);
}

/* Whether t can be the type of a constant. */
static bool is_const_type(Type *t) {
    Type *u = type_underlying(t);
    if (u->kind == TY_INVALID) return true;
    return u->kind >= TY_BOOL && u->kind <= TY_UNTYPED_STRING && u->kind != TY_UNSAFE_POINTER &&
           u->kind != TY_COMPLEX64 && u->kind != TY_COMPLEX128;
}

/* Gives constant obj the value of x (types2's initConst). */
static void init_const(Checker *c, Object *obj, Operand *x, Arena *a) {
    if (x->mode == MODE_INVALID || !x->type || x->type->kind == TY_INVALID ||
        (obj->type && obj->type->kind == TY_INVALID)) {
        if (!obj->type) obj->type = type_invalid();
        return;
    }
    if (x->mode != MODE_CONSTANT) {
        char buf[1024];
        check_errorf(c, ast_start_pos(x->expr), "%s is not constant", operand_string(c, x, buf, sizeof buf));
        if (!obj->type) obj->type = type_invalid();
        return;
    }
    if (!obj->type) obj->type = x->type;
    if (!check_assignable_to(c, x, obj->type, "constant declaration")) return;
    Const *v = ARENA_NEW(a, Const);
    *v = x->val;
    if (v->kind == CONST_STRING && v->u.str.len) {
        /* the bytes must live as long as the object */
        v->u.str.bytes = arena_strndup(a, v->u.str.bytes, v->u.str.len);
    }
    obj->u.val = v;
}

/* Checks constant obj declared by spec d (its name at index i), in arena a. */
static void const_decl(Checker *c, Object *obj, AstConstDecl *d, int i, Arena *a) {
    AstConstDecl *src = d->implicit ? d->implicit : d;
    int saved_iota = c->iota;
    c->iota = d->iota;
    Const *unknown = ARENA_NEW(a, Const);
    *unknown = const_make_unknown();
    obj->u.val = unknown;
    if (src->type) {
        Type *t = check_type_expr(c, src->type);
        if (!is_const_type(t)) {
            char buf[512];
            if (type_underlying(t)->kind != TY_INVALID)
                check_errorf(c, ast_start_pos(src->type), "invalid constant type %s", type_string(t, buf, sizeof buf));
            obj->type = type_invalid();
            c->iota = saved_iota;
            return;
        }
        obj->type = t;
    }
    Operand x = {.mode = MODE_INVALID};
    int nvalues = list_len(src->values);
    Pos saved_errpos = c->errpos;
    /* the expression is written at an earlier spec: errors go to the name */
    c->errpos = d->implicit ? obj->pos : POS_NONE;
    if (i < nvalues) check_expr(c, &x, unpack_at(src->values, i));
    init_const(c, obj, &x, a);
    c->errpos = saved_errpos;
    c->iota = saved_iota;
}

/* Gives variable obj the value x (types2's initVar); returns false if the
 * assignment failed. */
static bool init_var(Checker *c, Object *obj, Operand *x, const char *context) {
    if (x->mode == MODE_INVALID || !x->type || x->type->kind == TY_INVALID ||
        (obj->type && obj->type->kind == TY_INVALID)) {
        if (!obj->type) obj->type = type_invalid();
        obj->flags |= OBJ_USED;
        return false;
    }
    if (!obj->type) {
        Type *t = x->type;
        if (type_is_untyped(t)) {
            if (t->kind == TY_UNTYPED_NIL) {
                check_errorf(c, ast_start_pos(x->expr), "use of untyped nil in %s", context);
                obj->type = type_invalid();
                return false;
            }
            t = type_default(t);
        }
        obj->type = t;
    }
    if (!check_assignable_to(c, x, obj->type, context)) {
        obj->flags |= OBJ_USED; /* no follow-on "declared but not used" */
        return false;
    }
    return true;
}

/* "assignment mismatch: 2 variables but f() returns 1 value" (types2's
 * assignError). */
static void assign_error(Checker *c, AstNode *values, int nvars, int nvals) {
    AstNode *rhs0 = unpack_at(values, 0);
    int nv = list_len(values);
    char vars[64], vals[64], fun[512];
    snprintf(vars, sizeof vars, "%d variable%s", nvars, nvars == 1 ? "" : "s");
    snprintf(vals, sizeof vals, "%d value%s", nvals, nvals == 1 ? "" : "s");
    AstNode *call = ast_unparen(rhs0);
    if (nv == 1 && call->kind == AST_CALL_EXPR) {
        expr_string(AST_AS(AstCallExpr, call)->fun, fun, sizeof fun);
        check_errorf(c, ast_start_pos(rhs0), "assignment mismatch: %s but %s returns %s", vars, fun, vals);
        return;
    }
    check_errorf(c, ast_start_pos(rhs0), "assignment mismatch: %s but %s", vars, vals);
}

/* Initializes lhs from values (types2's initVars, outside return
 * statements): n:n, or n:1 with a multi-valued or comma-ok expression.
 * The operands live in tmp. */
static void init_vars(Checker *c, Object **lhs, int nlhs, AstNode *values, Arena *tmp) {
    const char *context = "assignment";
    int nvalues = list_len(values);
    if (nvalues == 0) return;
    Operand *xs;
    int n;
    if (nvalues == 1) {
        int max = nlhs > 2 ? nlhs + 4 : 8;
        xs = ARENA_NEW_ARRAY(tmp, Operand, max);
        n = check_multi_expr(c, xs, max, unpack_at(values, 0), nlhs == 2);
    } else {
        xs = ARENA_NEW_ARRAY(tmp, Operand, nvalues);
        for (int i = 0; i < nvalues; i++) check_expr(c, &xs[i], unpack_at(values, i));
        n = nvalues;
    }
    if (n != nlhs) {
        for (int i = 0; i < nlhs; i++) {
            lhs[i]->flags |= OBJ_USED;
            if (!lhs[i]->type) lhs[i]->type = type_invalid();
        }
        for (int i = 0; i < n && i < (nvalues == 1 ? 1 : nvalues); i++)
            if (xs[i].mode == MODE_INVALID) return;
        if (n == 0) return;
        assign_error(c, values, nlhs, n);
        return;
    }
    for (int i = 0; i < nlhs; i++) init_var(c, lhs[i], &xs[i], context);
}

/* check_init_vars: init_vars with its operands in scratch memory,
 * released when the declaration is checked. */
void check_init_vars(Checker *c, Object **lhs, int nlhs, AstNode *values, Pos pos) {
    (void)pos;
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    init_vars(c, lhs, nlhs, values, tmp);
    arena_release(tmp, mark);
}

/* Checks variable obj declared by spec d (types2's varDecl); lhs are all
 * the spec's variables when they share one initializer. */
static void var_decl(Checker *c, Object *obj, Object **lhs, int nlhs, AstVarDecl *d, int i, Type *typ) {
    if (d->type) obj->type = typ ? typ : check_type_expr(c, d->type);
    int nvalues = list_len(d->values);
    if (nvalues == 0 || (nlhs <= 1 && i >= nvalues)) {
        if (!d->type) obj->type = type_invalid();
        return;
    }
    if (nlhs <= 1) {
        Operand x;
        check_expr_hint(c, &x, unpack_at(d->values, i), obj->type);
        init_var(c, obj, &x, "variable declaration");
        return;
    }
    if (d->type)
        for (int k = 0; k < nlhs; k++) lhs[k]->type = obj->type;
    check_init_vars(c, lhs, nlhs, d->values, d->node.pos);
}

/* Resolves the signature of the function or method of d and prepares the
 * context its body will be checked in. */
static void func_decl(Checker *c, Object *obj, DeclInfo *d) {
    AstFuncDecl *fd = AST_AS(AstFuncDecl, d->decl);
    if (fd->tparams.n > 0) {
        check_unsupported(c, fd->tparams.items[0]->node.pos, "type parameters");
        obj->type = type_new_func(c->perm, NULL, type_new_tuple(c->perm, NULL, NULL, 0),
                                  type_new_tuple(c->perm, NULL, NULL, 0), false);
        return;
    }
    obj->type = type_new_func(c->perm, NULL, type_new_tuple(c->perm, NULL, NULL, 0),
                              type_new_tuple(c->perm, NULL, NULL, 0), false);
    FuncCtx *fn = ARENA_NEW(c->ast, FuncCtx);
    fn->scope = scope_new(c->ast, d->file_scope, "func");
    fn->scope->is_func = true;
    fn->node = d->decl;
    Scope *saved = c->scope;
    c->scope = d->file_scope;
    obj->type = check_signature(c, fd->recv, fd->type, fn->scope, fn);
    c->scope = saved;
    fn->sig = obj->type;
    d->fn = fn;
}

/* Resolves package-level obj: its type, and its value for a constant. */
void check_obj_decl(Checker *c, Object *obj) {
    if (!obj || !(obj->flags & OBJ_PKG_LEVEL) || obj->color == COLOR_BLACK) return;
    /* objects made by universe.c have no declaration to resolve */
    if (obj->decl_index >= c->ndecls || c->decls[obj->decl_index].obj != obj) return;
    if (obj->color == COLOR_GREY) {
        bool ok = valid_cycle(c, obj);
        switch (obj->kind) {
        case OBJ_CONST:
        case OBJ_VAR:
            if (!ok || !obj->type) obj->type = type_invalid();
            break;
        case OBJ_TYPE:
            if (!ok) obj->type = type_invalid();
            break;
        default:
            break;
        }
        return;
    }
    if (obj->kind == OBJ_VAR && obj->type) { /* typed with its n:1 siblings */
        obj->color = COLOR_BLACK;
        return;
    }
    DeclInfo *d = &c->decls[obj->decl_index];
    obj->color = COLOR_GREY;
    push_path(c, obj);
    Scope *saved_scope = c->scope;
    DeclInfo *saved_decl = c->cur_decl;
    FuncCtx *saved_fn = c->fn;
    int saved_iota = c->iota;
    Package *saved_pkg = c->pkg;
    Pos saved_errpos = c->errpos;
    c->errpos = POS_NONE;
    c->scope = d->file_scope;
    c->cur_decl = d;
    c->fn = NULL;
    c->iota = -1;
    c->pkg = obj->pkg;

    switch (obj->kind) {
    case OBJ_CONST: {
        AstConstDecl *cd = AST_AS(AstConstDecl, d->decl);
        int i = 0;
        while (i < cd->names.n && cd->names.items[i]->obj != obj) i++;
        const_decl(c, obj, cd, i, c->perm);
        break;
    }
    case OBJ_VAR: {
        AstVarDecl *vd = AST_AS(AstVarDecl, d->decl);
        int i = 0;
        while (i < vd->names.n && vd->names.items[i]->obj != obj) i++;
        if (d->lhs_count > 1) {
            Object **lhs = ARENA_NEW_ARRAY(c->ast, Object *, d->lhs_count);
            for (int k = 0; k < d->lhs_count; k++) lhs[k] = vd->names.items[k]->obj;
            var_decl(c, obj, lhs, d->lhs_count, vd, 0, NULL);
            /* x, y = f(): every name depends on what the one initializer uses */
            for (int k = 0; k < d->lhs_count; k++) {
                DeclInfo *dk = &c->decls[lhs[k]->decl_index];
                if (dk == d) continue;
                dk->deps = d->deps;
                dk->ndeps = dk->capdeps = d->ndeps;
            }
        } else {
            var_decl(c, obj, NULL, 1, vd, i, NULL);
        }
        break;
    }
    case OBJ_TYPE:
        check_type_decl(c, obj, AST_AS(AstTypeDecl, d->decl));
        break;
    case OBJ_FUNC:
        func_decl(c, obj, d);
        break;
    default:
        break;
    }

    c->scope = saved_scope;
    c->cur_decl = saved_decl;
    c->fn = saved_fn;
    c->iota = saved_iota;
    c->pkg = saved_pkg;
    c->errpos = saved_errpos;
    c->nobj_path--;
    obj->color = COLOR_BLACK;
    if (obj->kind == OBJ_TYPE) collect_methods(c, obj);
}

/* ---- local declarations -------------------------------------------------- */

/* A const, type or var declaration inside a function body. */
void check_local_decl(Checker *c, AstNode *decl) {
    switch (decl->kind) {
    case AST_CONST_DECL: {
        AstConstDecl *d = AST_AS(AstConstDecl, decl);
        AstConstDecl *src = d->implicit ? d->implicit : d;
        Object **objs = ARENA_NEW_ARRAY(c->ast, Object *, d->names.n);
        for (int i = 0; i < d->names.n; i++) {
            AstName *name = d->names.items[i];
            objs[i] = check_new_object(c, c->ast, OBJ_CONST, name->value, name->expr.node.pos, NULL);
            name->obj = objs[i];
            const_decl(c, objs[i], d, i, c->ast);
        }
        arity_match(c, d->names, d->values, src->values, true, decl->pos);
        for (int i = 0; i < d->names.n; i++) check_declare(c, c->scope, objs[i]);
        break;
    }
    case AST_VAR_DECL: {
        AstVarDecl *d = AST_AS(AstVarDecl, decl);
        int n = d->names.n, nvalues = list_len(d->values);
        Object **objs = ARENA_NEW_ARRAY(c->ast, Object *, n);
        for (int i = 0; i < n; i++) {
            AstName *name = d->names.items[i];
            objs[i] = check_new_object(c, c->ast, OBJ_VAR, name->value, name->expr.node.pos, NULL);
            name->obj = objs[i];
        }
        Type *typ = d->type ? check_type_expr(c, d->type) : NULL;
        if (nvalues == 1 && n > 1) {
            var_decl(c, objs[0], objs, n, d, 0, typ);
        } else {
            for (int i = 0; i < n; i++) var_decl(c, objs[i], NULL, 1, d, i, typ);
        }
        if (!d->type || d->values) arity_match(c, d->names, d->values, d->values, false, decl->pos);
        for (int i = 0; i < n; i++) check_declare(c, c->scope, objs[i]);
        break;
    }
    case AST_TYPE_DECL: {
        AstTypeDecl *d = AST_AS(AstTypeDecl, decl);
        /* a local type's object lives in perm with its Type (no scope link) */
        Object *obj = check_new_object(c, c->perm, OBJ_TYPE, d->name->value, d->name->expr.node.pos, NULL);
        if (d->alias) obj->flags |= OBJ_ALIAS;
        d->name->obj = obj;
        check_declare(c, c->scope, obj);
        obj->parent = NULL;
        obj->color = COLOR_GREY;
        push_path(c, obj);
        check_type_decl(c, obj, d);
        c->nobj_path--;
        obj->color = COLOR_BLACK;
        break;
    }
    default:
        break;
    }
}

/* ---- initialization order ------------------------------------------------ */

/* A node of the dependency graph: a package-level const, var or func.
 * Edges to a removed (function) node are not deleted from the lists but
 * skipped by their readers, so removing a node costs its own edges only. */
typedef struct GraphNode {
    Object *obj;
    struct GraphNode **succ, **pred;   /* dependencies, dependents */
    int nsucc, capsucc, npred, cappred;
    int ndeps;                         /* remaining dependencies */
    int heap_index;
    uint32_t index;                    /* in InitOrder.nodes */
    uint32_t order;
    bool removed;
} GraphNode;

typedef struct InitOrder {
    Checker *c;
    GraphNode *nodes;
    int nnodes;
    GraphNode **heap;
    int nheap;
    PairSet edges;                     /* (from, to) of every edge added */
} InitOrder;

/* Appends n to the edge list *list. */
static void edge_push(Arena *a, GraphNode ***list, int *len, int *cap, GraphNode *n) {
    if (*len == *cap) {
        int nc = *cap ? *cap * 2 : 4;
        GraphNode **l = ARENA_NEW_ARRAY(a, GraphNode *, nc);
        if (*len) memcpy(l, *list, (size_t)*len * sizeof *l);
        *list = l;
        *cap = nc;
    }
    (*list)[(*len)++] = n;
}

/* Adds the edge "from depends on to" unless it exists. */
static void edge_add(InitOrder *io, GraphNode *from, GraphNode *to) {
    if (!pair_set_add(&io->edges, from->index, to->index)) return;
    Arena *a = io->c->ast;
    edge_push(a, &from->succ, &from->nsucc, &from->capsucc, to);
    edge_push(a, &to->pred, &to->npred, &to->cappred, from);
}

/* Heap order: fewer remaining dependencies first, then source order. */
static bool node_less(const GraphNode *a, const GraphNode *b) {
    return a->ndeps < b->ndeps || (a->ndeps == b->ndeps && a->order < b->order);
}

static void heap_swap(InitOrder *io, int i, int j) {
    GraphNode *t = io->heap[i];
    io->heap[i] = io->heap[j];
    io->heap[j] = t;
    io->heap[i]->heap_index = i;
    io->heap[j]->heap_index = j;
}

static void heap_up(InitOrder *io, int i) {
    while (i > 0 && node_less(io->heap[i], io->heap[(i - 1) / 2])) {
        heap_swap(io, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void heap_down(InitOrder *io, int i) {
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < io->nheap && node_less(io->heap[l], io->heap[m])) m = l;
        if (r < io->nheap && node_less(io->heap[r], io->heap[m])) m = r;
        if (m == i) return;
        heap_swap(io, i, m);
        i = m;
    }
}

/* A path of dependencies from `from` to `to` (types2's findPath), written
 * backwards into path; returns its length, 0 if none.  seen marks visited
 * objects by their color field (COLOR_GREY + 1 stands for "seen"). */
static int find_path(Checker *c, Object *from, Object *to, Object **path, int max, int depth) {
    if (from->color == COLOR_BLACK + 1 || depth >= max) return 0;
    from->color = COLOR_BLACK + 1;
    DeclInfo *d = &c->decls[from->decl_index];
    for (int i = 0; i < d->ndeps; i++) {
        Object *dep = d->deps[i];
        if (dep == to) {
            path[0] = dep;
            return 1;
        }
        int n = find_path(c, dep, to, path, max, depth + 1);
        if (n) {
            path[n] = dep;
            return n + 1;
        }
    }
    return 0;
}

/* "initialization loop for x" with the chain of references (types2's
 * reportCycle as gc words it). */
static void report_init_cycle(Checker *c, Object **cycle, int n) {
    Object *obj = cycle[0];
    size_t cap = 256 + (size_t)n * 320, len = 0;
    char *msg = arena_alloc(c->ast, cap, 1);
    char where[256];
    len += (size_t)snprintf(msg, cap, "initialization loop for %s", obj->name);
    for (int i = n - 1; i >= 0; i--) {
        diag_format_pos(c->diag, obj->pos, where, sizeof where);
        len += (size_t)snprintf(msg + len, cap - len, "\n\t%s: %s refers to", where, obj->name);
        obj = cycle[i];
    }
    diag_format_pos(c->diag, obj->pos, where, sizeof where);
    snprintf(msg + len, cap - len, "\n\t%s: %s", where, obj->name);
    check_errorf(c, cycle[0]->pos, "%s", msg);
}

/* Computes pkg->inits: the package variables with initializers, in the
 * order the spec prescribes (dependencies first, else declaration order);
 * reports initialization cycles. */
static void init_order(Checker *c, uint32_t first, uint32_t last) {
    InitOrder io = {.c = c};
    Arena *a = c->ast;
    io.nodes = ARENA_NEW_ARRAY(a, GraphNode, last - first + 1);
    /* node index per decl: -1 for types */
    int *node_of = ARENA_NEW_ARRAY(a, int, last - first + 1);
    for (uint32_t i = first; i < last; i++) {
        Object *o = c->decls[i].obj;
        node_of[i - first] = -1;
        if (o->pkg != c->pkg || (o->kind != OBJ_CONST && o->kind != OBJ_VAR && o->kind != OBJ_FUNC)) continue;
        GraphNode *n = &io.nodes[io.nnodes];
        n->obj = o;
        n->index = (uint32_t)io.nnodes;
        n->order = i;
        node_of[i - first] = io.nnodes++;
    }
    for (int k = 0; k < io.nnodes; k++) {
        GraphNode *n = &io.nodes[k];
        DeclInfo *d = &c->decls[n->obj->decl_index];
        for (int j = 0; j < d->ndeps; j++) {
            Object *dep = d->deps[j];
            if (dep->decl_index < first || dep->decl_index >= last) continue;
            int t = node_of[dep->decl_index - first];
            if (t < 0) continue;
            edge_add(&io, n, &io.nodes[t]);
        }
    }
    /* Remove function nodes, connecting their dependents to their
     * dependencies directly (edges to removed nodes are skipped). */
    for (int k = 0; k < io.nnodes; k++) {
        GraphNode *n = &io.nodes[k];
        if (n->obj->kind != OBJ_FUNC) continue;
        for (int i = 0; i < n->npred; i++) {
            GraphNode *p = n->pred[i];
            if (p == n || p->removed) continue;
            for (int j = 0; j < n->nsucc; j++) {
                GraphNode *s = n->succ[j];
                if (s == n || s->removed) continue;
                edge_add(&io, p, s);
            }
        }
        n->removed = true;
    }
    pair_set_free(&io.edges);
    io.heap = ARENA_NEW_ARRAY(a, GraphNode *, io.nnodes + 1);
    for (int k = 0; k < io.nnodes; k++) {
        GraphNode *n = &io.nodes[k];
        if (n->removed) continue;
        n->ndeps = 0;
        for (int j = 0; j < n->nsucc; j++)
            if (!n->succ[j]->removed) n->ndeps++;
        n->heap_index = io.nheap;
        io.heap[io.nheap++] = n;
    }
    for (int i = io.nheap / 2; i >= 0; i--) heap_down(&io, i);

    Package *pkg = c->pkg;
    pkg->inits = ARENA_NEW_ARRAY(c->perm, Object *, io.nnodes + 1);
    pkg->ninits = 0;
    Object **path = ARENA_NEW_ARRAY(a, Object *, io.nnodes + 2);
    while (io.nheap > 0) {
        GraphNode *n = io.heap[0];
        heap_swap(&io, 0, --io.nheap);
        heap_down(&io, 0);
        n->heap_index = -1;
        if (n->ndeps > 0) {
            for (int k = 0; k < io.nnodes; k++)
                if (io.nodes[k].obj->color == COLOR_BLACK + 1) io.nodes[k].obj->color = COLOR_BLACK;
            int len = find_path(c, n->obj, n->obj, path, io.nnodes + 1, 0);
            for (int k = 0; k < io.nnodes; k++)
                if (io.nodes[k].obj->color == COLOR_BLACK + 1) io.nodes[k].obj->color = COLOR_BLACK;
            if (len > 0) report_init_cycle(c, path, len);
        }
        for (int i = 0; i < n->npred; i++) {
            GraphNode *p = n->pred[i];
            if (p->removed) continue;
            p->ndeps--;
            if (p->heap_index >= 0 && p->heap_index < io.nheap) heap_up(&io, p->heap_index);
        }
        if (n->obj->kind != OBJ_VAR) continue;
        DeclInfo *d = &c->decls[n->obj->decl_index];
        AstVarDecl *vd = AST_AS(AstVarDecl, d->decl);
        if (!vd->values) continue;
        if (d->lhs_count > 1) {
            /* x, y = f(): emitted once, all names together */
            bool seen = false;
            for (int i = 0; i < pkg->ninits && !seen; i++)
                seen = pkg->inits[i] == vd->names.items[0]->obj;
            if (seen) continue;
            for (int i = 0; i < d->lhs_count; i++) {
                if (pkg->ninits == io.nnodes) break;
                pkg->inits[pkg->ninits++] = vd->names.items[i]->obj;
            }
            continue;
        }
        pkg->inits[pkg->ninits++] = n->obj;
    }
}

/* ---- the package --------------------------------------------------------- */

/* Reports imports never used, as gc does ("imported and not used"). */
static void unused_imports(Checker *c, Scope **file_scopes, int nfiles) {
    for (int f = 0; f < nfiles; f++) {
        Scope *fs = file_scopes[f];
        for (uint32_t i = 0; i < fs->norder; i++) {
            Object *o = fs->order[i];
            if (o->kind != OBJ_PKG || o->parent != fs || (o->flags & OBJ_USED)) continue;
            const char *path = o->u.imported->path;
            const char *elem = strrchr(path, '/');
            elem = elem ? elem + 1 : path;
            if (strcmp(o->name, elem) == 0)
                check_errorf(c, o->pos, "imported and not used: \"%s\"", path);
            else
                check_errorf(c, o->pos, "imported and not used: \"%s\" as %s", path, o->name);
        }
    }
}

/* Resolves every object of decls [first, last) (types first, then aliases,
 * then the rest, as types2 orders them). */
static void resolve_objects(Checker *c, uint32_t first, uint32_t last) {
    for (int pass = 0; pass < 3; pass++) {
        for (uint32_t i = first; i < last; i++) {
            Object *o = c->decls[i].obj;
            bool is_type = o->kind == OBJ_TYPE;
            bool alias = is_type && (o->flags & OBJ_ALIAS);
            int want = is_type ? (alias ? 1 : 0) : 2;
            if (want == pass) check_obj_decl(c, o);
        }
    }
}

/* Checks the bodies of the functions of decls [first, last) and lists
 * them in pkg->funcs. */
static void check_bodies(Checker *c, uint32_t first, uint32_t last) {
    Package *pkg = c->pkg;
    int nfuncs = 0;
    for (uint32_t i = first; i < last; i++)
        if (c->decls[i].decl->kind == AST_FUNC_DECL) nfuncs++;
    pkg->funcs = ARENA_NEW_ARRAY(c->perm, Object *, nfuncs + 1);
    pkg->nfuncs = 0;
    for (uint32_t i = first; i < last; i++) {
        DeclInfo *d = &c->decls[i];
        /* the range also holds the packages imported meanwhile */
        if (d->decl->kind != AST_FUNC_DECL || d->obj->pkg != pkg || c->diag->too_many) continue;
        AstFuncDecl *fd = AST_AS(AstFuncDecl, d->decl);
        if (!fd->body) {
            if (!c->cfg->allow_missing_body && !pkg->fake && strcmp(fd->name->value, "init") != 0)
                check_errorf(c, d->obj->pos, "missing function body");
            continue;
        }
        if (!d->fn) continue;
        pkg->funcs[pkg->nfuncs++] = d->obj;
        c->cur_decl = &c->decls[i];
        c->fn = NULL;
        const char *from = arena_top(c->ast);
        check_func_body(c, d->fn, fd->body);
        const char *to = arena_top(c->ast);
        if (from && to > from && to - from < (1 << 20)) {
            d->body_block = from;
            d->body_len = (uint32_t)(to - from);
        }
        c->cur_decl = NULL;
        c->fn = NULL;
        c->scope = NULL;
    }
}

/* Collects, resolves and checks the files of package pkg; decls added are
 * [*first, c->ndecls). */
static void check_files(Checker *c, AstFile **files, int nfiles, uint32_t *first_out) {
    Scope **file_scopes = ARENA_NEW_ARRAY(c->ast, Scope *, nfiles + 1);
    uint32_t first = c->ndecls;
    for (int i = 0; i < nfiles; i++) {
        file_scopes[i] = scope_new(c->ast, c->pkg->scope, "file");
        collect_file(c, files[i], file_scopes[i]);
    }
    uint32_t last = c->ndecls;
    /* names of the file scopes must differ from package-level names */
    for (int i = 0; i < nfiles; i++) {
        Scope *fs = file_scopes[i];
        for (uint32_t k = 0; k < fs->norder; k++) {
            Object *o = fs->order[k];
            if (o->parent != fs || o->kind != OBJ_PKG) continue;
            Object *alt = scope_lookup_local(c->pkg->scope, o->name);
            if (!alt) continue;
            char where[256];
            diag_format_pos(c->diag, o->pos, where, sizeof where);
            check_errorf(c, alt->pos, "%s already declared through import of package %s (\"%s\")\n\t%s: other declaration of %s",
                         alt->name, o->u.imported->name, o->u.imported->path, where, o->name);
        }
    }
    associate_methods(c, first, last);
    resolve_objects(c, first, last);
    check_process_delayed(c);
    check_bodies(c, first, last);
    check_process_delayed(c);
    if (!c->pkg->fake) {
        init_order(c, first, last);
        unused_imports(c, file_scopes, nfiles);
    }
    *first_out = first;
}

/* Checks the Go source of a standard package declared inside mgc. */
Package *check_package_source(Checker *c, const char *path, const char *src) {
    Package *saved = c->pkg;
    Scope *saved_scope = c->scope;
    DeclInfo *saved_decl = c->cur_decl;
    FuncCtx *saved_fn = c->fn;
    char name[300];
    snprintf(name, sizeof name, "<mgc>/%s.go", path);
    SourceFile *sf = diag_add_source(c->diag, arena_strndup(c->perm, name, strlen(name)), src, strlen(src));
    AstFile *f = parse_file(sf, c->diag, c->ast, c->names);
    Package *pkg = ARENA_NEW(c->perm, Package);
    pkg->path = arena_strndup(c->perm, path, strlen(path));
    pkg->name = f->pkg_name ? f->pkg_name->value : pkg->path;
    pkg->fake = true;
    pkg->scope = scope_new(c->perm, c->prog->universe, "package");
    c->pkg = pkg;
    uint32_t first;
    check_files(c, &f, 1, &first);
    c->pkg = saved;
    c->scope = saved_scope;
    c->cur_decl = saved_decl;
    c->fn = saved_fn;
    return pkg;
}

/* Type-checks package main. */
Program *types_check(AstFile **files, int nfiles, const TypesConfig *cfg, Mem *mem, Diag *diag) {
    Checker ck = {0};
    Checker *c = &ck;
    c->mem = mem;
    c->perm = mem_perm(mem);
    c->ast = mem_ast(mem);
    c->names = &mem->names;
    c->diag = diag;
    c->cfg = cfg;
    c->iota = -1;
    Program *prog = ARENA_NEW(c->perm, Program);
    c->prog = prog;
    Package *pkg = ARENA_NEW(c->perm, Package);
    pkg->path = "main";
    pkg->name = nfiles > 0 && files[0]->pkg_name ? files[0]->pkg_name->value : "main";
    prog->main = pkg;
    c->pkg = pkg;
    prog->universe = universe_new(c);
    pkg->scope = scope_new(c->perm, prog->universe, "package");
    for (int i = 1; i < nfiles; i++) {
        AstName *pn = files[i]->pkg_name;
        if (pn && pn->value != files[0]->pkg_name->value)
            check_errorf(c, pn->expr.node.pos, "package %s; expected %s", pn->value, pkg->name);
    }
    uint32_t first;
    check_files(c, files, nfiles, &first);
    if (!cfg->allow_missing_body && strcmp(pkg->name, "main") == 0 && diag_errors(diag) == 0) {
        Object *m = scope_lookup_local(pkg->scope, intern(c->names, "main", 4));
        if ((!m || m->kind != OBJ_FUNC) && nfiles > 0 && files[0]->pkg_name)
            check_errorf(c, files[0]->pkg_name->expr.node.pos, "function main is undeclared in the main package");
    }
    for (int i = 0; i < c->nifaces; i++)
        interface_complete(c, c->ifaces[i]);
    /* Errors that follow a refusal may come from the refused construct
     * (an unsupported name has no type, a generic call no result): once
     * mgc has refused something, it reports only its refusals. */
    diag_keep_prefix(diag, REFUSAL_PREFIX);
    pair_set_free(&c->dep_set);
    check_consts_free(c);
    prog->decls = c->decls;
    prog->ndecls = c->ndecls;
    return prog;
}

const void *types_body_block(const Program *prog, const Object *o, size_t *len) {
    if (!o || !(o->flags & OBJ_PKG_LEVEL) || o->decl_index >= prog->ndecls) return NULL;
    const DeclInfo *d = &prog->decls[o->decl_index];
    if (d->obj != o || !d->body_block) return NULL;
    *len = d->body_len;
    return d->body_block;
}

AstNode *types_decl_node(const Program *prog, const Object *o) {
    if (!o || !(o->flags & OBJ_PKG_LEVEL) || o->decl_index >= prog->ndecls) return NULL;
    const DeclInfo *d = &prog->decls[o->decl_index];
    return d->obj == o ? d->decl : NULL;
}

/* expr.c — operands: names, literals, unary and binary operations with
 * constant folding, untyped conversions, assignability and convertibility
 * (spec "Expressions", "Constant expressions", "Assignability").
 *
 * Untyped expressions are recorded with their untyped type first; when the
 * context gives them a type (assignment, an operand of another type, a
 * conversion, the default type), update_expr_type walks down the tree and
 * records the final type, as types2's updateExprType does.  Operands of a
 * constant expression keep their untyped type: they never exist at run
 * time.  The left operand of a non-constant shift takes the type the shift
 * gets from its context, and must then be an integer. */
#include <string.h>

#include "types/check.h"

/* One message-sized buffer, so that calls can format several types and
 * operands at once. */
typedef struct Buf { char s[512]; } Buf;

#define TSTR(t, b) type_string((t), (b).s, sizeof (b).s)
#define OSTR(c, x, b) operand_string((c), (x), (b).s, sizeof (b).s)
#define ESTR(e, b) expr_string((e), (b).s, sizeof (b).s)

/* Why an untyped value cannot take a type (types2's error codes). */
typedef enum ConvCode { CONV_OK, CONV_TRUNCATED, CONV_OVERFLOW, CONV_INVALID } ConvCode;

static void raw_expr(Checker *c, Operand *x, AstNode *e, Type *hint);

/* ---- small predicates --------------------------------------------------- */

/* True if n has an AstExpr header (expressions and type expressions). */
static bool is_expr_node(const AstNode *n) {
    return n && n->kind >= AST_BAD_EXPR && n->kind <= AST_CHAN_TYPE && n->kind != AST_FIELD;
}

/* The underlying type; the invalid type for a missing one. */
static Type *under(Type *t) { return t ? type_underlying(t) : type_invalid(); }

static bool is_invalid_type(Type *t) { return !t || t->kind == TY_INVALID; }

/* x is the predeclared nil (which keeps being nil once converted to the
 * type of the other operand of a comparison). */
static bool is_nil(const Operand *x) {
    if (x->type && x->type->kind == TY_UNTYPED_NIL)
        return true;
    AstNode *e = x->expr ? ast_unparen(x->expr) : NULL;
    return e && e->kind == AST_NAME && AST_AS(AstName, e)->obj && AST_AS(AstName, e)->obj->kind == OBJ_NIL;
}

/* complex64 or complex128 (refused where they arise; tolerated after). */
static bool is_complex(Type *t) {
    TypeKind k = type_underlying(t)->kind;
    return k == TY_COMPLEX64 || k == TY_COMPLEX128;
}

/* Basic types and named types have names; composite literals of types do not. */
static bool has_name(Type *t) { return t->kind <= TY_UNTYPED_NIL || t->kind == TY_NAMED; }

static bool is_basic_kind(TypeKind k) { return k >= TY_BOOL && k <= TY_UNTYPED_NIL; }

/* Types whose values < and > apply to. */
static bool is_ordered(Type *t) {
    return type_is_integer(t) || type_is_float(t) || type_is_string(t);
}

/* Types whose values can be nil. */
static bool has_nil(Type *t) {
    switch (under(t)->kind) {
    case TY_UNSAFE_POINTER: case TY_SLICE: case TY_POINTER: case TY_FUNC:
    case TY_MAP: case TY_CHAN: case TY_INTERFACE:
        return true;
    default:
        return false;
    }
}

/* The arena constant values of the current context live in: the ast
 * region inside functions, perm for package-level constants. */
Arena *check_const_arena(Checker *c) { return c->fn ? c->ast : c->perm; }

/* The lexer's token for an operator (const.h speaks in tokens). */
static TokenKind op_token(AstOp op) {
    switch (op) {
    case OP_ADD: return TOK_ADD;
    case OP_SUB: return TOK_SUB;
    case OP_MUL: return TOK_MUL;
    case OP_DIV: return TOK_QUO;
    case OP_REM: return TOK_REM;
    case OP_AND: return TOK_AND;
    case OP_OR: return TOK_OR;
    case OP_XOR: return TOK_XOR;
    case OP_AND_NOT: return TOK_AND_NOT;
    case OP_SHL: return TOK_SHL;
    case OP_SHR: return TOK_SHR;
    case OP_ANDAND: return TOK_LAND;
    case OP_OROR: return TOK_LOR;
    case OP_EQL: return TOK_EQL;
    case OP_NEQ: return TOK_NEQ;
    case OP_LSS: return TOK_LSS;
    case OP_LEQ: return TOK_LEQ;
    case OP_GTR: return TOK_GTR;
    case OP_GEQ: return TOK_GEQ;
    case OP_NOT: return TOK_NOT;
    case OP_RECV: return TOK_ARROW;
    default: return TOK_EOF;
    }
}

static bool is_comparison(AstOp op) { return op >= OP_EQL && op <= OP_GEQ; }
static bool is_shift(AstOp op) { return op == OP_SHL || op == OP_SHR; }

/* const.h's name for a typed basic kind; false for kinds constants
 * cannot have. */
static bool const_type_of(TypeKind k, ConstType *out) {
    static const struct { TypeKind k; ConstType c; } map[] = {
        {TY_BOOL, CTYPE_BOOL}, {TY_STRING, CTYPE_STRING},
        {TY_INT, CTYPE_INT}, {TY_INT8, CTYPE_INT8}, {TY_INT16, CTYPE_INT16},
        {TY_INT32, CTYPE_INT32}, {TY_INT64, CTYPE_INT64},
        {TY_UINT, CTYPE_UINT}, {TY_UINT8, CTYPE_UINT8}, {TY_UINT16, CTYPE_UINT16},
        {TY_UINT32, CTYPE_UINT32}, {TY_UINT64, CTYPE_UINT64}, {TY_UINTPTR, CTYPE_UINTPTR},
        {TY_FLOAT32, CTYPE_FLOAT32}, {TY_FLOAT64, CTYPE_FLOAT64},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].k == k) {
            *out = map[i].c;
            return true;
        }
    return false;
}

/* Bits of a typed unsigned integer kind (for constant ^x), else 0. */
static int unsigned_bits(Type *t) {
    switch (under(t)->kind) {
    case TY_UINT8: return 8;
    case TY_UINT16: return 16;
    case TY_UINT32: return 32;
    case TY_UINT: case TY_UINT64: case TY_UINTPTR: return 64;
    default: return 0;
    }
}

/* ---- recording ----------------------------------------------------------- */

/* Records the final type and constant of e in the AST. */
void check_record(Checker *c, AstNode *e, const Operand *x) {
    if (!is_expr_node(e))
        return;
    AstExpr *ae = (AstExpr *)e;
    if (x->mode == MODE_INVALID || !x->type) {
        ae->type = type_invalid();
        ae->cval = NULL;
        return;
    }
    ae->type = x->type;
    ae->cval = NULL;
    if (x->mode == MODE_CONSTANT)
        ae->cval = check_const_ref(c, &x->val);
}

/* Replaces the recorded constant of e (after a representation change). */
static void update_expr_val(Checker *c, AstNode *e, const Const *v) {
    if (!is_expr_node(e))
        return;
    AstExpr *ae = (AstExpr *)e;
    if (!ae->cval)
        return;
    ae->cval = check_const_ref(c, v);
    if (e->kind == AST_PAREN_EXPR)
        update_expr_val(c, AST_AS(AstParenExpr, e)->x, v);
}

/* ---- representability and implicit conversion --------------------------- */

/* Checks that constant v can be represented in basic type t (typed or
 * untyped); *out receives the value it takes there. */
static ConstError representable_const(const Const *v, Type *t, Const *out) {
    Const tmp;
    if (!out)
        out = &tmp;
    *out = *v;
    if (v->kind == CONST_UNKNOWN)
        return CONST_OK;
    TypeKind k = under(t)->kind;
    bool num = v->kind == CONST_INT || v->kind == CONST_FLOAT;
    switch (k) {
    case TY_UNTYPED_BOOL:
        return v->kind == CONST_BOOL ? CONST_OK : CONST_ERR_MISMATCH;
    case TY_UNTYPED_STRING:
        return v->kind == CONST_STRING ? CONST_OK : CONST_ERR_MISMATCH;
    case TY_UNTYPED_INT: case TY_UNTYPED_RUNE:
        if (!num)
            return CONST_ERR_MISMATCH;
        return const_to_int(v, out) == CONST_OK ? CONST_OK : CONST_ERR_TRUNCATED;
    case TY_UNTYPED_FLOAT:
        if (!num)
            return CONST_ERR_MISMATCH;
        return const_to_float(v, out);
    case TY_COMPLEX64: case TY_COMPLEX128:
        return num ? CONST_OK : CONST_ERR_MISMATCH;
    default: {
        ConstType ct;
        if (!const_type_of(k, &ct))
            return CONST_ERR_MISMATCH;
        return const_representable(v, ct, out);
    }
    }
}

/* Whether constant x fits basic type t, and why not (types2's representation). */
static ConvCode representation(const Operand *x, Type *t, Const *out) {
    ConstError err = representable_const(&x->val, t, out);
    if (err == CONST_OK)
        return CONV_OK;
    if (type_is_numeric(x->type) && type_is_numeric(t)) {
        if (!type_is_integer(x->type) && type_is_integer(t))
            return CONV_TRUNCATED;
        return CONV_OVERFLOW;
    }
    return CONV_INVALID;
}

/* Reports that x cannot take type t. */
static void invalid_conversion(Checker *c, ConvCode code, const Operand *x, Type *t) {
    Buf bx, bt;
    OSTR(c, x, bx);
    TSTR(t, bt);
    Pos pos = ast_start_pos(x->expr);
    if (code == CONV_TRUNCATED)
        check_errorf(c, pos, "%s truncated to %s", bx.s, bt.s);
    else if (code == CONV_OVERFLOW)
        check_errorf(c, pos, "%s overflows %s", bx.s, bt.s);
    else
        check_errorf(c, pos, "cannot convert %s to %s", bx.s, bt.s);
}

/* Checks that constant x is representable in basic type t and gives x
 * that value; reports and invalidates x otherwise. */
bool check_representable(Checker *c, Operand *x, Type *t) {
    Const v;
    ConvCode code = representation(x, t, &v);
    if (code != CONV_OK) {
        invalid_conversion(c, code, x, under(t));
        x->mode = MODE_INVALID;
        return false;
    }
    x->val = v;
    return true;
}

/* The type an untyped x takes in a context of type target (NULL and *code
 * set if it cannot), and in *val its value there (types2's
 * implicitTypeAndValue). */
static Type *implicit_type(Checker *c, const Operand *x, Type *target, Const *val, bool *has_val, ConvCode *code) {
    (void)c;
    *has_val = false;
    *code = CONV_OK;
    if (x->mode == MODE_INVALID || !type_is_untyped(x->type) || is_invalid_type(target))
        return x->type;
    if (type_is_untyped(target)) {
        TypeKind xk = x->type->kind, tk = target->kind;
        if (type_is_numeric(x->type) && type_is_numeric(target)) {
            if (xk < tk)
                return target;
        } else if (xk != tk) {
            *code = CONV_INVALID;
            return NULL;
        }
        return x->type;
    }
    if (is_nil(x)) {
        if (has_nil(target))
            return target;
        *code = CONV_INVALID;
        return NULL;
    }
    Type *u = under(target);
    if (is_basic_kind(u->kind)) {
        if (x->mode == MODE_CONSTANT) {
            *code = representation(x, u, val);
            if (*code != CONV_OK)
                return NULL;
            *has_val = true;
            return target;
        }
        bool ok;
        switch (x->type->kind) {
        case TY_UNTYPED_BOOL: ok = type_is_boolean(u); break;
        case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: case TY_UNTYPED_FLOAT: ok = type_is_numeric(u); break;
        case TY_UNTYPED_STRING: ok = type_is_string(u); break;
        default: ok = false; break;
        }
        if (!ok) {
            *code = CONV_INVALID;
            return NULL;
        }
        return target;
    }
    if (u->kind == TY_INTERFACE) {
        interface_complete(c, u);
        if (u->u.iface.nall != 0) {   /* untyped values only go into empty interfaces */
            *code = CONV_INVALID;
            return NULL;
        }
        return type_default(x->type);
    }
    *code = CONV_INVALID;
    return NULL;
}

/* Records the final (or a wider untyped) type t for the untyped
 * expression e and its untyped operands; parent is e's parent, for the
 * shift message. */
static void update_expr_type(Checker *c, AstNode *e, AstNode *parent, Type *t, bool final, bool is_lhs) {
    if (!is_expr_node(e))
        return;
    AstExpr *ae = (AstExpr *)e;
    Type *old = ae->type;
    if (!old || !type_is_untyped(old) || old == t)
        return;
    switch (e->kind) {
    case AST_PAREN_EXPR:
        update_expr_type(c, AST_AS(AstParenExpr, e)->x, e, t, final, is_lhs);
        break;
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (ae->cval)
            break;                  /* operands of constants are never materialized */
        if (!op->y) {
            if (op->op != OP_MUL)
                update_expr_type(c, op->x, e, t, final, false);
        } else if (is_comparison(op->op)) {
            /* the result type does not depend on the operands' */
        } else if (is_shift(op->op)) {
            AstNode *lhs = op->x;
            bool lhs_const = is_expr_node(lhs) && ((AstExpr *)lhs)->cval != NULL;
            update_expr_type(c, lhs, e, t, final, lhs_const);
        } else {
            update_expr_type(c, op->x, e, t, final, false);
            update_expr_type(c, op->y, e, t, final, false);
        }
        break;
    }
    case AST_NAME: case AST_BASIC_LIT: case AST_SELECTOR_EXPR: case AST_CALL_EXPR:
        break;
    default:
        return;
    }
    if (!final && type_is_untyped(t)) {
        ae->type = under(t);
        return;
    }
    if (is_lhs && !type_is_integer(t)) {
        Buf bp, bt;
        check_errorf(c, ast_start_pos(e), "invalid operation: %s (shift of type %s)",
                     ESTR(parent ? parent : e, bp), TSTR(t, bt));
        ae->type = t;
        return;
    }
    if (ae->cval) {
        Operand k = {.mode = MODE_CONSTANT, .expr = e, .type = old, .val = *ae->cval};
        Const v;
        bool has_val;
        ConvCode code;
        Type *nt = implicit_type(c, &k, t, &v, &has_val, &code);
        if (!nt) {
            invalid_conversion(c, code, &k, under(t));
            ae->type = t;
            return;
        }
        if (has_val)
            ae->cval = check_const_ref(c, &v);
    }
    ae->type = t;
}

/* Converts an untyped x to type t, or to its default type when t is NULL. */
void check_convert_untyped(Checker *c, Operand *x, Type *t) {
    if (x->mode == MODE_INVALID || !x->type || !type_is_untyped(x->type))
        return;
    if (!t)
        t = type_default(x->type);
    Const v;
    bool has_val;
    ConvCode code;
    Type *nt = implicit_type(c, x, t, &v, &has_val, &code);
    if (!nt) {
        invalid_conversion(c, code, x, under(t));
        x->mode = MODE_INVALID;
        return;
    }
    if (has_val) {
        x->val = v;
        update_expr_val(c, x->expr, &v);
    }
    if (nt != x->type) {
        x->type = nt;
        update_expr_type(c, x->expr, NULL, nt, false, false);
    }
}

/* Gives an untyped x its default type. */
void check_use_default(Checker *c, Operand *x) {
    if (x->mode != MODE_INVALID && x->type && type_is_untyped(x->type) && !is_nil(x))
        check_convert_untyped(c, x, NULL);
}

/* ---- assignability and convertibility ------------------------------------ */

/* True if a value of type v (or operand x, whose untyped constants
 * matter) is assignable to type t (spec "Assignability"). */
bool types_assignable(Checker *c, Type *v, const Operand *x, Type *t, char *reason, size_t n) {
    if (x)
        v = x->type;
    if ((x && x->mode == MODE_INVALID) || is_invalid_type(v) || is_invalid_type(t))
        return true;                /* avoid follow-on errors */
    if (type_identical(v, t))
        return true;
    Type *vu = under(v), *tu = under(t);
    if (type_is_untyped(vu)) {
        Operand tmp;
        if (!x) {
            memset(&tmp, 0, sizeof tmp);
            tmp.mode = MODE_VALUE;
            tmp.type = v;
            x = &tmp;
        }
        Const val;
        bool has_val;
        ConvCode code;
        return implicit_type(c, x, t, &val, &has_val, &code) != NULL;
    }
    if (type_identical(vu, tu) && (!has_name(v) || !has_name(t)))
        return true;
    if (tu->kind == TY_INTERFACE) {
        char why[400];
        if (types_implements(c, v, t, why, sizeof why))
            return true;
        if (reason && n) {
            Buf bv, bt;
            snprintf(reason, n, "%s does not implement %s %s", TSTR(v, bv), TSTR(t, bt), why);
        }
        return false;
    }
    if (tu->kind == TY_POINTER && under(tu->u.array.elem)->kind == TY_INTERFACE) {
        if (reason && n) {
            Buf bt;
            snprintf(reason, n, "type %s is pointer to interface, not interface", TSTR(t, bt));
        }
        return false;
    }
    if (vu->kind == TY_INTERFACE && types_implements(c, t, v, NULL, 0)) {
        if (reason && n)
            snprintf(reason, n, "need type assertion");
        return false;
    }
    if (vu->kind == TY_CHAN && vu->u.chan.dir == CHAN_BOTH && tu->kind == TY_CHAN &&
        type_identical(vu->u.chan.elem, tu->u.chan.elem))
        return !has_name(v) || !has_name(t);
    return false;
}

/* []byte or []rune (by underlying element type). */
static bool is_bytes_or_runes(Type *t) {
    Type *u = under(t);
    if (u->kind != TY_SLICE)
        return false;
    TypeKind k = under(u->u.array.elem)->kind;
    return k == TY_UINT8 || k == TY_INT32;
}

/* True if a non-constant x can be converted to t (spec "Conversions");
 * cause (if not NULL) may receive gc's explanation. */
static bool convertible(Checker *c, const Operand *x, Type *t, char *cause, size_t n) {
    if (types_assignable(c, NULL, x, t, cause, n))
        return true;
    Type *v = x->type, *vu = under(v), *tu = under(t);
    if (type_identical(vu, tu))
        return true;
    if (v->kind == TY_POINTER && t->kind == TY_POINTER &&
        type_identical(under(v->u.array.elem), under(t->u.array.elem)))
        return true;
    bool vnum = type_is_integer(vu) || type_is_float(vu);
    bool tnum = type_is_integer(tu) || type_is_float(tu);
    if ((vnum && tnum) || (is_complex(vu) && is_complex(tu)))
        return true;
    if ((type_is_integer(vu) || is_bytes_or_runes(vu)) && type_is_string(tu))
        return true;
    if (type_is_string(vu) && is_bytes_or_runes(tu))
        return true;
    if ((vu->kind == TY_POINTER || vu->kind == TY_UINTPTR) && tu->kind == TY_UNSAFE_POINTER)
        return true;
    if (vu->kind == TY_UNSAFE_POINTER && (tu->kind == TY_POINTER || tu->kind == TY_UINTPTR))
        return true;
    if (vu->kind == TY_SLICE && tu->kind == TY_POINTER) {
        Type *a = under(tu->u.array.elem);
        if (a->kind == TY_ARRAY && type_identical(vu->u.array.elem, a->u.array.elem))
            return true;
    }
    return false;
}

/* True if a non-constant x can be converted to t (spec "Conversions"). */
bool types_convertible(Checker *c, const Operand *x, Type *t) {
    return convertible(c, x, t, NULL, 0);
}

/* Checks that x can be assigned to a variable of type t (NULL: the blank
 * identifier), giving an untyped x its type; context is gc's phrase. */
bool check_assignable_to(Checker *c, Operand *x, Type *t, const char *context) {
    Buf bx, bt;
    if (x->mode == MODE_INVALID)
        return false;
    if (x->mode == MODE_VALUE && x->type && x->type->kind == TY_TUPLE) {
        check_errorf(c, ast_start_pos(x->expr), "multiple-value %s in single-value context", OSTR(c, x, bx));
        x->mode = MODE_INVALID;
        return false;
    }
    if (x->mode == MODE_NOVALUE || x->mode == MODE_BUILTIN || x->mode == MODE_TYPEXPR) {
        check_errorf(c, ast_start_pos(x->expr), "cannot assign %s to %s in %s", OSTR(c, x, bx),
                     t ? TSTR(t, bt) : "_", context);
        x->mode = MODE_INVALID;
        return false;
    }
    if (type_is_untyped(x->type)) {
        Type *target = t;
        if (is_nil(x)) {
            if (!t) {
                check_errorf(c, ast_start_pos(x->expr), "use of untyped nil in %s", context);
                x->mode = MODE_INVALID;
                return false;
            }
        } else if (!t || type_is_interface(t)) {
            target = type_default(x->type);
        }
        Const v;
        bool has_val;
        ConvCode code;
        Type *nt = implicit_type(c, x, target, &v, &has_val, &code);
        if (!nt) {
            const char *why = code == CONV_TRUNCATED ? " (truncated)" : code == CONV_OVERFLOW ? " (overflows)" : "";
            check_errorf(c, ast_start_pos(x->expr), "cannot use %s as %s value in %s%s", OSTR(c, x, bx),
                         TSTR(target, bt), context, why);
            x->mode = MODE_INVALID;
            return false;
        }
        if (has_val) {
            x->val = v;
            update_expr_val(c, x->expr, &v);
        }
        if (nt != x->type) {
            x->type = nt;
            update_expr_type(c, x->expr, NULL, nt, false, false);
        }
    }
    if (!t)
        return true;
    char reason[512] = "";
    if (!types_assignable(c, NULL, x, t, reason, sizeof reason)) {
        if (reason[0])
            check_errorf(c, ast_start_pos(x->expr), "cannot use %s as type %s in %s:\n\t%s", OSTR(c, x, bx),
                         TSTR(t, bt), context, reason);
        else
            check_errorf(c, ast_start_pos(x->expr), "cannot use %s as type %s in %s", OSTR(c, x, bx),
                         TSTR(t, bt), context);
        x->mode = MODE_INVALID;
        return false;
    }
    return true;
}

/* ---- names and literals --------------------------------------------------- */

/* Adds obj to the captured variables of fn (once). */
static void add_capture(Checker *c, FuncCtx *fn, Object *obj) {
    for (int i = 0; i < fn->ncaptured; i++)
        if (fn->captured[i] == obj)
            return;
    if (fn->ncaptured == fn->capcaptured) {
        int cap = fn->capcaptured ? 2 * fn->capcaptured : 4;
        Object **a = ARENA_NEW_ARRAY(c->ast, Object *, cap);
        if (fn->ncaptured)
            memcpy(a, fn->captured, sizeof(Object *) * (size_t)fn->ncaptured);
        fn->captured = a;
        fn->capcaptured = cap;
    }
    fn->captured[fn->ncaptured++] = obj;
}

/* A local variable found in scope `found` from inside a closure is
 * captured by every function literal between here and its declaration. */
static void note_capture(Checker *c, Object *obj, const Scope *found) {
    FuncCtx *fn = c->fn;
    for (const Scope *s = c->scope; s && s != found && fn; s = s->parent) {
        if (s->is_func && s == fn->scope) {
            obj->flags |= OBJ_CAPTURED;
            add_capture(c, fn, obj);
            fn = fn->outer;
        }
    }
}

/* An identifier: a variable, constant, type, function, builtin or nil. */
static void check_ident(Checker *c, Operand *x, AstName *e) {
    Buf b;
    x->mode = MODE_INVALID;
    x->expr = &e->expr.node;
    const Scope *found = NULL;
    Object *obj = scope_lookup(c->scope, e->value, &found);
    if (!obj) {
        if (strcmp(e->value, "_") == 0)
            check_errorf(c, e->expr.node.pos, "cannot use _ as value");
        else
            check_errorf(c, e->expr.node.pos, "undefined: %s", e->value);
        return;
    }
    e->obj = obj;
    if (!obj->type && obj->kind != OBJ_PKG && obj->kind != OBJ_BUILTIN && obj->kind != OBJ_NIL)
        check_obj_decl(c, obj);
    Type *typ = obj->type;
    switch (obj->kind) {
    case OBJ_PKG:
        check_errorf(c, e->expr.node.pos, "use of package %s not in selector", obj->name);
        return;
    case OBJ_CONST:
        check_record_use(c, obj);
        if (is_invalid_type(typ))
            return;
        if (found == c->prog->universe && strcmp(obj->name, "iota") == 0) {
            if (c->iota < 0) {
                check_errorf(c, e->expr.node.pos, "cannot use iota outside constant declaration");
                return;
            }
            x->val = const_make_int64(c->iota);
        } else if (obj->u.val) {
            x->val = *obj->u.val;
        } else {
            x->val = const_make_unknown();
        }
        x->mode = MODE_CONSTANT;
        break;
    case OBJ_TYPE:
        if (typ && is_complex(typ) && typ->kind != TY_NAMED)
            check_unsupported(c, e->expr.node.pos, "complex numbers");
        if (is_invalid_type(typ)) {
            x->type = type_invalid();
            x->mode = MODE_TYPEXPR;
            return;
        }
        x->mode = MODE_TYPEXPR;
        break;
    case OBJ_VAR:
        obj->flags |= OBJ_USED;
        check_record_use(c, obj);
        if (!(obj->flags & OBJ_PKG_LEVEL) && c->fn)
            note_capture(c, obj, found);
        if (is_invalid_type(typ))
            return;
        x->mode = MODE_VARIABLE;
        break;
    case OBJ_FUNC:
        check_record_use(c, obj);
        if (is_invalid_type(typ))
            return;
        x->mode = MODE_VALUE;
        break;
    case OBJ_BUILTIN:
        x->builtin = obj->u.builtin;
        x->mode = MODE_BUILTIN;
        typ = type_invalid();
        break;
    case OBJ_NIL:
        x->mode = MODE_VALUE;
        typ = type_basic(TY_UNTYPED_NIL);
        break;
    default:
        check_errorf(c, e->expr.node.pos, "undefined: %s", ESTR(&e->expr.node, b));
        return;
    }
    x->type = typ;
}

/* A basic literal: an untyped constant. */
static void check_basic_lit(Checker *c, Operand *x, AstBasicLit *e) {
    static const TokenKind tok[] = {
        [LIT_INT] = TOK_INT, [LIT_FLOAT] = TOK_FLOAT, [LIT_IMAG] = TOK_IMAG,
        [LIT_RUNE] = TOK_RUNE, [LIT_STRING] = TOK_STRING,
    };
    static const TypeKind kind[] = {
        [LIT_INT] = TY_UNTYPED_INT, [LIT_FLOAT] = TY_UNTYPED_FLOAT, [LIT_IMAG] = TY_UNTYPED_FLOAT,
        [LIT_RUNE] = TY_UNTYPED_RUNE, [LIT_STRING] = TY_UNTYPED_STRING,
    };
    x->mode = MODE_INVALID;
    if (e->bad)
        return;
    if (e->lit_kind == LIT_IMAG) {
        check_unsupported(c, e->expr.node.pos, "complex numbers");
        return;
    }
    if (e->lit_kind != LIT_STRING && e->lit_kind != LIT_RUNE && e->len > 10000) {
        check_errorf(c, e->expr.node.pos, "excessively long constant: %.10s... (%u chars)", e->value, e->len);
        return;
    }
    Const v;
    ConstError err = const_from_literal(check_const_arena(c), tok[e->lit_kind], e->value, e->len, &v);
    if (err != CONST_OK) {
        check_errorf(c, e->expr.node.pos, "malformed constant: %s", e->value);
        return;
    }
    x->mode = MODE_CONSTANT;
    x->type = type_basic(kind[e->lit_kind]);
    x->val = v;
}

/* ---- unary and binary operations ------------------------------------------ */

/* Marks the variable whose storage &e exposes as address-taken. */
void check_mark_addr_taken(Checker *c, AstNode *e) {
    (void)c;
    for (;;) {
        e = ast_unparen(e);
        if (!e)
            return;
        if (e->kind == AST_NAME) {
            Object *obj = AST_AS(AstName, e)->obj;
            if (obj && obj->kind == OBJ_VAR)
                obj->flags |= OBJ_ADDRTAKEN;
            return;
        }
        if (e->kind == AST_SELECTOR_EXPR) {
            AstNode *x = AST_AS(AstSelectorExpr, e)->x;
            Type *t = is_expr_node(x) ? ((AstExpr *)x)->type : NULL;
            if (!t || under(t)->kind != TY_STRUCT)
                return;             /* a pointer was followed: the variable is elsewhere */
            e = x;
            continue;
        }
        if (e->kind == AST_INDEX_EXPR) {
            AstNode *x = AST_AS(AstIndexExpr, e)->x;
            Type *t = is_expr_node(x) ? ((AstExpr *)x)->type : NULL;
            if (!t || under(t)->kind != TY_ARRAY)
                return;
            e = x;
            continue;
        }
        return;
    }
}

/* Reports op not defined on x; the predicates are the spec's operand
 * classes per operator. */
static bool check_op_defined(Checker *c, Operand *x, AstOp op) {
    Type *t = x->type;
    bool ok;
    switch (op) {
    case OP_ADD: ok = type_is_numeric(t) || type_is_string(t); break;
    case OP_SUB: case OP_MUL: case OP_DIV: ok = type_is_numeric(t); break;
    case OP_REM: case OP_AND: case OP_OR: case OP_XOR: case OP_AND_NOT: ok = type_is_integer(t); break;
    case OP_ANDAND: case OP_OROR: case OP_NOT: ok = type_is_boolean(t); break;
    default: ok = false; break;
    }
    if (!ok) {
        Buf bx;
        check_errorf(c, ast_start_pos(x->expr), "invalid operation: operator %s not defined on %s",
                     ast_op_name(op), OSTR(c, x, bx));
    }
    return ok;
}

/* Reports an error in a constant operation at the operator. */
static void const_op_error(Checker *c, ConstError err, AstOp op, bool unary, Pos pos) {
    if (err == CONST_ERR_DIV_ZERO) {
        check_errorf(c, pos, "invalid operation: division by zero");
        return;
    }
    if (err == CONST_ERR_OVERFLOW) {
        const char *name = const_op_name(op_token(op), unary);
        if (name[0])
            check_errorf(c, pos, "constant %s overflow", name);
        else
            check_errorf(c, pos, "constant overflow");
        return;
    }
    check_errorf(c, pos, "constant result is not representable");
}

/* After a constant operation: a typed constant must stay representable in
 * its type. */
static void check_overflow(Checker *c, Operand *x) {
    if (x->val.kind == CONST_UNKNOWN || type_is_untyped(x->type))
        return;
    check_representable(c, x, under(x->type));
}

/* Unary +, -, !, ^, &, <-.  (* is handled in expr_internal.) */
static void check_unary(Checker *c, Operand *x, AstOperation *e) {
    Buf bx;
    check_expr(c, x, e->x);
    if (x->mode == MODE_INVALID)
        return;
    switch (e->op) {
    case OP_AND: {
        AstNode *inner = ast_unparen(e->x);
        if (inner->kind != AST_COMPOSITE_LIT && x->mode != MODE_VARIABLE) {
            check_errorf(c, ast_start_pos(x->expr), "invalid operation: cannot take address of %s", OSTR(c, x, bx));
            x->mode = MODE_INVALID;
            return;
        }
        check_mark_addr_taken(c, e->x);
        x->mode = MODE_VALUE;
        x->type = type_new_pointer(c->perm, x->type);
        return;
    }
    case OP_RECV: {
        Type *u = under(x->type);
        if (u->kind != TY_CHAN) {
            check_errorf(c, ast_start_pos(x->expr), "invalid operation: cannot receive from non-channel %s",
                         OSTR(c, x, bx));
            x->mode = MODE_INVALID;
            return;
        }
        if (u->u.chan.dir == CHAN_SEND) {
            check_errorf(c, ast_start_pos(x->expr),
                         "invalid operation: cannot receive from send-only channel %s", OSTR(c, x, bx));
            x->mode = MODE_INVALID;
            return;
        }
        c->prog->uses_goroutines = true;
        x->mode = MODE_COMMAOK;
        x->type = u->u.chan.elem;
        return;
    }
    case OP_TILDE:
        check_errorf(c, e->expr.node.pos, "cannot use ~ outside of interface or type constraint");
        x->mode = MODE_INVALID;
        return;
    default:
        break;
    }
    AstOp op = e->op;
    bool ok;
    switch (op) {
    case OP_ADD: case OP_SUB: ok = type_is_numeric(x->type); break;
    case OP_XOR: ok = type_is_integer(x->type); break;
    case OP_NOT: ok = type_is_boolean(x->type); break;
    default: ok = false; break;
    }
    if (!ok) {
        check_errorf(c, ast_start_pos(x->expr), "invalid operation: operator %s not defined on %s",
                     ast_op_name(op), OSTR(c, x, bx));
        x->mode = MODE_INVALID;
        return;
    }
    if (x->mode == MODE_CONSTANT) {
        if (x->val.kind == CONST_UNKNOWN)
            return;
        Const v;
        ConstError err = const_unary(op_token(op), &x->val, unsigned_bits(x->type), &v);
        if (err != CONST_OK) {
            const_op_error(c, err, op, true, e->expr.node.pos);
            x->val = const_make_unknown();
            return;
        }
        x->val = v;
        x->expr = &e->expr.node;
        check_overflow(c, x);
        return;
    }
    x->mode = MODE_VALUE;
}

/* x << y, x >> y (types2's shift, with the delayed typing of an untyped
 * constant left operand of a non-constant shift). */
static void check_shift(Checker *c, Operand *x, Operand *y, AstNode *e, AstOp op) {
    Buf b;
    Const xval = {0};
    bool xint = false;
    if (x->mode == MODE_CONSTANT) {
        xint = const_is_integral(&x->val) || x->val.kind == CONST_UNKNOWN;
        if (const_to_int(&x->val, &xval) != CONST_OK)
            xval = x->val; /* an integral float wider than 512 bits */
    }
    if (!(type_is_integer(x->type) || (type_is_untyped(x->type) && xint))) {
        check_errorf(c, ast_start_pos(x->expr), "invalid operation: shifted operand %s must be integer",
                     OSTR(c, x, b));
        x->mode = MODE_INVALID;
        return;
    }
    Const yval = {0};
    if (y->mode == MODE_CONSTANT) {
        if (const_to_int(&y->val, &yval) == CONST_OK && const_sign(&yval) < 0) {
            check_errorf(c, ast_start_pos(y->expr), "invalid operation: negative shift count %s", OSTR(c, y, b));
            x->mode = MODE_INVALID;
            return;
        }
        if (type_is_untyped(y->type)) {
            Operand yc = *y;
            if (!check_representable(c, &yc, type_basic(TY_UINT))) {
                x->mode = MODE_INVALID;
                return;
            }
        }
    } else if (type_is_integer(y->type) && !type_is_untyped(y->type)) {
        /* ok */
    } else if (type_is_untyped(y->type)) {
        /* a non-constant untyped count (itself a shift of a constant)
         * becomes a uint, so that it has a type at run time */
        check_convert_untyped(c, y, type_basic(TY_UINT));
        if (y->mode == MODE_INVALID) {
            x->mode = MODE_INVALID;
            return;
        }
    } else {
        check_errorf(c, ast_start_pos(y->expr), "invalid operation: shift count %s must be integer", OSTR(c, y, b));
        x->mode = MODE_INVALID;
        return;
    }
    if (x->mode == MODE_CONSTANT) {
        if (y->mode == MODE_CONSTANT) {
            if (!type_is_integer(x->type))
                x->type = type_basic(TY_UNTYPED_INT);
            if (x->val.kind == CONST_UNKNOWN || y->val.kind == CONST_UNKNOWN) {
                x->val = const_make_unknown();
                return;
            }
            uint64_t s;
            if (!const_to_uint64(&yval, &s) || s > CONST_SHIFT_BOUND) {
                check_errorf(c, ast_start_pos(y->expr), "invalid operation: invalid shift count %s", OSTR(c, y, b));
                x->mode = MODE_INVALID;
                return;
            }
            Const v;
            ConstError err = const_shift(op_token(op), &xval, &yval, &v);
            x->expr = e;
            if (err != CONST_OK) {
                const_op_error(c, err, op, false, e ? e->pos : ast_start_pos(x->expr));
                x->val = const_make_unknown();
                return;
            }
            x->val = v;
            check_overflow(c, x);
            return;
        }
        if (type_is_untyped(x->type)) {
            /* the constant's type comes from the context (update_expr_type) */
            x->mode = MODE_VALUE;
            return;
        }
    }
    if (!type_is_integer(x->type)) {
        check_errorf(c, ast_start_pos(x->expr), "invalid operation: shifted operand %s must be integer",
                     OSTR(c, x, b));
        x->mode = MODE_INVALID;
        return;
    }
    x->mode = MODE_VALUE;
}

/* gc's word for the kind of a type in comparison messages. */
static const char *kind_string(Type *t, Buf *b) {
    switch (under(t)->kind) {
    case TY_ARRAY: return "array";
    case TY_SLICE: return "slice";
    case TY_STRUCT: return "struct";
    case TY_POINTER: return "pointer";
    case TY_FUNC: return "func";
    case TY_INTERFACE: return "interface";
    case TY_MAP: return "map";
    case TY_CHAN: return "chan";
    default: return TSTR(t, *b);
    }
}

/* Why values of type t cannot be compared (types2's incomparableCause). */
static void incomparable_cause(Type *t, char *out, size_t n) {
    Buf b;
    Type *u = under(t);
    switch (u->kind) {
    case TY_SLICE: case TY_FUNC: case TY_MAP:
        snprintf(out, n, "%s can only be compared to nil", kind_string(t, &b));
        return;
    case TY_STRUCT:
        for (int i = 0; i < u->u.strct.n; i++)
            if (!type_comparable(u->u.strct.fields[i].type)) {
                snprintf(out, n, "struct containing %s cannot be compared", TSTR(u->u.strct.fields[i].type, b));
                return;
            }
        break;
    case TY_ARRAY:
        snprintf(out, n, "%s cannot be compared", TSTR(t, b));
        return;
    default:
        break;
    }
    out[0] = 0;
}

/* A comparison x op y; the result is an untyped boolean.  With
 * switch_case, x is a case value and y the switch tag. */
void check_comparison(Checker *c, Operand *x, Operand *y, AstOp op, bool switch_case) {
    if (is_invalid_type(x->type) || is_invalid_type(y->type)) {
        x->mode = MODE_INVALID;
        return;
    }
    if (switch_case)
        op = OP_EQL;
    Operand *err_op = x;
    char cause[600] = "";
    Buf b1, b2;
    if (!types_assignable(c, NULL, x, y->type, NULL, 0) && !types_assignable(c, NULL, y, x->type, NULL, 0)) {
        err_op = y;
        snprintf(cause, sizeof cause, "mismatched types %s and %s", TSTR(x->type, b1), TSTR(y->type, b2));
        goto error;
    }
    if (op == OP_EQL || op == OP_NEQ) {
        if (is_nil(x) || is_nil(y)) {
            Type *t = is_nil(x) ? y->type : x->type;
            if (!has_nil(t)) {
                err_op = y;
                goto error;
            }
        } else if (!type_comparable(x->type)) {
            err_op = x;
            incomparable_cause(x->type, cause, sizeof cause);
            goto error;
        } else if (!type_comparable(y->type)) {
            err_op = y;
            incomparable_cause(y->type, cause, sizeof cause);
            goto error;
        }
    } else if (!is_ordered(x->type)) {
        err_op = x;
        goto error;
    } else if (!is_ordered(y->type)) {
        err_op = y;
        goto error;
    }
    if (x->mode == MODE_CONSTANT && y->mode == MODE_CONSTANT) {
        bool r = false;
        if (x->val.kind == CONST_UNKNOWN || y->val.kind == CONST_UNKNOWN)
            x->val = const_make_unknown();
        else if (const_compare(op_token(op), &x->val, &y->val, &r) == CONST_OK)
            x->val = const_make_bool(r);
        else
            x->val = const_make_unknown();
    } else {
        x->mode = MODE_VALUE;
        if (type_is_untyped(x->type))
            update_expr_type(c, x->expr, NULL, type_default(x->type), true, false);
        if (type_is_untyped(y->type))
            update_expr_type(c, y->expr, NULL, type_default(y->type), true, false);
    }
    x->type = type_basic(TY_UNTYPED_BOOL);
    return;

error:
    if (!cause[0]) {
        Buf bk;
        snprintf(cause, sizeof cause, "operator %s not defined on %s", ast_op_name(op), kind_string(err_op->type, &bk));
    }
    if (switch_case)
        check_errorf(c, ast_start_pos(x->expr), "invalid case %s in switch on %s (%s)", ESTR(x->expr, b1),
                     ESTR(y->expr, b2), cause);
    else
        check_errorf(c, ast_start_pos(err_op->expr), "invalid operation: %s %s %s (%s)", ESTR(x->expr, b1),
                     ast_op_name(op), ESTR(y->expr, b2), cause);
    x->mode = MODE_INVALID;
}

/* Whether the operands of a binary operation may be converted to each
 * other's type before the operation. */
static bool can_mix(const Operand *x, const Operand *y) {
    if (type_is_interface(x->type) || type_is_interface(y->type))
        return true;
    if (type_is_boolean(x->type) != type_is_boolean(y->type))
        return false;
    if (type_is_string(x->type) != type_is_string(y->type))
        return false;
    if (is_nil(x))
        return has_nil(y->type);
    if (is_nil(y))
        return has_nil(x->type);
    return true;
}

/* A binary operation lhs op rhs; e is the Operation, or NULL for the
 * operation of an assignment lhs op= rhs. */
void check_binary(Checker *c, Operand *x, AstNode *e, AstNode *lhs, AstNode *rhs, AstOp op) {
    Operand y;
    Buf b1, b2, b3, b4;
    check_expr(c, x, lhs);
    check_expr(c, &y, rhs);
    if (x->mode == MODE_INVALID)
        return;
    if (y.mode == MODE_INVALID) {
        x->mode = MODE_INVALID;
        x->expr = y.expr;
        return;
    }
    if (is_shift(op)) {
        check_shift(c, x, &y, e, op);
        return;
    }
    if (can_mix(x, &y)) {
        check_convert_untyped(c, x, y.type);
        if (x->mode == MODE_INVALID)
            return;
        check_convert_untyped(c, &y, x->type);
        if (y.mode == MODE_INVALID) {
            x->mode = MODE_INVALID;
            return;
        }
    }
    if (is_comparison(op)) {
        check_comparison(c, x, &y, op, false);
        return;
    }
    if (!type_identical(x->type, y.type)) {
        if (!is_invalid_type(x->type) && !is_invalid_type(y.type)) {
            if (e)
                check_errorf(c, ast_start_pos(x->expr), "invalid operation: %s (mismatched types %s and %s)",
                             ESTR(e, b1), TSTR(x->type, b2), TSTR(y.type, b3));
            else
                check_errorf(c, ast_start_pos(x->expr), "invalid operation: %s %s= %s (mismatched types %s and %s)",
                             ESTR(lhs, b1), ast_op_name(op), ESTR(rhs, b4), TSTR(x->type, b2), TSTR(y.type, b3));
        }
        x->mode = MODE_INVALID;
        return;
    }
    if (!check_op_defined(c, x, op)) {
        x->mode = MODE_INVALID;
        return;
    }
    if ((op == OP_DIV || op == OP_REM) && (x->mode == MODE_CONSTANT || type_is_integer(x->type)) &&
        y.mode == MODE_CONSTANT && y.val.kind != CONST_UNKNOWN && const_sign(&y.val) == 0) {
        check_errorf(c, ast_start_pos(y.expr), "invalid operation: division by zero");
        x->mode = MODE_INVALID;
        return;
    }
    if (x->mode == MODE_CONSTANT && y.mode == MODE_CONSTANT) {
        if (x->val.kind == CONST_UNKNOWN || y.val.kind == CONST_UNKNOWN) {
            x->val = const_make_unknown();
            return;
        }
        Const xv = x->val, yv = y.val, v;
        if (op == OP_DIV && !type_is_integer(x->type)) {
            const_to_float(&x->val, &xv);
            const_to_float(&y.val, &yv);
        }
        ConstError err = const_binary(check_const_arena(c), op_token(op), &xv, &yv, &v);
        Pos op_pos = e ? e->pos : ast_start_pos(lhs);
        if (err != CONST_OK) {
            const_op_error(c, err, op, false, op_pos);
            x->val = const_make_unknown();
            return;
        }
        x->val = v;
        if (e)
            x->expr = e;
        check_overflow(c, x);
        return;
    }
    x->mode = MODE_VALUE;
}

/* ---- type assertions ------------------------------------------------------ */

/* x.(T) */
static void check_assert(Checker *c, Operand *x, AstAssertExpr *e) {
    Buf b1;
    check_expr(c, x, e->x);
    if (x->mode == MODE_INVALID)
        return;
    if (!e->type) {
        check_errorf(c, e->expr.node.pos, "use of .(type) outside type switch");
        x->mode = MODE_INVALID;
        return;
    }
    if (under(x->type)->kind != TY_INTERFACE) {
        check_errorf(c, ast_start_pos(x->expr), "invalid operation: %s is not an interface", OSTR(c, x, b1));
        x->mode = MODE_INVALID;
        return;
    }
    Type *t = check_type_expr(c, e->type);
    if (is_invalid_type(t)) {
        x->mode = MODE_INVALID;
        return;
    }
    if (!type_is_interface(t)) {
        char reason[400] = "";
        if (!types_implements(c, t, x->type, reason, sizeof reason)) {
            Buf b2, b3;
            check_errorf(c, ast_start_pos(&e->expr.node), "impossible type assertion: %s\n\t%s does not implement %s %s",
                         ESTR(&e->expr.node, b1), TSTR(t, b2), TSTR(x->type, b3), reason);
        }
    }
    x->mode = MODE_COMMAOK;
    x->type = t;
}

/* ---- the expression dispatcher --------------------------------------------- */

/* Checks e without recording it (types2's exprInternal). */
static void expr_internal(Checker *c, Operand *x, AstNode *e, Type *hint) {
    Buf b;
    memset(x, 0, sizeof *x);
    x->mode = MODE_INVALID;
    x->expr = e;
    x->type = type_invalid();
    switch (e->kind) {
    case AST_BAD_EXPR:
        return;
    case AST_NAME:
        check_ident(c, x, AST_AS(AstName, e));
        return;
    case AST_BASIC_LIT:
        check_basic_lit(c, x, AST_AS(AstBasicLit, e));
        return;
    case AST_FUNC_LIT:
        check_func_lit(c, x, AST_AS(AstFuncLit, e));
        return;
    case AST_COMPOSITE_LIT:
        check_composite_lit(c, x, AST_AS(AstCompositeLit, e), hint);
        return;
    case AST_PAREN_EXPR: {
        raw_expr(c, x, AST_AS(AstParenExpr, e)->x, hint);
        return;
    }
    case AST_SELECTOR_EXPR:
        check_selector(c, x, AST_AS(AstSelectorExpr, e));
        return;
    case AST_INDEX_EXPR:
        check_index(c, x, AST_AS(AstIndexExpr, e));
        return;
    case AST_SLICE_EXPR:
        check_slice(c, x, AST_AS(AstSliceExpr, e));
        return;
    case AST_ASSERT_EXPR:
        check_assert(c, x, AST_AS(AstAssertExpr, e));
        return;
    case AST_TYPE_SWITCH_GUARD:
        check_errorf(c, e->pos, "use of .(type) outside type switch");
        return;
    case AST_CALL_EXPR:
        check_call(c, x, AST_AS(AstCallExpr, e));
        return;
    case AST_KEY_VALUE_EXPR:
        check_errorf(c, ast_start_pos(e), "no key:value expected");
        return;
    case AST_LIST_EXPR:
        check_errorf(c, ast_start_pos(e), "unexpected list of expressions");
        return;
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->y) {
            check_binary(c, x, e, op->x, op->y, op->op);
            return;
        }
        if (op->op == OP_MUL) {
            check_expr_or_type(c, x, op->x);
            if (x->mode == MODE_INVALID)
                return;
            if (x->mode == MODE_TYPEXPR) {
                x->type = type_new_pointer(c->perm, x->type);
                return;
            }
            Type *u = under(x->type);
            if (u->kind != TY_POINTER) {
                if (!is_invalid_type(x->type))
                    check_errorf(c, ast_start_pos(x->expr), "invalid operation: cannot indirect %s", OSTR(c, x, b));
                x->mode = MODE_INVALID;
                return;
            }
            x->mode = MODE_VARIABLE;
            x->type = u->u.array.elem;
            return;
        }
        check_unary(c, x, op);
        return;
    }
    case AST_ARRAY_TYPE: case AST_SLICE_TYPE: case AST_DOTS_TYPE: case AST_STRUCT_TYPE:
    case AST_FUNC_TYPE: case AST_INTERFACE_TYPE: case AST_MAP_TYPE: case AST_CHAN_TYPE:
        x->type = check_type_expr(c, e);
        x->mode = is_invalid_type(x->type) ? MODE_INVALID : MODE_TYPEXPR;
        return;
    default:
        check_errorf(c, ast_start_pos(e), "%s is not an expression", ESTR(e, b));
        return;
    }
}

/* Checks e and records the result in the AST (types2's rawExpr). */
static void raw_expr(Checker *c, Operand *x, AstNode *e, Type *hint) {
    expr_internal(c, x, e, hint);
    if (x->mode == MODE_INVALID)
        x->type = type_invalid();
    x->expr = e;
    check_record(c, e, x);
}

/* Evaluates e for its effects (marking names used), as after an error
 * elsewhere in the enclosing expression. */
void check_use(Checker *c, AstNode *e) {
    if (!e)
        return;
    if (e->kind == AST_NAME && strcmp(AST_AS(AstName, e)->value, "_") == 0)
        return;
    Operand x;
    raw_expr(c, &x, e, NULL);
}

/* Reports x's mode if it is one of those a value context excludes. */
static void exclude_modes(Checker *c, Operand *x, bool novalue, bool builtin, bool typexpr) {
    Buf b;
    const char *msg = NULL;
    if (x->mode == MODE_NOVALUE && novalue)
        msg = typexpr ? "%s used as value" : "%s used as value or type";
    else if (x->mode == MODE_BUILTIN && builtin)
        msg = "%s must be called";
    else if (x->mode == MODE_TYPEXPR && typexpr)
        msg = "%s is not an expression";
    if (!msg)
        return;
    OSTR(c, x, b);
    check_errorf(c, ast_start_pos(x->expr), msg, b.s);
    x->mode = MODE_INVALID;
}

/* Reports a multi-valued x in a single-value context. */
static void single_value(Checker *c, Operand *x) {
    if (x->mode == MODE_VALUE && x->type && x->type->kind == TY_TUPLE) {
        Buf b;
        check_errorf(c, ast_start_pos(x->expr), "multiple-value %s in single-value context", OSTR(c, x, b));
        x->mode = MODE_INVALID;
    }
}

/* Checks e as a single value. */
void check_expr(Checker *c, Operand *x, AstNode *e) {
    check_expr_hint(c, x, e, NULL);
}

/* Checks e as a single value; hint is the type of an elided composite
 * literal type. */
void check_expr_hint(Checker *c, Operand *x, AstNode *e, Type *hint) {
    raw_expr(c, x, e, hint);
    exclude_modes(c, x, true, true, true);
    single_value(c, x);
}

/* Checks e, which may denote a type. */
void check_expr_or_type(Checker *c, Operand *x, AstNode *e) {
    raw_expr(c, x, e, NULL);
    exclude_modes(c, x, true, false, false);
    single_value(c, x);
}

/* Checks e, which may have several values (a call) or a comma-ok form.
 * Fills xs[0..max) and returns the number of values (which may exceed
 * max).  With allow_commaok, a map index, type assertion or receive gives
 * two values, the second an untyped bool; the caller records the comma-ok
 * use. */
int check_multi_expr(Checker *c, Operand *xs, int max, AstNode *e, bool allow_commaok) {
    Operand x;
    raw_expr(c, &x, e, NULL);
    exclude_modes(c, &x, true, true, true);
    if (x.mode != MODE_INVALID && x.type && x.type->kind == TY_TUPLE) {
        int n = x.type->u.tuple.n;
        for (int i = 0; i < n && i < max; i++) {
            memset(&xs[i], 0, sizeof xs[i]);
            xs[i].mode = MODE_VALUE;
            xs[i].expr = e;
            xs[i].type = x.type->u.tuple.types[i];
        }
        return n;
    }
    if (max > 0)
        xs[0] = x;
    if (allow_commaok && (x.mode == MODE_MAPINDEX || x.mode == MODE_COMMAOK)) {
        if (max > 1) {
            memset(&xs[1], 0, sizeof xs[1]);
            xs[1].mode = MODE_VALUE;
            xs[1].expr = e;
            xs[1].type = type_basic(TY_UNTYPED_BOOL);
        }
        return 2;
    }
    return 1;
}

/* A condition of an if or for statement: what is "if statement" or "for
 * statement". */
void check_cond(Checker *c, Operand *x, AstNode *e, const char *what) {
    check_expr(c, x, e);
    if (x->mode != MODE_INVALID && !type_is_boolean(x->type)) {
        check_errorf(c, ast_start_pos(e), "non-boolean condition in %s", what);
        x->mode = MODE_INVALID;
    }
}

/* ---- conversions -------------------------------------------------------- */

/* The types whose values may be constants: booleans, numbers, strings. */
static bool is_const_type(Type *t) {
    TypeKind k = under(t)->kind;
    return (k >= TY_BOOL && k <= TY_FLOAT64) || k == TY_STRING;
}

/* Writes code point r as UTF-8 (invalid ones as U+FFFD); returns the length. */
static int utf8_encode(uint32_t r, char *out) {
    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = 0xFFFD;
    if (r < 0x80) {
        out[0] = (char)r;
        return 1;
    }
    if (r < 0x800) {
        out[0] = (char)(0xC0 | (r >> 6));
        out[1] = (char)(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        out[0] = (char)(0xE0 | (r >> 12));
        out[1] = (char)(0x80 | ((r >> 6) & 0x3F));
        out[2] = (char)(0x80 | (r & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (r >> 18));
    out[1] = (char)(0x80 | ((r >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((r >> 6) & 0x3F));
    out[3] = (char)(0x80 | (r & 0x3F));
    return 4;
}

/* The conversion T(x) (spec "Conversions"): constant conversions keep a
 * constant, with representability; others need types_convertible. */
void check_conversion(Checker *c, Operand *x, Type *t) {
    bool const_arg = x->mode == MODE_CONSTANT;
    bool ok = false;
    char cause[512] = "";
    if (const_arg && is_const_type(t)) {
        Const v;
        Type *u = under(t);
        if (representable_const(&x->val, u, &v) == CONST_OK) {
            ok = true;
            x->val = v;
        } else if (type_is_integer(x->type) && type_is_string(u)) {
            uint64_t r;
            uint32_t cp = 0xFFFD;
            if (const_to_uint64(&x->val, &r) && r <= 0x10FFFF)
                cp = (uint32_t)r;
            char *buf = arena_alloc(check_const_arena(c), 5, 1);
            int n = utf8_encode(cp, buf);
            buf[n] = 0;
            x->val = const_make_string(buf, (uint32_t)n);
            ok = true;
        }
    } else if (x->mode != MODE_INVALID && convertible(c, x, t, cause, sizeof cause)) {
        ok = true;
        x->mode = MODE_VALUE;
    }
    if (!ok) {
        Buf bx, bt;
        if (cause[0])
            check_errorf(c, ast_start_pos(x->expr), "cannot convert %s to type %s:\n\t%s", OSTR(c, x, bx),
                         TSTR(t, bt), cause);
        else
            check_errorf(c, ast_start_pos(x->expr), "cannot convert %s to type %s", OSTR(c, x, bx), TSTR(t, bt));
        x->mode = MODE_INVALID;
        return;
    }
    if (type_is_untyped(x->type)) {
        Type *final = t;
        if (is_nil(x)) {
            /* nil takes the type it is converted to */
        } else if (type_is_interface(t) || (const_arg && !is_const_type(t))) {
            final = type_default(x->type);
        } else if (x->mode == MODE_CONSTANT && type_is_integer(x->type) && type_is_string(t)) {
            final = x->type;
        }
        if (final != x->type)
            update_expr_type(c, x->expr, NULL, final, true, false);
    }
    x->type = t;
}

/* ast.c — names of kinds and operators, and small queries on the tree:
 * start positions and the short textual form gc uses in messages. */
#include "ast/ast.h"

#include <string.h>

static const char *const KIND_NAMES[] = {
#define X(k, s) s,
    AST_KIND_LIST(X)
#undef X
};

static const char *const OP_NAMES[] = {
#define X(k, s) s,
    AST_OP_LIST(X)
#undef X
};

const char *ast_kind_name(AstKind k) {
    return (unsigned)k < AST_KIND_COUNT ? KIND_NAMES[k] : "?";
}

const char *ast_op_name(AstOp op) {
    return (unsigned)op < OP_COUNT ? OP_NAMES[op] : "?";
}

int ast_op_prec(AstOp op) {
    switch (op) {
    case OP_OROR: return 1;
    case OP_ANDAND: return 2;
    case OP_EQL: case OP_NEQ: case OP_LSS: case OP_LEQ: case OP_GTR: case OP_GEQ: return 3;
    case OP_ADD: case OP_SUB: case OP_OR: case OP_XOR: return 4;
    case OP_MUL: case OP_DIV: case OP_REM: case OP_AND: case OP_AND_NOT: case OP_SHL:
    case OP_SHR: return 5;
    default: return 0;
    }
}

const char *ast_chan_dir_name(ChanDir d) {
    switch (d) {
    case CHAN_SEND: return "send";
    case CHAN_RECV: return "recv";
    default: return "both";
    }
}

AstNode *ast_unparen(AstNode *x) {
    while (x && x->kind == AST_PAREN_EXPR)
        x = AST_AS(AstParenExpr, x)->x;
    return x;
}

Pos ast_start_pos(const AstNode *n) {
    for (;;) {
        switch (n->kind) {
        case AST_FILE:
            return pos_make(pos_file(n->pos), 1, 1);
        case AST_COMPOSITE_LIT: {
            const AstCompositeLit *c = AST_AS(const AstCompositeLit, n);
            if (!c->type)
                return n->pos;
            n = c->type;
            break;
        }
        case AST_SELECTOR_EXPR: n = AST_AS(const AstSelectorExpr, n)->x; break;
        case AST_INDEX_EXPR: n = AST_AS(const AstIndexExpr, n)->x; break;
        case AST_ASSERT_EXPR: n = AST_AS(const AstAssertExpr, n)->x; break;
        case AST_TYPE_SWITCH_GUARD: {
            const AstTypeSwitchGuard *g = AST_AS(const AstTypeSwitchGuard, n);
            n = g->lhs ? &g->lhs->expr.node : g->x;
            break;
        }
        case AST_OPERATION: {
            const AstOperation *o = AST_AS(const AstOperation, n);
            if (!o->y)
                return n->pos;
            n = o->x;
            break;
        }
        case AST_CALL_EXPR: n = AST_AS(const AstCallExpr, n)->fun; break;
        case AST_LIST_EXPR: {
            const AstListExpr *l = AST_AS(const AstListExpr, n);
            if (l->elems.n == 0)
                return n->pos;
            n = l->elems.items[0];
            break;
        }
        case AST_SEND_STMT: n = AST_AS(const AstSendStmt, n)->chan; break;
        case AST_ASSIGN_STMT: n = AST_AS(const AstAssignStmt, n)->lhs; break;
        case AST_RANGE_CLAUSE: {
            const AstRangeClause *r = AST_AS(const AstRangeClause, n);
            n = r->lhs ? r->lhs : r->x;
            break;
        }
        default:
            return n->pos;
        }
    }
}

/* ---- Short form ---------------------------------------------------------- */

/* A bounded output buffer; text past the end is dropped. */
typedef struct StrBuf {
    char *buf;
    size_t len, size;
} StrBuf;

static void put(StrBuf *b, const char *s) {
    size_t n = strlen(s);
    if (b->len + 1 >= b->size)
        return;
    if (n > b->size - 1 - b->len)
        n = b->size - 1 - b->len;
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = 0;
}

static void put_node(StrBuf *b, const AstNode *n);

static void put_list(StrBuf *b, AstNode *const *items, int n) {
    for (int i = 0; i < n; i++) {
        if (i > 0)
            put(b, ", ");
        put_node(b, items[i]);
    }
}

/* (a, b int, c string), grouping names that share a type node. */
static void put_params(StrBuf *b, const AstFieldList *l, const char *open, const char *close) {
    put(b, open);
    for (int i = 0; i < l->n; i++) {
        const AstField *f = l->items[i];
        if (i > 0)
            put(b, ", ");
        if (f->name) {
            put_node(b, &f->name->expr.node);
            if (i + 1 < l->n && l->items[i + 1]->name && l->items[i + 1]->type == f->type)
                continue;
            put(b, " ");
        }
        put_node(b, f->type);
    }
    put(b, close);
}

static void put_signature(StrBuf *b, const AstFuncType *t) {
    put_params(b, &t->params, "(", ")");
    if (t->results.n > 0) {
        put(b, " ");
        if (t->results.n == 1 && !t->results.items[0]->name)
            put_node(b, t->results.items[0]->type);
        else
            put_params(b, &t->results, "(", ")");
    }
}

static void put_node(StrBuf *b, const AstNode *n) {
    if (!n)
        return;
    switch (n->kind) {
    case AST_BAD_EXPR: put(b, "<bad expr>"); break;
    case AST_NAME: put(b, AST_AS(const AstName, n)->value); break;
    case AST_BASIC_LIT: put(b, AST_AS(const AstBasicLit, n)->value); break;
    case AST_FUNC_LIT: {
        const AstFuncLit *f = AST_AS(const AstFuncLit, n);
        put_node(b, &f->type->expr.node);
        put(b, f->body && f->body->stmts.n > 0 ? " {…}" : " {}");
        break;
    }
    case AST_COMPOSITE_LIT: {
        const AstCompositeLit *c = AST_AS(const AstCompositeLit, n);
        put_node(b, c->type);
        put(b, c->elems.n > 0 ? "{…}" : "{}");
        break;
    }
    case AST_PAREN_EXPR:
        put(b, "(");
        put_node(b, AST_AS(const AstParenExpr, n)->x);
        put(b, ")");
        break;
    case AST_SELECTOR_EXPR:
        put_node(b, AST_AS(const AstSelectorExpr, n)->x);
        put(b, ".");
        put_node(b, &AST_AS(const AstSelectorExpr, n)->sel->expr.node);
        break;
    case AST_INDEX_EXPR:
        put_node(b, AST_AS(const AstIndexExpr, n)->x);
        put(b, "[");
        put_node(b, AST_AS(const AstIndexExpr, n)->index);
        put(b, "]");
        break;
    case AST_SLICE_EXPR: {
        const AstSliceExpr *s = AST_AS(const AstSliceExpr, n);
        put_node(b, s->x);
        put(b, "[");
        put_node(b, s->index[0]);
        put(b, ":");
        put_node(b, s->index[1]);
        if (s->index[2]) {
            put(b, ":");
            put_node(b, s->index[2]);
        }
        put(b, "]");
        break;
    }
    case AST_ASSERT_EXPR:
        put_node(b, AST_AS(const AstAssertExpr, n)->x);
        put(b, ".(");
        put_node(b, AST_AS(const AstAssertExpr, n)->type);
        put(b, ")");
        break;
    case AST_TYPE_SWITCH_GUARD: {
        const AstTypeSwitchGuard *g = AST_AS(const AstTypeSwitchGuard, n);
        if (g->lhs) {
            put_node(b, &g->lhs->expr.node);
            put(b, " := ");
        }
        put_node(b, g->x);
        put(b, ".(type)");
        break;
    }
    case AST_CALL_EXPR: {
        const AstCallExpr *c = AST_AS(const AstCallExpr, n);
        put_node(b, c->fun);
        put(b, "(");
        put_list(b, c->args.items, c->args.n);
        if (c->has_dots)
            put(b, "...");
        put(b, ")");
        break;
    }
    case AST_OPERATION: {
        const AstOperation *o = AST_AS(const AstOperation, n);
        if (!o->y) {
            put(b, ast_op_name(o->op));
            put_node(b, o->x);
        } else {
            put_node(b, o->x);
            put(b, " ");
            put(b, ast_op_name(o->op));
            put(b, " ");
            put_node(b, o->y);
        }
        break;
    }
    case AST_KEY_VALUE_EXPR:
        put_node(b, AST_AS(const AstKeyValueExpr, n)->key);
        put(b, ": ");
        put_node(b, AST_AS(const AstKeyValueExpr, n)->value);
        break;
    case AST_LIST_EXPR:
        put_list(b, AST_AS(const AstListExpr, n)->elems.items, AST_AS(const AstListExpr, n)->elems.n);
        break;
    case AST_ARRAY_TYPE:
        put(b, "[");
        if (AST_AS(const AstArrayType, n)->len)
            put_node(b, AST_AS(const AstArrayType, n)->len);
        else
            put(b, "...");
        put(b, "]");
        put_node(b, AST_AS(const AstArrayType, n)->elem);
        break;
    case AST_SLICE_TYPE:
        put(b, "[]");
        put_node(b, AST_AS(const AstSliceType, n)->elem);
        break;
    case AST_DOTS_TYPE:
        put(b, "...");
        put_node(b, AST_AS(const AstDotsType, n)->elem);
        break;
    case AST_STRUCT_TYPE: {
        const AstStructType *s = AST_AS(const AstStructType, n);
        put(b, "struct{");
        for (int i = 0; i < s->fields.n; i++) {
            const AstField *f = s->fields.items[i];
            if (i > 0)
                put(b, "; ");
            if (f->name) {
                put_node(b, &f->name->expr.node);
                if (i + 1 < s->fields.n && s->fields.items[i + 1]->type == f->type &&
                    s->fields.items[i + 1]->name) {
                    put(b, ", ");
                    continue;
                }
                put(b, " ");
            }
            put_node(b, f->type);
            if (s->tags && s->tags[i]) {
                put(b, " ");
                put_node(b, &s->tags[i]->expr.node);
            }
        }
        put(b, "}");
        break;
    }
    case AST_FUNC_TYPE:
        put(b, "func");
        put_signature(b, AST_AS(const AstFuncType, n));
        break;
    case AST_INTERFACE_TYPE: {
        const AstInterfaceType *t = AST_AS(const AstInterfaceType, n);
        put(b, "interface{");
        for (int i = 0; i < t->methods.n; i++) {
            const AstField *m = t->methods.items[i];
            if (i > 0)
                put(b, "; ");
            if (m->name) {
                put_node(b, &m->name->expr.node);
                put_signature(b, AST_AS(const AstFuncType, m->type));
            } else {
                put_node(b, m->type);
            }
        }
        put(b, "}");
        break;
    }
    case AST_MAP_TYPE:
        put(b, "map[");
        put_node(b, AST_AS(const AstMapType, n)->key);
        put(b, "]");
        put_node(b, AST_AS(const AstMapType, n)->value);
        break;
    case AST_CHAN_TYPE: {
        const AstChanType *c = AST_AS(const AstChanType, n);
        put(b, c->dir == CHAN_RECV ? "<-chan" : c->dir == CHAN_SEND ? "chan<-" : "chan");
        put(b, " ");
        bool paren = c->dir == CHAN_BOTH && c->elem->kind == AST_CHAN_TYPE &&
                     AST_AS(const AstChanType, c->elem)->dir == CHAN_RECV;
        if (paren)
            put(b, "(");
        put_node(b, c->elem);
        if (paren)
            put(b, ")");
        break;
    }
    case AST_EXPR_STMT: put_node(b, AST_AS(const AstExprStmt, n)->x); break;
    case AST_SEND_STMT:
        put_node(b, AST_AS(const AstSendStmt, n)->chan);
        put(b, " <- ");
        put_node(b, AST_AS(const AstSendStmt, n)->value);
        break;
    case AST_ASSIGN_STMT: {
        const AstAssignStmt *a = AST_AS(const AstAssignStmt, n);
        put_node(b, a->lhs);
        if (!a->rhs) {
            put(b, a->op == OP_ADD ? "++" : "--");
        } else {
            put(b, " ");
            put(b, a->op == OP_DEF ? ":" : ast_op_name(a->op));
            put(b, "= ");
            put_node(b, a->rhs);
        }
        break;
    }
    case AST_RANGE_CLAUSE: {
        const AstRangeClause *r = AST_AS(const AstRangeClause, n);
        if (r->lhs) {
            put_node(b, r->lhs);
            put(b, r->def ? " := " : " = ");
        }
        put(b, "range ");
        put_node(b, r->x);
        break;
    }
    default:
        put(b, ast_kind_name(n->kind));
        break;
    }
}

char *ast_string(const AstNode *n, char *buf, size_t size) {
    StrBuf b = {buf, 0, size};
    if (size > 0)
        buf[0] = 0;
    put_node(&b, n);
    return buf;
}

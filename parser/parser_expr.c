/* parser_expr.c — expressions and types.
 *
 * Types are expressions in Go's grammar (a conversion T(x) or a composite
 * literal T{...} starts with one), so both live here.  xnest resolves the
 * composite literal / block ambiguity: inside if/for/switch headers it is
 * negative and "name {" ends the expression, unless parenthesized. */
#include <string.h>

#include "parser/parser_impl.h"

static AstNode *unary_expr(Parser *p);
static AstNode *operand(Parser *p, bool keep_parens);
static AstCompositeLit *complit_expr(Parser *p);
static AstNode *type_instance(Parser *p, AstNode *typ);
static AstNode *qualified_name(Parser *p, AstName *name);

/* The binary operator of token k and its precedence (0: not binary). */
static AstOp binary_op(TokenKind k, int *prec) {
    AstOp op;
    switch (k) {
    case TOK_LOR: op = OP_OROR; break;
    case TOK_LAND: op = OP_ANDAND; break;
    case TOK_EQL: op = OP_EQL; break;
    case TOK_NEQ: op = OP_NEQ; break;
    case TOK_LSS: op = OP_LSS; break;
    case TOK_LEQ: op = OP_LEQ; break;
    case TOK_GTR: op = OP_GTR; break;
    case TOK_GEQ: op = OP_GEQ; break;
    case TOK_ADD: op = OP_ADD; break;
    case TOK_SUB: op = OP_SUB; break;
    case TOK_OR: op = OP_OR; break;
    case TOK_XOR: op = OP_XOR; break;
    case TOK_MUL: op = OP_MUL; break;
    case TOK_QUO: op = OP_DIV; break;
    case TOK_REM: op = OP_REM; break;
    case TOK_AND: op = OP_AND; break;
    case TOK_AND_NOT: op = OP_AND_NOT; break;
    case TOK_SHL: op = OP_SHL; break;
    case TOK_SHR: op = OP_SHR; break;
    default: *prec = 0; return OP_NONE;
    }
    *prec = ast_op_prec(op);
    return op;
}

/* Expression = UnaryExpr | Expression binary_op Expression . */
AstNode *parse_expr(Parser *p) {
    return parse_binary_expr(p, NULL, 0);
}

/* Operators of precedence > prec, left-associative.  Each operator taken
 * deepens the tree, so each counts as one level of nesting. */
AstNode *parse_binary_expr(Parser *p, AstNode *x, int prec) {
    if (!x)
        x = unary_expr(p);
    int levels = 0, tprec;
    AstOp op;
    while ((op = binary_op(CUR(p), &tprec)) != OP_NONE && tprec > prec) {
        AstOperation *t = NEW(p, AstOperation, AST_OPERATION, CUR_POS(p));
        t->op = op;
        parser_next(p);
        parser_enter(p);
        levels++;
        t->x = x;
        t->y = parse_binary_expr(p, NULL, tprec);
        x = &t->expr.node;
    }
    p->depth -= levels;
    return x;
}

/* Reassociates <- with a channel type parsed after it: <-chan T is a
 * receive-only channel, not a receive from chan T. */
static AstNode *recv_chan_type(Parser *p, AstNode *x) {
    ChanDir dir = CHAN_SEND;
    AstNode *t = x;
    while (dir == CHAN_SEND) {
        if (t->kind != AST_CHAN_TYPE)
            break;
        AstChanType *c = AST_AS(AstChanType, t);
        dir = c->dir;
        if (dir == CHAN_RECV)
            parser_syntax_error(p, "unexpected <-, expecting chan");
        c->dir = CHAN_RECV;
        t = c->elem;
    }
    if (dir == CHAN_SEND) {
        char buf[256], msg[300];
        snprintf(msg, sizeof msg, "unexpected %s, expecting chan", ast_string(t, buf, sizeof buf));
        parser_syntax_error(p, msg);
    }
    return x;
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr . */
static AstNode *unary_expr(Parser *p) {
    AstNode *result;
    parser_enter(p);
    AstOp op = OP_NONE;
    switch (CUR(p)) {
    case TOK_MUL: op = OP_MUL; break;
    case TOK_ADD: op = OP_ADD; break;
    case TOK_SUB: op = OP_SUB; break;
    case TOK_NOT: op = OP_NOT; break;
    case TOK_XOR: op = OP_XOR; break;
    case TOK_TILDE: op = OP_TILDE; break;
    case TOK_AND: op = OP_AND; break;
    case TOK_ARROW: op = OP_RECV; break;
    default: break;
    }
    if (op == OP_RECV) {
        Pos pos = CUR_POS(p);
        parser_next(p);
        AstNode *x = unary_expr(p);
        if (x->kind == AST_CHAN_TYPE) {
            result = recv_chan_type(p, x);
        } else {
            AstOperation *o = NEW(p, AstOperation, AST_OPERATION, pos);
            o->op = OP_RECV;
            o->x = x;
            result = &o->expr.node;
        }
    } else if (op != OP_NONE) {
        AstOperation *o = NEW(p, AstOperation, AST_OPERATION, CUR_POS(p));
        o->op = op;
        parser_next(p);
        o->x = unary_expr(p);
        /* &(T{...}) is &T{...}: drop the parentheses kept for the literal */
        if (op == OP_AND)
            o->x = ast_unparen(o->x);
        result = &o->expr.node;
    } else {
        result = parse_pexpr(p, NULL, true);
    }
    parser_leave(p);
    return result;
}

/* A BasicLit for the current literal token, or NULL. */
static AstBasicLit *oliteral(Parser *p) {
    if (CUR(p) < TOK_INT || CUR(p) > TOK_STRING)
        return NULL;
    AstBasicLit *b = NEW(p, AstBasicLit, AST_BASIC_LIT, CUR_POS(p));
    b->lit_kind = (LitKind)(CUR(p) - TOK_INT);
    b->value = p->lx.tok.lit;
    b->len = p->lx.tok.len;
    b->bad = p->lx.tok.bad;
    parser_next(p);
    return b;
}

/* Operand     = Literal | OperandName | MethodExpr | "(" Expression ")" .
 * Literal     = BasicLit | CompositeLit | FunctionLit .
 * Composite literals are completed in pexpr. */
static AstNode *operand(Parser *p, bool keep_parens) {
    switch (CUR(p)) {
    case TOK_NAME:
        return &parse_name(p)->expr.node;
    case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_RUNE: case TOK_STRING:
        return &oliteral(p)->expr.node;
    case TOK_LPAREN: {
        Pos pos = CUR_POS(p);
        parser_next(p);
        p->xnest++;
        AstNode *x = parse_expr(p);
        p->xnest--;
        parser_want(p, TOK_RPAREN);
        /* Keep the parentheses only where an error may need them: around
         * a possible composite literal type, and in go/defer. */
        if (CUR(p) == TOK_LBRACE)
            keep_parens = true;
        if (keep_parens) {
            AstParenExpr *px = NEW(p, AstParenExpr, AST_PAREN_EXPR, pos);
            px->x = x;
            x = &px->expr.node;
        }
        return x;
    }
    case TOK_FUNC: {
        Pos pos = CUR_POS(p);
        parser_next(p);
        AstFuncType *ftyp = parse_func_type(p, "function type", NULL);
        if (CUR(p) == TOK_LBRACE) {
            p->xnest++;
            AstFuncLit *f = NEW(p, AstFuncLit, AST_FUNC_LIT, pos);
            f->type = ftyp;
            f->body = parse_func_body(p);
            p->xnest--;
            return &f->expr.node;
        }
        return &ftyp->expr.node;
    }
    case TOK_LBRACK: case TOK_CHAN: case TOK_MAP: case TOK_STRUCT: case TOK_INTERFACE:
        return parse_type(p);
    default: {
        AstNode *x = parser_bad_expr(p);
        parser_syntax_error(p, "expecting expression");
        ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
        return x;
    }
    }
}

/* Whether x must be a value (and cannot be a type). */
static bool is_value(const AstNode *x) {
    switch (x->kind) {
    case AST_BASIC_LIT: case AST_COMPOSITE_LIT: case AST_FUNC_LIT: case AST_SLICE_EXPR:
    case AST_ASSERT_EXPR: case AST_TYPE_SWITCH_GUARD: case AST_CALL_EXPR:
        return true;
    case AST_OPERATION: {
        const AstOperation *op = AST_AS(const AstOperation, x);
        return op->op != OP_MUL || op->y; /* *T may be a type */
    }
    case AST_PAREN_EXPR:
        return is_value(AST_AS(const AstParenExpr, x)->x);
    case AST_INDEX_EXPR: {
        const AstIndexExpr *ix = AST_AS(const AstIndexExpr, x);
        return is_value(ix->x) || is_value(ix->index);
    }
    default:
        return false;
    }
}

/* typeList = arg { "," arg } [ "," ] .  The first element may be any
 * expression, the others must be types.  Several make a ListExpr;
 * *comma tells whether a comma was seen. */
static AstNode *type_list(Parser *p, bool *comma) {
    *comma = false;
    p->xnest++;
    AstNode *x = parse_expr(p);
    if (parser_got(p, TOK_COMMA)) {
        *comma = true;
        AstNode *t = parse_type_or_nil(p);
        if (t) {
            int base = parser_list_begin(p);
            parser_list_push(p, x);
            parser_list_push(p, t);
            while (parser_got(p, TOK_COMMA)) {
                if (!(t = parse_type_or_nil(p)))
                    break;
                parser_list_push(p, t);
            }
            AstListExpr *l = NEW(p, AstListExpr, AST_LIST_EXPR, x->pos);
            l->elems = parser_list_end_nodes(p, base);
            x = &l->expr.node;
        }
    }
    p->xnest--;
    return x;
}

/* argList = [ arg { "," arg } [ "..." ] [ "," ] ] ")" . */
static void arg_list(Parser *p, AstCallExpr *c) {
    p->xnest++;
    int base = parser_list_begin(p);
    bool ok = true, done = false;
    while (CUR(p) != TOK_EOF && CUR(p) != TOK_RPAREN && !done) {
        parser_list_push(p, parse_expr(p));
        done = c->has_dots = parser_got(p, TOK_ELLIPSIS);
        if (!(ok = parser_list_continue(p, "argument list", TOK_COMMA, TOK_RPAREN)))
            break;
    }
    c->args = parser_list_end_nodes(p, base);
    parser_list_close(p, TOK_RPAREN, ok);
    p->xnest--;
}

/* "[" has been consumed after x: an index, an instantiation or a slice. */
static AstNode *index_or_slice(Parser *p, AstNode *x, Pos pos) {
    AstNode *i = NULL;
    if (CUR(p) != TOK_COLON) {
        bool comma;
        i = type_list(p, &comma);
        if (comma || CUR(p) == TOK_RBRACK) {
            parser_want(p, TOK_RBRACK);
            AstIndexExpr *t = NEW(p, AstIndexExpr, AST_INDEX_EXPR, pos);
            t->x = x;
            t->index = i;
            return &t->expr.node;
        }
    }
    /* x[i:... */
    if (!parser_got(p, TOK_COLON)) {
        parser_syntax_error(p, "expecting comma, : or ]");
        ADVANCE(p, TOK_COMMA, TOK_COLON, TOK_RBRACK);
    }
    p->xnest++;
    AstSliceExpr *t = NEW(p, AstSliceExpr, AST_SLICE_EXPR, pos);
    t->x = x;
    t->index[0] = i;
    if (CUR(p) != TOK_COLON && CUR(p) != TOK_RBRACK)
        t->index[1] = parse_expr(p);
    if (CUR(p) == TOK_COLON) {
        t->full = true;
        if (!t->index[1]) {
            parser_error_at(p, CUR_POS(p), "middle index required in 3-index slice");
            t->index[1] = parser_bad_expr(p);
        }
        parser_next(p);
        if (CUR(p) != TOK_RBRACK) {
            t->index[2] = parse_expr(p);
        } else {
            parser_error_at(p, CUR_POS(p), "final index required in 3-index slice");
            t->index[2] = parser_bad_expr(p);
        }
    }
    p->xnest--;
    parser_want(p, TOK_RBRACK);
    return &t->expr.node;
}

/* PrimaryExpr = Operand | Conversion | PrimaryExpr Selector |
 *               PrimaryExpr Index | PrimaryExpr Slice |
 *               PrimaryExpr TypeAssertion | PrimaryExpr Arguments .
 * Each suffix deepens the tree and counts as one level of nesting. */
AstNode *parse_pexpr(Parser *p, AstNode *x, bool keep_parens) {
    if (!x)
        x = operand(p, keep_parens);
    int levels = 0;
    for (;;) {
        Pos pos = CUR_POS(p);
        switch (CUR(p)) {
        case TOK_PERIOD:
            parser_next(p);
            if (CUR(p) == TOK_NAME) {
                AstSelectorExpr *t = NEW(p, AstSelectorExpr, AST_SELECTOR_EXPR, pos);
                t->x = x;
                t->sel = parse_name(p);
                x = &t->expr.node;
            } else if (CUR(p) == TOK_LPAREN) {
                parser_next(p);
                if (parser_got(p, TOK_TYPE)) {
                    AstTypeSwitchGuard *t =
                        NEW(p, AstTypeSwitchGuard, AST_TYPE_SWITCH_GUARD, pos);
                    t->x = x;
                    x = &t->expr.node;
                } else {
                    AstAssertExpr *t = NEW(p, AstAssertExpr, AST_ASSERT_EXPR, pos);
                    t->x = x;
                    t->type = parse_type(p);
                    x = &t->expr.node;
                }
                parser_want(p, TOK_RPAREN);
            } else {
                parser_syntax_error(p, "expecting name or (");
                ADVANCE(p, TOK_SEMICOLON, TOK_RPAREN);
            }
            break;
        case TOK_LBRACK:
            parser_next(p);
            if (CUR(p) == TOK_RBRACK) {
                /* invalid empty index: accept but complain */
                parser_syntax_error(p, "expecting operand");
                parser_next(p);
                break;
            }
            x = index_or_slice(p, x, pos);
            break;
        case TOK_LPAREN: {
            AstCallExpr *t = NEW(p, AstCallExpr, AST_CALL_EXPR, pos);
            parser_next(p);
            t->fun = x;
            arg_list(p, t);
            x = &t->expr.node;
            break;
        }
        case TOK_LBRACE: {
            /* a composite literal, or the block after an if/for/switch header */
            AstNode *t = ast_unparen(x);
            bool complit_ok = false;
            switch (t->kind) {
            case AST_NAME: case AST_SELECTOR_EXPR:
                complit_ok = p->xnest >= 0;
                break;
            case AST_INDEX_EXPR:
                complit_ok = p->xnest >= 0 && !is_value(t);
                break;
            case AST_ARRAY_TYPE: case AST_SLICE_TYPE: case AST_STRUCT_TYPE: case AST_MAP_TYPE:
                complit_ok = true;
                break;
            default:
                break;
            }
            if (!complit_ok)
                goto done;
            if (t != x)
                parser_syntax_error(p, "cannot parenthesize type in composite literal");
            AstCompositeLit *n = complit_expr(p);
            n->type = x;
            x = &n->expr.node;
            break;
        }
        default:
            goto done;
        }
        parser_enter(p);
        levels++;
    }
done:
    p->depth -= levels;
    return x;
}

/* Element = Expression | LiteralValue . */
static AstNode *bare_complit_expr(Parser *p) {
    if (CUR(p) == TOK_LBRACE)
        return &complit_expr(p)->expr.node;
    return parse_expr(p);
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" . */
static AstCompositeLit *complit_expr(Parser *p) {
    AstCompositeLit *x = NEW(p, AstCompositeLit, AST_COMPOSITE_LIT, CUR_POS(p));
    parser_enter(p);
    p->xnest++;
    parser_want(p, TOK_LBRACE);
    int base = parser_list_begin(p);
    bool ok = true;
    while (CUR(p) != TOK_EOF && CUR(p) != TOK_RBRACE) {
        AstNode *e = bare_complit_expr(p);
        if (CUR(p) == TOK_COLON) {
            AstKeyValueExpr *kv = NEW(p, AstKeyValueExpr, AST_KEY_VALUE_EXPR, CUR_POS(p));
            parser_next(p);
            kv->key = e;
            kv->value = bare_complit_expr(p);
            e = &kv->expr.node;
            x->nkeys++;
        }
        parser_list_push(p, e);
        if (!(ok = parser_list_continue(p, "composite literal", TOK_COMMA, TOK_RBRACE)))
            break;
    }
    x->elems = parser_list_end_nodes(p, base);
    x->rbrace = parser_list_close(p, TOK_RBRACE, ok);
    p->xnest--;
    parser_leave(p);
    return x;
}

/* ExpressionList = Expression { "," Expression } .  Several make a ListExpr. */
AstNode *parse_expr_list(Parser *p) {
    AstNode *x = parse_expr(p);
    if (CUR(p) != TOK_COMMA)
        return x;
    int base = parser_list_begin(p);
    parser_list_push(p, x);
    while (parser_got(p, TOK_COMMA))
        parser_list_push(p, parse_expr(p));
    AstListExpr *t = NEW(p, AstListExpr, AST_LIST_EXPR, x->pos);
    t->elems = parser_list_end_nodes(p, base);
    return &t->expr.node;
}

/* ---- Types ------------------------------------------------------------- */

/* Type, or a BadExpr after reporting "expecting type". */
AstNode *parse_type(Parser *p) {
    AstNode *t = parse_type_or_nil(p);
    if (!t) {
        t = parser_bad_expr(p);
        parser_syntax_error(p, "expecting type");
        ADVANCE(p, TOK_COMMA, TOK_COLON, TOK_SEMICOLON, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
    }
    return t;
}

/* *T, as an Operation with op OP_MUL. */
static AstNode *new_indirect(Parser *p, Pos pos, AstNode *typ) {
    AstOperation *o = NEW(p, AstOperation, AST_OPERATION, pos);
    o->op = OP_MUL;
    o->x = typ;
    return &o->expr.node;
}

/* ElementType of a channel, or a BadExpr after "missing channel element type". */
static AstNode *chan_elem(Parser *p) {
    AstNode *t = parse_type_or_nil(p);
    if (!t) {
        t = parser_bad_expr(p);
        parser_syntax_error(p, "missing channel element type");
    }
    return t;
}

static AstNode *struct_type(Parser *p);
static AstNode *interface_type(Parser *p);

/* Type     = TypeName | TypeLit | "(" Type ")" .
 * TypeName = identifier | QualifiedIdent .
 * TypeLit  = ArrayType | StructType | PointerType | FunctionType |
 *            InterfaceType | SliceType | MapType | ChannelType .
 * Returns NULL (without error) if no type starts here. */
AstNode *parse_type_or_nil(Parser *p) {
    Pos pos = CUR_POS(p);
    AstNode *result = NULL;
    parser_enter(p);
    switch (CUR(p)) {
    case TOK_MUL:
        parser_next(p);
        result = new_indirect(p, pos, parse_type(p));
        break;
    case TOK_ARROW: {
        parser_next(p);
        parser_want(p, TOK_CHAN);
        AstChanType *t = NEW(p, AstChanType, AST_CHAN_TYPE, pos);
        t->dir = CHAN_RECV;
        t->elem = chan_elem(p);
        result = &t->expr.node;
        break;
    }
    case TOK_FUNC:
        parser_next(p);
        result = &parse_func_type(p, "function type", NULL)->expr.node;
        break;
    case TOK_LBRACK:
        parser_next(p);
        if (parser_got(p, TOK_RBRACK))
            result = parse_slice_type(p, pos);
        else
            result = parse_array_type(p, pos, NULL);
        break;
    case TOK_CHAN: {
        parser_next(p);
        AstChanType *t = NEW(p, AstChanType, AST_CHAN_TYPE, pos);
        if (parser_got(p, TOK_ARROW))
            t->dir = CHAN_SEND;
        t->elem = chan_elem(p);
        result = &t->expr.node;
        break;
    }
    case TOK_MAP: {
        parser_next(p);
        parser_want(p, TOK_LBRACK);
        AstMapType *t = NEW(p, AstMapType, AST_MAP_TYPE, pos);
        t->key = parse_type(p);
        parser_want(p, TOK_RBRACK);
        t->value = parse_type(p);
        result = &t->expr.node;
        break;
    }
    case TOK_STRUCT:
        result = struct_type(p);
        break;
    case TOK_INTERFACE:
        result = interface_type(p);
        break;
    case TOK_NAME:
        result = qualified_name(p, NULL);
        break;
    case TOK_LPAREN:
        parser_next(p);
        result = parse_type(p);
        parser_want(p, TOK_RPAREN);
        break;
    default:
        break;
    }
    parser_leave(p);
    return result;
}

/* typ "[" TypeList "]": an instantiated generic type. */
static AstNode *type_instance(Parser *p, AstNode *typ) {
    AstIndexExpr *x = NEW(p, AstIndexExpr, AST_INDEX_EXPR, CUR_POS(p));
    parser_want(p, TOK_LBRACK);
    x->x = typ;
    if (CUR(p) == TOK_RBRACK) {
        parser_syntax_error(p, "expecting type");
        x->index = parser_bad_expr(p);
    } else {
        bool comma;
        x->index = type_list(p, &comma);
    }
    parser_want(p, TOK_RBRACK);
    return &x->expr.node;
}

/* TypeName [ TypeArgs ], where TypeName = identifier | QualifiedIdent.
 * The first name may be given. */
static AstNode *qualified_name(Parser *p, AstName *name) {
    AstNode *x;
    if (name) {
        x = &name->expr.node;
    } else if (CUR(p) == TOK_NAME) {
        x = &parse_name(p)->expr.node;
    } else {
        x = &parser_new_name(p, CUR_POS(p), p->blank)->expr.node;
        parser_syntax_error(p, "expecting name");
        ADVANCE(p, TOK_PERIOD, TOK_SEMICOLON, TOK_RBRACE);
    }
    if (CUR(p) == TOK_PERIOD) {
        AstSelectorExpr *s = NEW(p, AstSelectorExpr, AST_SELECTOR_EXPR, CUR_POS(p));
        parser_next(p);
        s->x = x;
        s->sel = parse_name(p);
        x = &s->expr.node;
    }
    if (CUR(p) == TOK_LBRACK)
        x = type_instance(p, x);
    return x;
}

/* Signature = [ TypeParams ] Parameters [ Result ] .
 * Result    = Parameters | Type .
 * Type parameters are accepted (with an error) where context is non-empty;
 * tparams may be NULL if they are not wanted in the tree. */
AstFuncType *parse_func_type(Parser *p, const char *context, AstFieldList *tparams) {
    AstFuncType *typ = NEW(p, AstFuncType, AST_FUNC_TYPE, CUR_POS(p));
    if (parser_got(p, TOK_LBRACK)) {
        if (context[0]) {
            char msg[64];
            snprintf(msg, sizeof msg, "%s must have no type parameters", context);
            parser_syntax_error_at(p, typ->expr.node.pos, msg);
        }
        if (CUR(p) == TOK_RBRACK) {
            parser_syntax_error(p, "empty type parameter list");
            parser_next(p);
        } else {
            AstFieldList l = parse_param_list(p, NULL, NULL, TOK_RBRACK, true);
            if (tparams)
                *tparams = l;
        }
    }
    parser_want(p, TOK_LPAREN);
    typ->params = parse_param_list(p, NULL, NULL, TOK_RPAREN, false);
    if (parser_got(p, TOK_LPAREN)) {
        typ->results = parse_param_list(p, NULL, NULL, TOK_RPAREN, false);
    } else {
        Pos pos = CUR_POS(p);
        AstNode *t = parse_type_or_nil(p);
        if (t) {
            AstField *f = NEW(p, AstField, AST_FIELD, pos);
            f->type = t;
            typ->results.items = ARENA_NEW_ARRAY(p->ast, AstField *, 1);
            typ->results.items[0] = f;
            typ->results.n = 1;
        }
    }
    return typ;
}

/* ArrayType = "[" ( ArrayLength | "..." ) "]" ElementType .
 * "[" has been consumed at pos; len may already be parsed. */
AstNode *parse_array_type(Parser *p, Pos pos, AstNode *len) {
    if (!len && !parser_got(p, TOK_ELLIPSIS)) {
        p->xnest++;
        len = parse_expr(p);
        p->xnest--;
    }
    if (CUR(p) == TOK_COMMA) {
        /* trailing commas are for type parameter lists, not array lengths */
        parser_syntax_error(p, "unexpected comma; expecting ]");
        parser_next(p);
    }
    parser_want(p, TOK_RBRACK);
    AstArrayType *t = NEW(p, AstArrayType, AST_ARRAY_TYPE, pos);
    t->len = len;
    t->elem = parse_type(p);
    return &t->expr.node;
}

/* SliceType = "[" "]" ElementType .  Both brackets have been consumed. */
AstNode *parse_slice_type(Parser *p, Pos pos) {
    AstSliceType *t = NEW(p, AstSliceType, AST_SLICE_TYPE, pos);
    t->elem = parse_type(p);
    return &t->expr.node;
}

/* A struct's field list under construction: fields and their tags. */
typedef struct FieldBuf {
    int base;          /* list of fields on the parser's stack */
    int ntags;         /* fields with a tag so far */
} FieldBuf;

/* Appends a field (and its tag: the field's tag is stored in its node's
 * slot on a second pass, see struct_type). */
static void add_field(Parser *p, FieldBuf *fb, Pos pos, AstName *name, AstNode *typ,
                      AstBasicLit *tag) {
    AstField *f = NEW(p, AstField, AST_FIELD, pos);
    f->name = name;
    f->type = typ;
    parser_list_push(p, f);
    parser_list_push(p, tag);
    if (tag)
        fb->ntags++;
}

/* x [n]E or x[n,], x[n1, n2], ...: after a field or parameter name, an
 * array type or the type arguments of an embedded generic type (an
 * IndexExpr whose x the caller fills in). */
static AstNode *array_or_targs(Parser *p) {
    Pos pos = CUR_POS(p);
    parser_want(p, TOK_LBRACK);
    if (parser_got(p, TOK_RBRACK))
        return parse_slice_type(p, pos);
    bool comma;
    AstNode *n = type_list(p, &comma);
    parser_want(p, TOK_RBRACK);
    if (!comma) {
        AstNode *elem = parse_type_or_nil(p);
        if (elem) {
            AstArrayType *t = NEW(p, AstArrayType, AST_ARRAY_TYPE, pos);
            t->len = n;
            t->elem = elem;
            return &t->expr.node;
        }
    }
    AstIndexExpr *t = NEW(p, AstIndexExpr, AST_INDEX_EXPR, pos);
    t->index = n;
    return &t->expr.node;
}

/* FieldDecl      = (IdentifierList Type | EmbeddedField) [ Tag ] .
 * EmbeddedField  = [ "*" ] TypeName [ TypeArgs ] .
 * Tag            = string_lit . */
static void field_decl(Parser *p, FieldBuf *fb) {
    Pos pos = CUR_POS(p);
    switch (CUR(p)) {
    case TOK_NAME: {
        AstName *name = parse_name(p);
        if (CUR(p) == TOK_PERIOD || (CUR(p) >= TOK_INT && CUR(p) <= TOK_STRING) ||
            CUR(p) == TOK_SEMICOLON || CUR(p) == TOK_RBRACE) {
            /* embedded type */
            AstNode *typ = qualified_name(p, name);
            add_field(p, fb, pos, NULL, typ, oliteral(p));
            break;
        }
        AstNameList names = parse_name_list(p, name);
        AstNode *typ;
        if (names.n == 1 && CUR(p) == TOK_LBRACK) {
            /* embedded T[P1, P2] or field T of type [N]E or []E */
            typ = array_or_targs(p);
            if (typ->kind == AST_INDEX_EXPR) {
                AST_AS(AstIndexExpr, typ)->x = &name->expr.node;
                add_field(p, fb, pos, NULL, typ, oliteral(p));
                break;
            }
        } else {
            typ = parse_type(p);
        }
        AstBasicLit *tag = oliteral(p);
        for (int i = 0; i < names.n; i++)
            add_field(p, fb, names.items[i]->expr.node.pos, names.items[i], typ, tag);
        break;
    }
    case TOK_MUL: {
        parser_next(p);
        AstNode *typ;
        if (CUR(p) == TOK_LPAREN) {
            parser_syntax_error(p, "cannot parenthesize embedded type");
            parser_next(p);
            typ = qualified_name(p, NULL);
            parser_got(p, TOK_RPAREN);
        } else {
            typ = qualified_name(p, NULL);
        }
        AstBasicLit *tag = oliteral(p);
        add_field(p, fb, pos, NULL, new_indirect(p, pos, typ), tag);
        break;
    }
    case TOK_LPAREN: {
        parser_syntax_error(p, "cannot parenthesize embedded type");
        parser_next(p);
        AstNode *typ;
        if (CUR(p) == TOK_MUL) {
            Pos spos = CUR_POS(p);
            parser_next(p);
            typ = new_indirect(p, spos, qualified_name(p, NULL));
        } else {
            typ = qualified_name(p, NULL);
        }
        parser_got(p, TOK_RPAREN);
        add_field(p, fb, pos, NULL, typ, oliteral(p));
        break;
    }
    default:
        parser_syntax_error(p, "expecting field name or embedded type");
        ADVANCE(p, TOK_SEMICOLON, TOK_RBRACE);
        break;
    }
}

/* StructType = "struct" "{" { FieldDecl ";" } "}" . */
static AstNode *struct_type(Parser *p) {
    AstStructType *typ = NEW(p, AstStructType, AST_STRUCT_TYPE, CUR_POS(p));
    parser_want(p, TOK_STRUCT);
    parser_want(p, TOK_LBRACE);
    FieldBuf fb = {parser_list_begin(p), 0};
    bool ok = true;
    while (CUR(p) != TOK_EOF && CUR(p) != TOK_RBRACE) {
        field_decl(p, &fb);
        if (!(ok = parser_list_continue(p, "struct type", TOK_SEMICOLON, TOK_RBRACE)))
            break;
    }
    /* the stack holds (field, tag) pairs: split them */
    int n = (p->top - fb.base) / 2;
    if (n > 0) {
        typ->fields.items = ARENA_NEW_ARRAY(p->ast, AstField *, n);
        typ->fields.n = n;
        if (fb.ntags)
            typ->tags = ARENA_NEW_ARRAY(p->ast, AstBasicLit *, n);
        for (int i = 0; i < n; i++) {
            typ->fields.items[i] = p->stk[fb.base + 2 * i];
            if (typ->tags)
                typ->tags[i] = p->stk[fb.base + 2 * i + 1];
        }
    }
    p->top = fb.base;
    parser_list_close(p, TOK_RBRACE, ok);
    return &typ->expr.node;
}

/* EmbeddedTerm = [ "~" ] Type . */
static AstNode *embedded_term(Parser *p) {
    if (CUR(p) == TOK_TILDE) {
        AstOperation *t = NEW(p, AstOperation, AST_OPERATION, CUR_POS(p));
        t->op = OP_TILDE;
        parser_next(p);
        t->x = parse_type(p);
        return &t->expr.node;
    }
    AstNode *t = parse_type_or_nil(p);
    if (!t) {
        t = parser_bad_expr(p);
        parser_syntax_error(p, "expecting ~ term or type");
        ADVANCE(p, TOK_LOR, TOK_LAND, TOK_EQL, TOK_NEQ, TOK_LSS, TOK_LEQ, TOK_GTR, TOK_GEQ,
                TOK_ADD, TOK_SUB, TOK_OR, TOK_XOR, TOK_QUO, TOK_REM, TOK_AND, TOK_AND_NOT,
                TOK_SHL, TOK_SHR, TOK_NOT, TOK_TILDE, TOK_SEMICOLON, TOK_RPAREN, TOK_RBRACK,
                TOK_RBRACE);
    }
    return t;
}

/* EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm } .
 * f, if given, holds the first term. */
static AstField *embedded_elem(Parser *p, AstField *f) {
    if (!f) {
        f = NEW(p, AstField, AST_FIELD, CUR_POS(p));
        f->type = embedded_term(p);
    }
    int levels = 0;
    while (CUR(p) == TOK_OR) {
        AstOperation *t = NEW(p, AstOperation, AST_OPERATION, CUR_POS(p));
        t->op = OP_OR;
        parser_next(p);
        parser_enter(p);
        levels++;
        t->x = f->type;
        t->y = embedded_term(p);
        f->type = &t->expr.node;
    }
    p->depth -= levels;
    return f;
}

/* MethodSpec = MethodName Signature | InterfaceTypeName .
 * A generic method is accepted with an error; name[...] without "(" is an
 * embedded instantiated interface. */
static AstField *method_decl(Parser *p) {
    AstField *f = NEW(p, AstField, AST_FIELD, CUR_POS(p));
    AstName *name = parse_name(p);
    const char *context = "interface method";
    switch (CUR(p)) {
    case TOK_LPAREN:
        f->name = name;
        f->type = &parse_func_type(p, context, NULL)->expr.node;
        break;
    case TOK_LBRACK: {
        Pos pos = CUR_POS(p);
        parser_next(p);
        if (CUR(p) == TOK_RBRACK) {
            Pos rpos = CUR_POS(p);
            parser_next(p);
            if (CUR(p) == TOK_LPAREN) {
                parser_error_at(p, rpos, "empty type parameter list");
                f->name = name;
                f->type = &parse_func_type(p, context, NULL)->expr.node;
            } else {
                parser_error_at(p, rpos, "empty type argument list");
                f->type = &name->expr.node;
            }
            break;
        }
        AstFieldList list = parse_param_list(p, NULL, NULL, TOK_RBRACK, false);
        if (list.n == 0) {
            if (CUR(p) == TOK_LPAREN) {
                f->name = name;
                f->type = &parse_func_type(p, context, NULL)->expr.node;
            } else {
                f->type = &name->expr.node;
            }
            break;
        }
        if (list.items[0]->name) {
            f->name = name;
            f->type = &parse_func_type(p, context, NULL)->expr.node;
            parser_error_at(p, pos, "interface method must have no type parameters");
            break;
        }
        AstIndexExpr *t = NEW(p, AstIndexExpr, AST_INDEX_EXPR, pos);
        t->x = &name->expr.node;
        if (list.n == 1) {
            t->index = list.items[0]->type;
        } else {
            AstListExpr *l = NEW(p, AstListExpr, AST_LIST_EXPR, list.items[0]->node.pos);
            l->elems.items = ARENA_NEW_ARRAY(p->ast, AstNode *, list.n);
            l->elems.n = list.n;
            for (int i = 0; i < list.n; i++)
                l->elems.items[i] = list.items[i]->type;
            t->index = &l->expr.node;
        }
        f->type = &t->expr.node;
        break;
    }
    default:
        f->type = qualified_name(p, name);
        break;
    }
    return f;
}

/* InterfaceType = "interface" "{" { ( MethodSpec | EmbeddedElem ) ";" } "}" . */
static AstNode *interface_type(Parser *p) {
    AstInterfaceType *typ = NEW(p, AstInterfaceType, AST_INTERFACE_TYPE, CUR_POS(p));
    parser_want(p, TOK_INTERFACE);
    parser_want(p, TOK_LBRACE);
    int base = parser_list_begin(p);
    bool ok = true;
    while (CUR(p) != TOK_EOF && CUR(p) != TOK_RBRACE) {
        AstField *f = NULL;
        if (CUR(p) == TOK_NAME)
            f = method_decl(p);
        if (!f || !f->name)
            f = embedded_elem(p, f);
        parser_list_push(p, f);
        if (!(ok = parser_list_continue(p, "interface type", TOK_SEMICOLON, TOK_RBRACE)))
            break;
    }
    typ->methods.items = (AstField **)parser_list_end(p, base, &typ->methods.n);
    parser_list_close(p, TOK_RBRACE, ok);
    return &typ->expr.node;
}

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type .
 * In a type parameter list (follow is "]") constraints may be unions and
 * ~ terms.  name, if given, was already parsed. */
static AstField *param_decl_or_nil(Parser *p, AstName *name, TokenKind follow) {
    bool type_sets_ok = follow == TOK_RBRACK;
    Pos pos = CUR_POS(p);
    if (name)
        pos = name->expr.node.pos;
    else if (type_sets_ok && CUR(p) == TOK_TILDE)
        return embedded_elem(p, NULL);

    AstField *f = NEW(p, AstField, AST_FIELD, pos);
    if (CUR(p) == TOK_NAME || name) {
        if (!name)
            name = parse_name(p);
        if (CUR(p) == TOK_LBRACK) {
            f->type = array_or_targs(p);
            if (f->type->kind == AST_INDEX_EXPR)
                AST_AS(AstIndexExpr, f->type)->x = &name->expr.node;
            else
                f->name = name;
            if (type_sets_ok && CUR(p) == TOK_OR)
                f = embedded_elem(p, f);
            return f;
        }
        if (CUR(p) == TOK_PERIOD) {
            f->type = qualified_name(p, name);
            if (type_sets_ok && CUR(p) == TOK_OR)
                f = embedded_elem(p, f);
            return f;
        }
        if (type_sets_ok && CUR(p) == TOK_OR) {
            f->type = &name->expr.node;
            return embedded_elem(p, f);
        }
        f->name = name;
    }
    if (CUR(p) == TOK_ELLIPSIS) {
        AstDotsType *t = NEW(p, AstDotsType, AST_DOTS_TYPE, CUR_POS(p));
        parser_next(p);
        t->elem = parse_type_or_nil(p);
        if (!t->elem) {
            t->elem = parser_bad_expr(p);
            parser_syntax_error(p, "... is missing type");
        }
        f->type = &t->expr.node;
        return f;
    }
    if (type_sets_ok && CUR(p) == TOK_TILDE) {
        f->type = embedded_elem(p, NULL)->type;
        return f;
    }
    f->type = parse_type_or_nil(p);
    if (type_sets_ok && CUR(p) == TOK_OR && f->type)
        f = embedded_elem(p, f);
    if (f->name || f->type)
        return f;
    char msg[64];
    snprintf(msg, sizeof msg, "expecting %s", parser_tokstring(follow));
    parser_syntax_error(p, msg);
    ADVANCE(p, TOK_COMMA, follow);
    return NULL;
}

/* Parameters    = "(" [ ParameterList [ "," ] ] ")" .
 * ParameterList = ParameterDecl { "," ParameterDecl } .
 * The opening "(" or "[" has been consumed; name and typ, if given, are
 * the first parameter's.  Afterwards either all parameters have names or
 * none has: in (a, b int) the type is shared, in (int, string) names
 * become types. */
AstFieldList parse_param_list(Parser *p, AstName *name, AstNode *typ, TokenKind close,
                              bool require_names) {
    AstFieldList list = {NULL, 0};
    if (name && typ && CUR(p) == close) {
        parser_next(p);
        AstField *par = NEW(p, AstField, AST_FIELD, name->expr.node.pos);
        par->name = name;
        par->type = typ;
        list.items = ARENA_NEW_ARRAY(p->ast, AstField *, 1);
        list.items[0] = par;
        list.n = 1;
        return list;
    }
    int named = 0, typed = 0;
    int base = parser_list_begin(p);
    bool ok = true;
    while (CUR(p) != TOK_EOF && CUR(p) != close) {
        AstField *par;
        if (typ) {
            par = NEW(p, AstField, AST_FIELD, name->expr.node.pos);
            par->name = name;
            par->type = typ;
        } else {
            par = param_decl_or_nil(p, name, close);
        }
        name = NULL;
        typ = NULL;
        if (par) {
            if (par->name && par->type)
                named++;
            if (par->type)
                typed++;
            parser_list_push(p, par);
        }
        if (!(ok = parser_list_continue(p, "parameter list", TOK_COMMA, close)))
            break;
    }
    list.items = (AstField **)parser_list_end(p, base, &list.n);
    Pos end = parser_list_close(p, close, ok);
    if (list.n == 0)
        return list;

    if (named == 0 && !require_names) {
        /* all unnamed: the names found are type names */
        for (int i = 0; i < list.n; i++) {
            AstField *par = list.items[i];
            if (par->name) {
                par->type = &par->name->expr.node;
                par->name = NULL;
            }
        }
    } else if (named != list.n) {
        /* some named: all must have names and types */
        Pos errpos = POS_NONE;
        AstNode *t = NULL;
        for (int i = list.n - 1; i >= 0; i--) {
            AstField *par = list.items[i];
            if (par->type) {
                t = par->type;
                if (!par->name) {
                    errpos = ast_start_pos(t);
                    par->name = parser_new_name(p, errpos, p->blank);
                }
            } else if (t) {
                par->type = t;
            } else {
                errpos = par->name->expr.node.pos;
                AstNode *b = parser_bad_expr(p);
                b->pos = errpos;
                par->type = b;
            }
        }
        if (errpos != POS_NONE) {
            const char *msg;
            if (require_names) {
                if (named == typed) {
                    errpos = end;
                    msg = "missing type constraint";
                } else {
                    msg = "type parameters must be named";
                }
            } else {
                msg = "mixed named and unnamed parameters";
            }
            parser_syntax_error_at(p, errpos, msg);
        }
    }
    return list;
}

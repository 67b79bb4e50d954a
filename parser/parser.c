/* parser.c — the parser's machinery (tokens, errors and recovery, lists,
 * the nesting bound) and the file and declaration rules.
 *
 * The structure follows gc's syntax/parser.go so that the same input gets
 * the same errors at the same positions: want/got/advance, the follow sets
 * used for recovery, and "syntax error: unexpected X, expecting Y" built
 * from the current token. */
#include <stdarg.h>
#include <string.h>

#include "parser/parser_impl.h"

/* ---- Tokens and errors ------------------------------------------------- */

/* Moves to the next token; once the nesting bound was hit, stays at EOF. */
void parser_next(Parser *p) {
    if (p->stopped) {
        p->lx.tok.kind = TOK_EOF;
        return;
    }
    lexer_next(&p->lx);
}

/* Consumes the current token if it is k. */
bool parser_got(Parser *p, TokenKind k) {
    if (CUR(p) == k) {
        parser_next(p);
        return true;
    }
    return false;
}

/* Consumes k or reports "expecting k" and skips one token. */
void parser_want(Parser *p, TokenKind k) {
    if (!parser_got(p, k)) {
        char msg[64];
        snprintf(msg, sizeof msg, "expecting %s", parser_tokstring(k));
        parser_syntax_error(p, msg);
        parser_advance(p, NULL);
    }
}

/* Like got(=), but also accepts := (with an error) for better recovery. */
bool parser_got_assign(Parser *p) {
    switch (CUR(p)) {
    case TOK_DEFINE:
        parser_syntax_error(p, "expecting =");
        /* fall through */
    case TOK_ASSIGN:
        parser_next(p);
        return true;
    default:
        return false;
    }
}

/* The English word gc uses for a token in "expecting ..." messages. */
const char *parser_tokstring(TokenKind k) {
    switch (k) {
    case TOK_COMMA: return "comma";
    case TOK_SEMICOLON: return "semicolon or newline";
    default: return token_name(k);
    }
}

/* Errors reported so far by this parse, the lexer's included; misplaced
 * directives do not count (in gc they are the noder's, not the parser's). */
int parser_error_count(const Parser *p) {
    return p->nerrors + (p->diag->nerrors - p->diag_errors0) - p->lx.directive_errors;
}

/* ---- Directives ---------------------------------------------------------
 * As in gc, the //go: directives gathered since the last declaration are
 * taken by the next package clause, import, const, type or var spec, or
 * func declaration; a group's "(", a statement and the end of a top-level
 * declaration or of the file take none and clear them.  A cleared directive
 * is misplaced at once (gc's parser reports it); one taken by a declaration
 * that does not accept it is misplaced too, but gc finds that only after
 * type checking, in a package without any other error, so those wait for
 * the end of the file. */

/* The message for a misplaced directive of place. */
static const char *misplaced(unsigned place) {
    return place == DIRECTIVE_EMBED ? "misplaced go:embed directive"
                                    : "misplaced compiler directive";
}

/* Takes the directives before a declaration that accepts those of the
 * DIRECTIVE_* places in allowed, checked at when if it is at top level;
 * returns their PRAGMA_* bits. */
unsigned parser_take_pragmas(Parser *p, unsigned allowed, DirectiveCheck when) {
    if (p->fnest > 0)
        when = CHECK_BODIES;
    const Directive *list;
    uint32_t n;
    unsigned bits = lexer_take_directives(&p->lx, &list, &n);
    for (uint32_t i = 0; i < n; i++) {
        if (p->nattached == p->attached_cap) {
            uint32_t cap = p->attached_cap ? 2 * p->attached_cap : 16;
            AttachedDirective *a = ARENA_NEW_ARRAY(p->ast, AttachedDirective, cap);
            if (p->nattached)
                memcpy(a, p->attached, p->nattached * sizeof *a);
            p->attached = a;
            p->attached_cap = cap;
        }
        p->attached[p->nattached++] = (AttachedDirective){list[i], allowed, when};
    }
    return bits;
}

/* Takes the directives before something that accepts none and reports
 * them as misplaced (gc's clearPragma). */
void parser_clear_pragmas(Parser *p) {
    const Directive *list;
    uint32_t n;
    lexer_take_directives(&p->lx, &list, &n);
    for (uint32_t i = 0; i < n; i++)
        lexer_directive_error(&p->lx, list[i].pos, misplaced(list[i].place));
}

/* Reports the directives taken by declarations that do not accept them,
 * if the file is otherwise free of errors. */
static void check_attached_pragmas(Parser *p) {
    if (p->diag->nerrors != p->diag_errors0)
        return;
    for (int when = 0; when < CHECK_COUNT; when++)
        for (uint32_t i = 0; i < p->nattached; i++) {
            const AttachedDirective *a = &p->attached[i];
            if ((int)a->when == when && !(a->d.place & a->allowed))
                lexer_directive_error(&p->lx, a->d.pos, misplaced(a->d.place));
        }
}

/* Reports an error that is not a syntax error (no "syntax error:" prefix). */
void parser_error_at(Parser *p, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    p->nerrors++;
    diag_verror(p->diag, pos, fmt, ap);
    va_end(ap);
}

/* Reports a syntax error at pos.  A msg starting with "in ", "at ",
 * "after " or "expecting " is appended to "unexpected <current token>";
 * any other msg stands alone. */
void parser_syntax_error_at(Parser *p, Pos pos, const char *msg) {
    if (CUR(p) == TOK_EOF && parser_error_count(p) > 0)
        return; /* avoid meaningless follow-up errors */
    const char *sep;
    if (msg[0] == 0)
        sep = "";
    else if (!strncmp(msg, "in ", 3) || !strncmp(msg, "at ", 3) || !strncmp(msg, "after ", 6))
        sep = " ";
    else if (!strncmp(msg, "expecting ", 10))
        sep = ", ";
    else {
        parser_error_at(p, pos, "syntax error: %s", msg);
        return;
    }
    const Token *t = &p->lx.tok;
    const char *prefix = "", *text;
    switch (t->kind) {
    case TOK_NAME:
        text = t->lit;
        break;
    case TOK_SEMICOLON:
        text = t->semi == SEMI_NEWLINE ? "newline" : t->semi == SEMI_EOF ? "EOF" : "semicolon";
        break;
    case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_RUNE: case TOK_STRING:
        prefix = "literal ";
        text = t->lit;
        break;
    default:
        text = parser_tokstring(t->kind);
        break;
    }
    parser_error_at(p, pos, "syntax error: unexpected %s%s%s%s", prefix, text, sep, msg);
}

/* Reports a syntax error at the current token. */
void parser_syntax_error(Parser *p, const char *msg) {
    parser_syntax_error_at(p, CUR_POS(p), msg);
}

/* Whether k is a keyword that starts a statement: a good place to
 * resynchronize inside a function after an error. */
static bool is_stop_keyword(TokenKind k) {
    switch (k) {
    case TOK_BREAK: case TOK_CONST: case TOK_CONTINUE: case TOK_DEFER: case TOK_FALLTHROUGH:
    case TOK_FOR: case TOK_GO: case TOK_GOTO: case TOK_IF: case TOK_RETURN: case TOK_SELECT:
    case TOK_SWITCH: case TOK_TYPE: case TOK_VAR:
        return true;
    default:
        return false;
    }
}

/* Whether k is in the TOK_EOF-terminated list follow. */
static bool in_follow(const TokenKind *follow, TokenKind k) {
    for (; *follow != TOK_EOF; follow++)
        if (*follow == k)
            return true;
    return false;
}

/* Skips tokens until one in follow (or, inside a function, a statement
 * keyword) or EOF.  Without a follow list, skips exactly one token. */
void parser_advance(Parser *p, const TokenKind *follow) {
    if (!follow) {
        if (CUR(p) != TOK_EOF)
            parser_next(p);
        return;
    }
    while (CUR(p) != TOK_EOF && !in_follow(follow, CUR(p)) &&
           !(p->fnest > 0 && is_stop_keyword(CUR(p))))
        parser_next(p);
}

/* Enters one level of nesting; past PARSER_MAX_DEPTH reports the limit
 * once and ends the token stream, so every rule unwinds quickly. */
void parser_enter(Parser *p) {
    if (++p->depth > PARSER_MAX_DEPTH && !p->stopped) {
        parser_error_at(p, CUR_POS(p), "mgc does not support nesting deeper than %d",
                        PARSER_MAX_DEPTH);
        p->stopped = true;
        p->lx.tok.kind = TOK_EOF;
    }
}

/* Leaves one level of nesting. */
void parser_leave(Parser *p) {
    p->depth--;
}

/* ---- Nodes and lists --------------------------------------------------- */

/* A zeroed node of the given size and kind, in the ast region. */
void *parser_new_node(Parser *p, size_t size, AstKind kind, Pos pos) {
    AstNode *n = arena_zalloc(p->ast, size, _Alignof(AstExpr));
    n->kind = kind;
    n->pos = pos;
    return n;
}

/* Starts a list: items pushed from now on belong to it. */
int parser_list_begin(const Parser *p) {
    return p->top;
}

/* Appends x to the list under construction. */
void parser_list_push(Parser *p, void *x) {
    if (p->top == p->cap) {
        int cap = p->cap ? p->cap * 2 : 256;
        void **stk = ARENA_NEW_ARRAY(p->ast, void *, cap);
        if (p->top)
            memcpy(stk, p->stk, (size_t)p->top * sizeof *stk);
        p->stk = stk;
        p->cap = cap;
    }
    p->stk[p->top++] = x;
}

/* Ends the list begun at base: returns its items in an exactly sized
 * array (NULL if empty) and their count in *n. */
void **parser_list_end(Parser *p, int base, int *n) {
    *n = p->top - base;
    void **items = NULL;
    if (*n > 0) {
        items = arena_alloc(p->ast, (size_t)*n * sizeof *items, _Alignof(void *));
        memcpy(items, p->stk + base, (size_t)*n * sizeof *items);
    }
    p->top = base;
    return items;
}

/* parser_list_end for a list of nodes. */
AstList parser_list_end_nodes(Parser *p, int base) {
    AstList l;
    l.items = (AstNode **)parser_list_end(p, base, &l.n);
    return l;
}

/* After an element of list = [ f { sep f } [sep] ] close: consumes sep.
 * Returns false if neither sep nor close follows (after reporting it and
 * skipping ahead), in which case the list ends without its close. */
bool parser_list_continue(Parser *p, const char *context, TokenKind sep, TokenKind close) {
    if (parser_got(p, sep) || CUR(p) == close)
        return true;
    char msg[128];
    snprintf(msg, sizeof msg, "in %s; possibly missing %s or %s", context, parser_tokstring(sep),
             parser_tokstring(close));
    parser_syntax_error(p, msg);
    ADVANCE(p, TOK_RPAREN, TOK_RBRACK, TOK_RBRACE);
    return CUR(p) == close;
}

/* Consumes the list's close token (if ok) and returns its position. */
Pos parser_list_close(Parser *p, TokenKind close, bool ok) {
    Pos pos = CUR_POS(p);
    if (ok)
        parser_want(p, close);
    return pos;
}

/* A Name node. */
AstName *parser_new_name(Parser *p, Pos pos, const char *value) {
    AstName *n = NEW(p, AstName, AST_NAME, pos);
    n->value = value;
    return n;
}

/* A BadExpr at the current token. */
AstNode *parser_bad_expr(Parser *p) {
    return &NEW(p, AstBadExpr, AST_BAD_EXPR, CUR_POS(p))->expr.node;
}

/* identifier (or "_" after reporting "expecting name"). */
AstName *parse_name(Parser *p) {
    if (CUR(p) == TOK_NAME) {
        AstName *n = parser_new_name(p, CUR_POS(p), p->lx.tok.lit);
        parser_next(p);
        return n;
    }
    AstName *n = parser_new_name(p, CUR_POS(p), p->blank);
    parser_syntax_error(p, "expecting name");
    parser_advance(p, NULL);
    return n;
}

/* IdentifierList = identifier { "," identifier } .  first is given. */
AstNameList parse_name_list(Parser *p, AstName *first) {
    AstNameList l;
    if (CUR(p) != TOK_COMMA) {
        l.items = ARENA_NEW_ARRAY(p->ast, AstName *, 1);
        l.items[0] = first;
        l.n = 1;
        return l;
    }
    int base = parser_list_begin(p);
    parser_list_push(p, first);
    while (parser_got(p, TOK_COMMA))
        parser_list_push(p, parse_name(p));
    l.items = (AstName **)parser_list_end(p, base, &l.n);
    return l;
}

/* ---- Declarations ------------------------------------------------------ */

/* appendGroup(f) = f | "(" { f ";" } ")" .   Pushes the declarations onto
 * the list under construction. */
void parse_group(Parser *p, DeclFunc *f) {
    if (CUR(p) != TOK_LPAREN) {
        AstNode *d = f(p, 0, 0, NULL);
        if (d)
            parser_list_push(p, d);
        return;
    }
    uint32_t group = ++p->ngroups;
    parser_clear_pragmas(p); /* before the "(": what follows it is the first spec's */
    parser_next(p);
    AstNode *prev = NULL;
    int index = 0;
    bool ok = true;
    while (CUR(p) != TOK_EOF && CUR(p) != TOK_RPAREN) {
        AstNode *d = f(p, group, index++, prev);
        if (d) {
            parser_list_push(p, d);
            prev = d;
        }
        if (!(ok = parser_list_continue(p, "grouped declaration", TOK_SEMICOLON, TOK_RPAREN)))
            break;
    }
    parser_list_close(p, TOK_RPAREN, ok);
}

/* ImportSpec = [ "." | PackageName ] ImportPath .
 * ImportPath = string_lit . */
static AstNode *import_decl(Parser *p, uint32_t group, int index, AstNode *prev) {
    (void)index, (void)prev;
    AstImportDecl *d = NEW(p, AstImportDecl, AST_IMPORT_DECL, CUR_POS(p));
    d->group = group;
    d->pragma = parser_take_pragmas(p, 0, CHECK_IMPORTS);
    if (CUR(p) == TOK_NAME) {
        d->local_name = parse_name(p);
    } else if (CUR(p) == TOK_PERIOD) {
        d->local_name = parser_new_name(p, CUR_POS(p), intern(p->names, ".", 1));
        parser_next(p);
    }
    if (CUR(p) >= TOK_INT && CUR(p) <= TOK_STRING) {
        AstBasicLit *lit = NEW(p, AstBasicLit, AST_BASIC_LIT, CUR_POS(p));
        lit->lit_kind = (LitKind)(CUR(p) - TOK_INT);
        lit->value = p->lx.tok.lit;
        lit->len = p->lx.tok.len;
        lit->bad = p->lx.tok.bad;
        d->path = lit;
        parser_next(p);
        if (!lit->bad && lit->lit_kind != LIT_STRING) {
            parser_syntax_error(p, "import path must be a string");
            lit->bad = true;
        }
    } else {
        parser_syntax_error(p, "missing import path");
        ADVANCE(p, TOK_SEMICOLON, TOK_RPAREN);
    }
    return &d->node;
}

/* ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] . */
AstNode *parse_const_decl(Parser *p, uint32_t group, int index, AstNode *prev) {
    AstConstDecl *d = NEW(p, AstConstDecl, AST_CONST_DECL, CUR_POS(p));
    d->group = group;
    d->iota = index;
    d->pragma = parser_take_pragmas(p, 0, CHECK_DECLS);
    d->names = parse_name_list(p, parse_name(p));
    if (CUR(p) != TOK_EOF && CUR(p) != TOK_SEMICOLON && CUR(p) != TOK_RPAREN) {
        d->type = parse_type_or_nil(p);
        if (parser_got_assign(p))
            d->values = parse_expr_list(p);
    }
    if (!d->type && !d->values && prev) {
        AstConstDecl *pd = AST_AS(AstConstDecl, prev);
        d->implicit = pd->implicit ? pd->implicit : pd;
    }
    return &d->node;
}

/* Splits x into a type parameter name and its constraint when x can be
 * read as "name constraint" (gc's extractName); *name is NULL if not.
 * force accepts constraints that could also be values. */
static bool is_type_elem(const AstNode *x);
static AstNode *extract_name(Parser *p, AstNode *x, bool force, AstName **name) {
    *name = NULL;
    switch (x->kind) {
    case AST_NAME:
        *name = AST_AS(AstName, x);
        return NULL;
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, x);
        if (!op->y)
            break;
        if (op->op == OP_MUL && op->x->kind == AST_NAME && (force || is_type_elem(op->y))) {
            /* name *y: the constraint is the pointer type *y */
            AstOperation *t = NEW(p, AstOperation, AST_OPERATION, op->expr.node.pos);
            t->op = OP_MUL;
            t->x = op->y;
            *name = AST_AS(AstName, op->x);
            return &t->expr.node;
        }
        if (op->op == OP_OR) {
            AstName *n;
            AstNode *lhs = extract_name(p, op->x, force || is_type_elem(op->y), &n);
            if (n && lhs) {
                AstOperation *t = NEW(p, AstOperation, AST_OPERATION, op->expr.node.pos);
                t->op = OP_OR;
                t->x = lhs;
                t->y = op->y;
                *name = n;
                return &t->expr.node;
            }
        }
        break;
    }
    case AST_CALL_EXPR: {
        AstCallExpr *c = AST_AS(AstCallExpr, x);
        if (c->fun->kind == AST_NAME && c->args.n == 1 && !c->has_dots &&
            (force || is_type_elem(c->args.items[0]))) {
            *name = AST_AS(AstName, c->fun);
            return c->args.items[0];
        }
        break;
    }
    default:
        break;
    }
    return x;
}

/* Whether x is (syntactically) certainly a type element, not a value. */
static bool is_type_elem(const AstNode *x) {
    switch (x->kind) {
    case AST_ARRAY_TYPE: case AST_STRUCT_TYPE: case AST_FUNC_TYPE: case AST_INTERFACE_TYPE:
    case AST_SLICE_TYPE: case AST_MAP_TYPE: case AST_CHAN_TYPE:
        return true;
    case AST_OPERATION: {
        const AstOperation *op = AST_AS(const AstOperation, x);
        return is_type_elem(op->x) || (op->y && is_type_elem(op->y)) || op->op == OP_TILDE;
    }
    case AST_PAREN_EXPR:
        return is_type_elem(AST_AS(const AstParenExpr, x)->x);
    default:
        return false;
    }
}

/* TypeSpec = identifier [ TypeParams ] [ "=" ] Type .
 * After "name [" the declaration is either an array or slice type or a
 * type parameter list; the first expression decides, as in gc. */
AstNode *parse_type_decl(Parser *p, uint32_t group, int index, AstNode *prev) {
    (void)index, (void)prev;
    AstTypeDecl *d = NEW(p, AstTypeDecl, AST_TYPE_DECL, CUR_POS(p));
    d->group = group;
    uint32_t first_directive = p->nattached;
    d->pragma = parser_take_pragmas(p, DIRECTIVE_TYPE, CHECK_TYPES);
    uint32_t end_directive = p->nattached;
    d->name = parse_name(p);
    if (CUR(p) == TOK_LBRACK) {
        Pos pos = CUR_POS(p);
        parser_next(p);
        if (CUR(p) == TOK_NAME) {
            AstNode *x = &parse_name(p)->expr.node;
            if (CUR(p) != TOK_LBRACK) {
                p->xnest++;
                x = parse_binary_expr(p, parse_pexpr(p, x, false), 0);
                p->xnest--;
            }
            AstName *pname;
            AstNode *ptype = extract_name(p, x, CUR(p) == TOK_COMMA, &pname);
            if (pname && (ptype || CUR(p) != TOK_RBRACK)) {
                d->tparams = parse_param_list(p, pname, ptype, TOK_RBRACK, true);
                d->alias = parser_got_assign(p);
                d->type = parse_type_or_nil(p);
            } else {
                d->type = parse_array_type(p, pos, x);
            }
        } else if (CUR(p) == TOK_RBRACK) {
            parser_next(p);
            d->type = parse_slice_type(p, pos);
        } else {
            d->type = parse_array_type(p, pos, NULL);
        }
    } else {
        d->alias = parser_got_assign(p);
        d->type = parse_type_or_nil(p);
    }
    if (!d->type) {
        d->type = parser_bad_expr(p);
        parser_syntax_error(p, "in type declaration");
        ADVANCE(p, TOK_SEMICOLON, TOK_RPAREN);
    }
    if (d->alias) /* go:notinheap does not apply to an alias */
        for (uint32_t i = first_directive; i < end_directive; i++)
            p->attached[i].allowed = 0;
    return &d->node;
}

/* VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) . */
AstNode *parse_var_decl(Parser *p, uint32_t group, int index, AstNode *prev) {
    (void)index, (void)prev;
    AstVarDecl *d = NEW(p, AstVarDecl, AST_VAR_DECL, CUR_POS(p));
    d->group = group;
    d->pragma = parser_take_pragmas(p, DIRECTIVE_EMBED, CHECK_DECLS);
    d->names = parse_name_list(p, parse_name(p));
    if (parser_got_assign(p)) {
        d->values = parse_expr_list(p);
    } else {
        d->type = parse_type(p);
        if (parser_got_assign(p))
            d->values = parse_expr_list(p);
    }
    return &d->node;
}

/* FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) .
 * MethodDecl   = "func" Receiver MethodName ( Function | Signature ) .
 * Receiver     = Parameters .
 * At the "func" keyword; the declaration's position is the next token's. */
static AstFuncDecl *func_decl_or_nil(Parser *p) {
    parser_next(p);
    AstFuncDecl *f = NEW(p, AstFuncDecl, AST_FUNC_DECL, CUR_POS(p));
    f->pragma = parser_take_pragmas(p, DIRECTIVE_FUNC, CHECK_DECLS);
    if (CUR(p) == TOK_LPAREN) {
        parser_next(p);
        AstFieldList rcvr = parse_param_list(p, NULL, NULL, TOK_RPAREN, false);
        if (rcvr.n == 0) {
            parser_error_at(p, CUR_POS(p), "method has no receiver");
        } else {
            if (rcvr.n > 1)
                parser_error_at(p, CUR_POS(p), "method has multiple receivers");
            f->recv = rcvr.items[0];
        }
    }
    if (CUR(p) != TOK_NAME) {
        parser_syntax_error(p, "expecting name or (");
        ADVANCE(p, TOK_LBRACE, TOK_SEMICOLON);
        return NULL;
    }
    f->name = parse_name(p);
    f->type = parse_func_type(p, f->recv ? "method" : "", &f->tparams);
    if (CUR(p) == TOK_LBRACE)
        f->body = parse_func_body(p);
    return f;
}

/* FunctionBody = Block .  Checks labels and branches if the body parsed
 * without errors (as gc does, to avoid follow-up errors). */
AstBlockStmt *parse_func_body(Parser *p) {
    p->fnest++;
    int errs = parser_error_count(p);
    AstBlockStmt *body = parse_block_stmt(p, "");
    p->fnest--;
    if (errs == parser_error_count(p) && !p->stopped)
        parser_check_branches(p, body);
    return body;
}

/* SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
static void file_body(Parser *p, AstFile *f) {
    f->node.pos = CUR_POS(p);
    if (!parser_got(p, TOK_PACKAGE)) {
        parser_syntax_error(p, "package statement must be first");
        return;
    }
    f->pragma = parser_take_pragmas(p, DIRECTIVE_PACKAGE, CHECK_IMPORTS);
    f->pkg_name = parse_name(p);
    parser_want(p, TOK_SEMICOLON);
    if (parser_error_count(p) > 0)
        return; /* don't bother continuing if the package clause has errors */

    int base = parser_list_begin(p);
    while (parser_got(p, TOK_IMPORT)) {
        parse_group(p, import_decl);
        parser_want(p, TOK_SEMICOLON);
    }
    while (CUR(p) != TOK_EOF) {
        switch (CUR(p)) {
        case TOK_CONST:
            parser_next(p);
            parse_group(p, parse_const_decl);
            break;
        case TOK_TYPE:
            parser_next(p);
            parse_group(p, parse_type_decl);
            break;
        case TOK_VAR:
            parser_next(p);
            parse_group(p, parse_var_decl);
            break;
        case TOK_FUNC: {
            AstFuncDecl *d = func_decl_or_nil(p);
            if (d)
                parser_list_push(p, d);
            break;
        }
        default: {
            AstNode *last = p->top > base ? p->stk[p->top - 1] : NULL;
            if (CUR(p) == TOK_LBRACE && last && last->kind == AST_FUNC_DECL &&
                !AST_AS(AstFuncDecl, last)->body)
                parser_syntax_error(p, "unexpected semicolon or newline before {");
            else
                parser_syntax_error(p, "non-declaration statement outside function body");
            ADVANCE(p, TOK_CONST, TOK_TYPE, TOK_VAR, TOK_FUNC);
            continue;
        }
        }
        /* Directives before the ';' belong to nothing; those after it to
         * the next declaration. */
        parser_clear_pragmas(p);
        if (CUR(p) != TOK_EOF && !parser_got(p, TOK_SEMICOLON)) {
            parser_syntax_error(p, "after top level declaration");
            ADVANCE(p, TOK_CONST, TOK_TYPE, TOK_VAR, TOK_FUNC);
        }
    }
    parser_clear_pragmas(p);
    f->decls = parser_list_end_nodes(p, base);
    f->eof = CUR_POS(p);
}

AstFile *parse_file(const SourceFile *src, Diag *diag, Arena *ast, Interner *names) {
    Parser p;
    memset(&p, 0, sizeof p);
    p.diag = diag;
    p.ast = ast;
    p.names = names;
    p.blank = intern(names, "_", 1);
    p.diag_errors0 = diag->nerrors;
    AstFile *f = NEW(&p, AstFile, AST_FILE, pos_make(src->index, 1, 1));
    f->src = src;
    lexer_init(&p.lx, src, diag, ast, names);
    lexer_next(&p.lx);
    file_body(&p, f);
    check_attached_pragmas(&p);
    return f;
}

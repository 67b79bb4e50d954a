/* parser_stmt.c — statements. */
#include <string.h>

#include "parser/parser_impl.h"

static AstNode *stmt_or_nil(Parser *p);
static AstList stmt_list(Parser *p);

/* The AstOp of an op= token (OP_NONE if k is not one). */
static AstOp assign_op(TokenKind k) {
    switch (k) {
    case TOK_ADD_ASSIGN: return OP_ADD;
    case TOK_SUB_ASSIGN: return OP_SUB;
    case TOK_MUL_ASSIGN: return OP_MUL;
    case TOK_QUO_ASSIGN: return OP_DIV;
    case TOK_REM_ASSIGN: return OP_REM;
    case TOK_AND_ASSIGN: return OP_AND;
    case TOK_OR_ASSIGN: return OP_OR;
    case TOK_XOR_ASSIGN: return OP_XOR;
    case TOK_SHL_ASSIGN: return OP_SHL;
    case TOK_SHR_ASSIGN: return OP_SHR;
    case TOK_AND_NOT_ASSIGN: return OP_AND_NOT;
    default: return OP_NONE;
    }
}

/* An AssignStmt at pos. */
static AstNode *new_assign_stmt(Parser *p, Pos pos, AstOp op, AstNode *lhs, AstNode *rhs) {
    AstAssignStmt *a = NEW(p, AstAssignStmt, AST_ASSIGN_STMT, pos);
    a->op = op;
    a->lhs = lhs;
    a->rhs = rhs;
    return &a->node;
}

/* An ExprStmt for x. */
static AstNode *new_expr_stmt(Parser *p, AstNode *x) {
    AstExprStmt *s = NEW(p, AstExprStmt, AST_EXPR_STMT, x->pos);
    s->x = x;
    return &s->node;
}

/* RangeClause = [ lhs ( "=" | ":=" ) ] "range" Expression .  At "range". */
static AstNode *new_range_clause(Parser *p, AstNode *lhs, bool def) {
    AstRangeClause *r = NEW(p, AstRangeClause, AST_RANGE_CLAUSE, CUR_POS(p));
    parser_next(p);
    r->lhs = lhs;
    r->def = def;
    r->x = parse_expr(p);
    return &r->node;
}

/* SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt |
 *              Assignment | ShortVarDecl .
 * keyword is the statement whose header this is (TOK_FOR allows a range
 * clause, TOK_SWITCH a type switch guard), or TOK_EOF. */
static AstNode *simple_stmt(Parser *p, AstNode *lhs, TokenKind keyword) {
    if (keyword == TOK_FOR && CUR(p) == TOK_RANGE)
        return new_range_clause(p, NULL, false);
    if (!lhs)
        lhs = parse_expr_list(p);

    if (lhs->kind != AST_LIST_EXPR && CUR(p) != TOK_ASSIGN && CUR(p) != TOK_DEFINE) {
        Pos pos = CUR_POS(p);
        AstOp op = assign_op(CUR(p));
        if (op != OP_NONE) {
            parser_next(p);
            return new_assign_stmt(p, pos, op, lhs, parse_expr(p));
        }
        switch (CUR(p)) {
        case TOK_INC:
        case TOK_DEC:
            op = CUR(p) == TOK_INC ? OP_ADD : OP_SUB;
            parser_next(p);
            return new_assign_stmt(p, pos, op, lhs, NULL);
        case TOK_ARROW: {
            AstSendStmt *s = NEW(p, AstSendStmt, AST_SEND_STMT, pos);
            parser_next(p);
            s->chan = lhs;
            s->value = parse_expr(p);
            return &s->node;
        }
        default:
            return new_expr_stmt(p, lhs);
        }
    }

    if (CUR(p) == TOK_ASSIGN || CUR(p) == TOK_DEFINE) {
        Pos pos = CUR_POS(p);
        AstOp op = CUR(p) == TOK_DEFINE ? OP_DEF : OP_NONE;
        parser_next(p);
        if (keyword == TOK_FOR && CUR(p) == TOK_RANGE)
            return new_range_clause(p, lhs, op == OP_DEF);
        AstNode *rhs = parse_expr_list(p);
        if (rhs->kind == AST_TYPE_SWITCH_GUARD && keyword == TOK_SWITCH && op == OP_DEF &&
            lhs->kind == AST_NAME) {
            /* switch x := y.(type) */
            AST_AS(AstTypeSwitchGuard, rhs)->lhs = AST_AS(AstName, lhs);
            return new_expr_stmt(p, rhs);
        }
        return new_assign_stmt(p, pos, op, lhs, rhs);
    }

    parser_syntax_error(p, "expecting := or = or comma");
    ADVANCE(p, TOK_SEMICOLON, TOK_RBRACE);
    if (lhs->kind == AST_LIST_EXPR)
        lhs = AST_AS(AstListExpr, lhs)->elems.items[0];
    return new_expr_stmt(p, lhs);
}

/* LabeledStmt = Label ":" Statement .  At ":". */
static AstNode *labeled_stmt_or_nil(Parser *p, AstName *label) {
    AstLabeledStmt *s = NEW(p, AstLabeledStmt, AST_LABELED_STMT, CUR_POS(p));
    s->label = label;
    parser_want(p, TOK_COLON);
    if (CUR(p) == TOK_RBRACE) {
        /* "L: }" labels an empty statement (the ";" before "}" is optional) */
        s->stmt = &NEW(p, AstEmptyStmt, AST_EMPTY_STMT, CUR_POS(p))->node;
        return &s->node;
    }
    parser_enter(p);
    s->stmt = stmt_or_nil(p);
    parser_leave(p);
    if (s->stmt)
        return &s->node;
    parser_syntax_error_at(p, s->node.pos, "missing statement after label");
    return NULL;
}

/* Block = "{" StatementList "}" .  context names the construct whose
 * block this is, for "expecting { after <context>". */
AstBlockStmt *parse_block_stmt(Parser *p, const char *context) {
    AstBlockStmt *s = NEW(p, AstBlockStmt, AST_BLOCK_STMT, CUR_POS(p));
    parser_enter(p);
    if (!parser_got(p, TOK_LBRACE)) {
        char msg[64];
        snprintf(msg, sizeof msg, "expecting { after %s", context);
        parser_syntax_error(p, msg);
        ADVANCE(p, TOK_NAME, TOK_RBRACE);
        s->rbrace = CUR_POS(p);
        if (parser_got(p, TOK_RBRACE)) {
            parser_leave(p);
            return s;
        }
    }
    s->stmts = stmt_list(p);
    s->rbrace = CUR_POS(p);
    parser_want(p, TOK_RBRACE);
    parser_leave(p);
    return s;
}

/* DeclStmt = ConstDecl | TypeDecl | VarDecl .  At the keyword. */
static AstNode *decl_stmt(Parser *p, DeclFunc *f) {
    AstDeclStmt *s = NEW(p, AstDeclStmt, AST_DECL_STMT, CUR_POS(p));
    parser_next(p);
    int base = parser_list_begin(p);
    parse_group(p, f);
    s->decls = parser_list_end_nodes(p, base);
    return &s->node;
}

/* Writes "cannot use <s> as value" for a header's condition that is a
 * statement (gc's wording, with the assignment's sides parenthesized). */
static void report_stmt_as_value(Parser *p, AstNode *s) {
    char lhs[256], rhs[256], msg[600];
    AstAssignStmt *as = AST_AS(AstAssignStmt, s);
    if (s->kind == AST_ASSIGN_STMT && as->op == OP_NONE)
        snprintf(msg, sizeof msg, "cannot use assignment (%s) = (%s) as value",
                 ast_string(as->lhs, lhs, sizeof lhs), ast_string(as->rhs, rhs, sizeof rhs));
    else
        snprintf(msg, sizeof msg, "cannot use %s as value", ast_string(s, lhs, sizeof lhs));
    parser_syntax_error_at(p, s->pos, msg);
}

/* The header of if, for and switch:
 *   [ SimpleStmt ";" ] Expression            (if, switch)
 *   [ Init ] ";" [ Cond ] ";" [ Post ] | Cond | RangeClause   (for)
 * Composite literals need parentheses here (xnest < 0). */
static void header(Parser *p, TokenKind keyword, AstNode **init, AstNode **cond, AstNode **post) {
    *init = *cond = NULL;
    if (post)
        *post = NULL;
    parser_want(p, keyword);
    if (CUR(p) == TOK_LBRACE) {
        if (keyword == TOK_IF) {
            parser_syntax_error(p, "missing condition in if statement");
            *cond = parser_bad_expr(p);
        }
        return;
    }
    int outer = p->xnest;
    p->xnest = -1;

    if (CUR(p) != TOK_SEMICOLON) {
        /* accept a var declaration but complain */
        if (parser_got(p, TOK_VAR)) {
            char msg[64];
            snprintf(msg, sizeof msg, "var declaration not allowed in %s initializer",
                     parser_tokstring(keyword));
            parser_syntax_error(p, msg);
        }
        *init = simple_stmt(p, NULL, keyword);
        if ((*init)->kind == AST_RANGE_CLAUSE) {
            p->xnest = outer;
            return;
        }
    }

    AstNode *cond_stmt = NULL;
    Pos semi_pos = POS_NONE;
    SemiKind semi_kind = SEMI_EXPLICIT;
    if (CUR(p) != TOK_LBRACE) {
        if (CUR(p) == TOK_SEMICOLON) {
            semi_pos = CUR_POS(p);
            semi_kind = p->lx.tok.semi;
            parser_next(p);
        } else {
            /* asking for "{" rather than ";" gives a better message */
            parser_want(p, TOK_LBRACE);
            if (CUR(p) != TOK_LBRACE)
                ADVANCE(p, TOK_LBRACE, TOK_RBRACE);
        }
        if (keyword == TOK_FOR) {
            if (CUR(p) != TOK_SEMICOLON) {
                if (CUR(p) == TOK_LBRACE) {
                    parser_syntax_error(p, "expecting for loop condition");
                    goto done;
                }
                cond_stmt = simple_stmt(p, NULL, TOK_EOF);
            }
            parser_want(p, TOK_SEMICOLON);
            if (CUR(p) != TOK_LBRACE) {
                *post = simple_stmt(p, NULL, TOK_EOF);
                AstAssignStmt *a = AST_AS(AstAssignStmt, *post);
                if ((*post)->kind == AST_ASSIGN_STMT && a->op == OP_DEF)
                    parser_syntax_error_at(p, a->node.pos,
                                           "cannot declare in post statement of for loop");
            }
        } else if (CUR(p) != TOK_LBRACE) {
            cond_stmt = simple_stmt(p, NULL, keyword);
        }
    } else {
        cond_stmt = *init;
        *init = NULL;
    }

done:
    if (!cond_stmt) {
        if (keyword == TOK_IF && semi_pos != POS_NONE) {
            if (semi_kind != SEMI_EXPLICIT) {
                char msg[80];
                snprintf(msg, sizeof msg, "unexpected %s, expecting { after if clause",
                         semi_kind == SEMI_NEWLINE ? "newline" : "EOF");
                parser_syntax_error_at(p, semi_pos, msg);
            } else {
                parser_syntax_error_at(p, semi_pos, "missing condition in if statement");
            }
            AstNode *b = parser_bad_expr(p);
            b->pos = semi_pos;
            *cond = b;
        }
    } else if (cond_stmt->kind == AST_EXPR_STMT) {
        *cond = AST_AS(AstExprStmt, cond_stmt)->x;
    } else {
        report_stmt_as_value(p, cond_stmt);
    }
    p->xnest = outer;
}

/* ForStmt = "for" [ Condition | ForClause | RangeClause ] Block . */
static AstNode *for_stmt(Parser *p) {
    AstForStmt *s = NEW(p, AstForStmt, AST_FOR_STMT, CUR_POS(p));
    header(p, TOK_FOR, &s->init, &s->cond, &s->post);
    s->body = parse_block_stmt(p, "for clause");
    return &s->node;
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static AstNode *if_stmt(Parser *p) {
    AstIfStmt *s = NEW(p, AstIfStmt, AST_IF_STMT, CUR_POS(p));
    parser_enter(p);
    header(p, TOK_IF, &s->init, &s->cond, NULL);
    s->then = parse_block_stmt(p, "if clause");
    if (parser_got(p, TOK_ELSE)) {
        if (CUR(p) == TOK_IF) {
            s->els = if_stmt(p);
        } else if (CUR(p) == TOK_LBRACE) {
            s->els = &parse_block_stmt(p, "")->node;
        } else {
            parser_syntax_error(p, "else must be followed by if or statement block");
            ADVANCE(p, TOK_NAME, TOK_RBRACE);
        }
    }
    parser_leave(p);
    return &s->node;
}

/* ExprCaseClause = ExprSwitchCase ":" StatementList .
 * ExprSwitchCase = "case" ExpressionList | "default" . */
static AstNode *case_clause(Parser *p) {
    AstCaseClause *c = NEW(p, AstCaseClause, AST_CASE_CLAUSE, CUR_POS(p));
    switch (CUR(p)) {
    case TOK_CASE:
        parser_next(p);
        c->cases = parse_expr_list(p);
        break;
    case TOK_DEFAULT:
        parser_next(p);
        break;
    default:
        parser_syntax_error(p, "expecting case or default or }");
        ADVANCE(p, TOK_COLON, TOK_CASE, TOK_DEFAULT, TOK_RBRACE);
        break;
    }
    c->colon = CUR_POS(p);
    parser_want(p, TOK_COLON);
    c->body = stmt_list(p);
    return &c->node;
}

/* CommClause = CommCase ":" StatementList .
 * CommCase   = "case" ( SendStmt | RecvStmt ) | "default" . */
static AstNode *comm_clause(Parser *p) {
    AstCommClause *c = NEW(p, AstCommClause, AST_COMM_CLAUSE, CUR_POS(p));
    switch (CUR(p)) {
    case TOK_CASE:
        parser_next(p);
        /* any simple statement; the type checker restricts it */
        c->comm = simple_stmt(p, NULL, TOK_EOF);
        break;
    case TOK_DEFAULT:
        parser_next(p);
        break;
    default:
        parser_syntax_error(p, "expecting case or default or }");
        ADVANCE(p, TOK_COLON, TOK_CASE, TOK_DEFAULT, TOK_RBRACE);
        break;
    }
    c->colon = CUR_POS(p);
    parser_want(p, TOK_COLON);
    c->body = stmt_list(p);
    return &c->node;
}

/* SwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression | TypeSwitchGuard ]
 *              "{" { CaseClause } "}" . */
static AstNode *switch_stmt(Parser *p) {
    AstSwitchStmt *s = NEW(p, AstSwitchStmt, AST_SWITCH_STMT, CUR_POS(p));
    parser_enter(p);
    header(p, TOK_SWITCH, &s->init, &s->tag, NULL);
    if (!parser_got(p, TOK_LBRACE)) {
        parser_syntax_error(p, "missing { after switch clause");
        ADVANCE(p, TOK_CASE, TOK_DEFAULT, TOK_RBRACE);
    }
    int base = parser_list_begin(p);
    while (CUR(p) != TOK_EOF && CUR(p) != TOK_RBRACE)
        parser_list_push(p, case_clause(p));
    s->body = parser_list_end_nodes(p, base);
    s->rbrace = CUR_POS(p);
    parser_want(p, TOK_RBRACE);
    parser_leave(p);
    return &s->node;
}

/* SelectStmt = "select" "{" { CommClause } "}" . */
static AstNode *select_stmt(Parser *p) {
    AstSelectStmt *s = NEW(p, AstSelectStmt, AST_SELECT_STMT, CUR_POS(p));
    parser_enter(p);
    parser_want(p, TOK_SELECT);
    if (!parser_got(p, TOK_LBRACE)) {
        parser_syntax_error(p, "missing { after select clause");
        ADVANCE(p, TOK_CASE, TOK_DEFAULT, TOK_RBRACE);
    }
    int base = parser_list_begin(p);
    while (CUR(p) != TOK_EOF && CUR(p) != TOK_RBRACE)
        parser_list_push(p, comm_clause(p));
    s->body = parser_list_end_nodes(p, base);
    s->rbrace = CUR_POS(p);
    parser_want(p, TOK_RBRACE);
    parser_leave(p);
    return &s->node;
}

/* GoStmt = "go" Expression .  DeferStmt = "defer" Expression .
 * The expression must be a call, not parenthesized. */
static AstNode *call_stmt(Parser *p) {
    AstCallStmt *s = NEW(p, AstCallStmt, AST_CALL_STMT, CUR_POS(p));
    s->tok = CUR(p);
    parser_next(p);
    AstNode *x = parse_pexpr(p, NULL, CUR(p) == TOK_LPAREN);
    AstNode *t = ast_unparen(x);
    if (t != x) {
        parser_error_at(p, x->pos, "expression in %s must not be parenthesized",
                        token_name(s->tok));
        x = t;
    }
    if (x->kind == AST_CALL_EXPR) {
        s->call = AST_AS(AstCallExpr, x);
    } else {
        parser_error_at(p, x->pos, "expression in %s must be function call", token_name(s->tok));
        AstCallExpr *cx = NEW(p, AstCallExpr, AST_CALL_EXPR, x->pos);
        cx->fun = x; /* most likely the call's parentheses are missing */
        s->call = cx;
    }
    return &s->node;
}

/* A BranchStmt at the current keyword. */
static AstBranchStmt *branch_stmt(Parser *p) {
    AstBranchStmt *s = NEW(p, AstBranchStmt, AST_BRANCH_STMT, CUR_POS(p));
    s->tok = CUR(p);
    parser_next(p);
    return s;
}

/* Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt |
 *             BreakStmt | ContinueStmt | GotoStmt | FallthroughStmt |
 *             Block | IfStmt | SwitchStmt | SelectStmt | ForStmt | DeferStmt .
 * Returns NULL if no statement starts here. */
static AstNode *stmt_or_nil(Parser *p) {
    /* most statements start with a name: try that first */
    if (CUR(p) == TOK_NAME) {
        parser_clear_pragmas(p);
        AstNode *lhs = parse_expr_list(p);
        if (lhs->kind == AST_NAME && CUR(p) == TOK_COLON)
            return labeled_stmt_or_nil(p, AST_AS(AstName, lhs));
        return simple_stmt(p, lhs, TOK_EOF);
    }
    switch (CUR(p)) {
    case TOK_VAR: return decl_stmt(p, parse_var_decl);
    case TOK_CONST: return decl_stmt(p, parse_const_decl);
    case TOK_TYPE: return decl_stmt(p, parse_type_decl);
    default: break;
    }
    parser_clear_pragmas(p);
    switch (CUR(p)) {
    case TOK_LBRACE:
        return &parse_block_stmt(p, "")->node;
    case TOK_ADD: case TOK_SUB: case TOK_MUL: case TOK_AND: case TOK_XOR: case TOK_NOT:
    case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_RUNE: case TOK_STRING:
    case TOK_FUNC: case TOK_LPAREN: case TOK_LBRACK: case TOK_STRUCT: case TOK_MAP:
    case TOK_CHAN: case TOK_INTERFACE: case TOK_ARROW:
        return simple_stmt(p, NULL, TOK_EOF);
    case TOK_FOR:
        return for_stmt(p);
    case TOK_SWITCH:
        return switch_stmt(p);
    case TOK_SELECT:
        return select_stmt(p);
    case TOK_IF:
        return if_stmt(p);
    case TOK_FALLTHROUGH:
        return &branch_stmt(p)->node;
    case TOK_BREAK:
    case TOK_CONTINUE: {
        AstBranchStmt *s = branch_stmt(p);
        if (CUR(p) == TOK_NAME)
            s->label = parse_name(p);
        return &s->node;
    }
    case TOK_GO:
    case TOK_DEFER:
        return call_stmt(p);
    case TOK_GOTO: {
        AstBranchStmt *s = branch_stmt(p);
        s->label = parse_name(p);
        return &s->node;
    }
    case TOK_RETURN: {
        AstReturnStmt *s = NEW(p, AstReturnStmt, AST_RETURN_STMT, CUR_POS(p));
        parser_next(p);
        if (CUR(p) != TOK_SEMICOLON && CUR(p) != TOK_RBRACE)
            s->results = parse_expr_list(p);
        return &s->node;
    }
    case TOK_SEMICOLON:
        return &NEW(p, AstEmptyStmt, AST_EMPTY_STMT, CUR_POS(p))->node;
    default:
        return NULL;
    }
}

/* StatementList = { Statement ";" } . */
static AstList stmt_list(Parser *p) {
    int base = parser_list_begin(p);
    while (CUR(p) != TOK_EOF && CUR(p) != TOK_RBRACE && CUR(p) != TOK_CASE &&
           CUR(p) != TOK_DEFAULT) {
        AstNode *s = stmt_or_nil(p);
        parser_clear_pragmas(p);
        if (!s)
            break;
        parser_list_push(p, s);
        /* ";" is optional before "}" */
        if (!parser_got(p, TOK_SEMICOLON) && CUR(p) != TOK_RBRACE) {
            parser_syntax_error(p, "at end of statement");
            ADVANCE(p, TOK_SEMICOLON, TOK_RBRACE, TOK_CASE, TOK_DEFAULT);
            parser_got(p, TOK_SEMICOLON);
        }
    }
    return parser_list_end_nodes(p, base);
}

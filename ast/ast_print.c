/* ast_print.c — the -d ast output: one node per line, indented by depth,
 *
 *   <role>: <Kind> <line>:<col> <attributes>
 *
 * where role is the field of the parent holding the node (Items[i] for
 * list elements), and attributes are the node's own data: names,
 * operators, literal text.  See docs/ast.md. */
#include "ast/ast.h"

static const char *const LIT_NAMES[] = {"INT", "FLOAT", "IMAG", "RUNE", "STRING"};

typedef struct Printer {
    FILE *out;
} Printer;

static void print_node(Printer *pr, int indent, const char *role, int index, const AstNode *n);

/* Writes the start of n's line: indentation, role, kind and position. */
static void head(Printer *pr, int indent, const char *role, int index, const AstNode *n) {
    fprintf(pr->out, "%*s", 2 * indent, "");
    if (role) {
        if (index >= 0)
            fprintf(pr->out, "%s[%d]: ", role, index);
        else
            fprintf(pr->out, "%s: ", role);
    }
    fprintf(pr->out, "%s %u:%u", ast_kind_name(n->kind), pos_line(n->pos), pos_col(n->pos));
}

static void list(Printer *pr, int indent, const char *role, AstNode *const *items, int n) {
    for (int i = 0; i < n; i++)
        print_node(pr, indent, role, i, items[i]);
}

static void fields(Printer *pr, int indent, const char *role, const AstFieldList *l) {
    list(pr, indent, role, (AstNode *const *)l->items, l->n);
}

static void names(Printer *pr, int indent, const char *role, const AstNameList *l) {
    list(pr, indent, role, (AstNode *const *)l->items, l->n);
}

static void child(Printer *pr, int indent, const char *role, const void *n) {
    if (n)
        print_node(pr, indent, role, -1, n);
}

/* Writes a literal as written, except that line breaks inside a raw
 * string are shown as \n and \r so each node stays on one line. */
static void put_literal(FILE *out, const AstBasicLit *b) {
    for (uint32_t i = 0; i < b->len; i++) {
        char c = b->value[i];
        if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else
            fputc(c, out);
    }
}

/* " group=N" and " pragma=0x.." where present. */
static void decl_attrs(Printer *pr, uint32_t group, unsigned pragma) {
    if (group)
        fprintf(pr->out, " group=%u", group);
    if (pragma)
        fprintf(pr->out, " pragma=%#x", pragma);
}

static void print_node(Printer *pr, int indent, const char *role, int index, const AstNode *n) {
    FILE *out = pr->out;
    head(pr, indent, role, index, n);
    int in = indent + 1;
    switch (n->kind) {
    case AST_FILE: {
        const AstFile *f = AST_AS(const AstFile, n);
        fprintf(out, " package %s\n", f->pkg_name ? f->pkg_name->value : "?");
        list(pr, in, "Decls", f->decls.items, f->decls.n);
        break;
    }
    case AST_IMPORT_DECL: {
        const AstImportDecl *d = AST_AS(const AstImportDecl, n);
        if (d->local_name)
            fprintf(out, " %s", d->local_name->value);
        if (d->path)
            fprintf(out, " %s", d->path->value);
        decl_attrs(pr, d->group, d->pragma);
        fputc('\n', out);
        break;
    }
    case AST_CONST_DECL: {
        const AstConstDecl *d = AST_AS(const AstConstDecl, n);
        fprintf(out, " iota=%d", d->iota);
        decl_attrs(pr, d->group, d->pragma);
        if (d->implicit)
            fprintf(out, " implicit=%u:%u", pos_line(d->implicit->node.pos),
                    pos_col(d->implicit->node.pos));
        fputc('\n', out);
        names(pr, in, "Names", &d->names);
        child(pr, in, "Type", d->type);
        child(pr, in, "Values", d->values);
        break;
    }
    case AST_TYPE_DECL: {
        const AstTypeDecl *d = AST_AS(const AstTypeDecl, n);
        fprintf(out, " %s%s", d->name->value, d->alias ? " alias" : "");
        decl_attrs(pr, d->group, d->pragma);
        fputc('\n', out);
        fields(pr, in, "TParams", &d->tparams);
        child(pr, in, "Type", d->type);
        break;
    }
    case AST_VAR_DECL: {
        const AstVarDecl *d = AST_AS(const AstVarDecl, n);
        decl_attrs(pr, d->group, d->pragma);
        fputc('\n', out);
        names(pr, in, "Names", &d->names);
        child(pr, in, "Type", d->type);
        child(pr, in, "Values", d->values);
        break;
    }
    case AST_FUNC_DECL: {
        const AstFuncDecl *d = AST_AS(const AstFuncDecl, n);
        fprintf(out, " %s", d->name->value);
        decl_attrs(pr, 0, d->pragma);
        fputc('\n', out);
        child(pr, in, "Recv", d->recv);
        fields(pr, in, "TParams", &d->tparams);
        child(pr, in, "Type", d->type);
        child(pr, in, "Body", d->body);
        break;
    }
    case AST_BAD_EXPR:
        fputc('\n', out);
        break;
    case AST_NAME:
        fprintf(out, " %s\n", AST_AS(const AstName, n)->value);
        break;
    case AST_BASIC_LIT: {
        const AstBasicLit *b = AST_AS(const AstBasicLit, n);
        fprintf(out, " %s ", LIT_NAMES[b->lit_kind]);
        put_literal(out, b);
        fprintf(out, "%s\n", b->bad ? " bad" : "");
        break;
    }
    case AST_COMPOSITE_LIT: {
        const AstCompositeLit *c = AST_AS(const AstCompositeLit, n);
        fprintf(out, " nkeys=%d rbrace=%u:%u\n", c->nkeys, pos_line(c->rbrace), pos_col(c->rbrace));
        child(pr, in, "Type", c->type);
        list(pr, in, "Elems", c->elems.items, c->elems.n);
        break;
    }
    case AST_KEY_VALUE_EXPR:
        fputc('\n', out);
        child(pr, in, "Key", AST_AS(const AstKeyValueExpr, n)->key);
        child(pr, in, "Value", AST_AS(const AstKeyValueExpr, n)->value);
        break;
    case AST_FUNC_LIT:
        fputc('\n', out);
        child(pr, in, "Type", AST_AS(const AstFuncLit, n)->type);
        child(pr, in, "Body", AST_AS(const AstFuncLit, n)->body);
        break;
    case AST_PAREN_EXPR:
        fputc('\n', out);
        child(pr, in, "X", AST_AS(const AstParenExpr, n)->x);
        break;
    case AST_SELECTOR_EXPR:
        fprintf(out, " .%s\n", AST_AS(const AstSelectorExpr, n)->sel->value);
        child(pr, in, "X", AST_AS(const AstSelectorExpr, n)->x);
        break;
    case AST_INDEX_EXPR:
        fputc('\n', out);
        child(pr, in, "X", AST_AS(const AstIndexExpr, n)->x);
        child(pr, in, "Index", AST_AS(const AstIndexExpr, n)->index);
        break;
    case AST_SLICE_EXPR: {
        const AstSliceExpr *s = AST_AS(const AstSliceExpr, n);
        fprintf(out, "%s\n", s->full ? " full" : "");
        child(pr, in, "X", s->x);
        child(pr, in, "Lo", s->index[0]);
        child(pr, in, "Hi", s->index[1]);
        child(pr, in, "Max", s->index[2]);
        break;
    }
    case AST_ASSERT_EXPR:
        fputc('\n', out);
        child(pr, in, "X", AST_AS(const AstAssertExpr, n)->x);
        child(pr, in, "Type", AST_AS(const AstAssertExpr, n)->type);
        break;
    case AST_TYPE_SWITCH_GUARD:
        fputc('\n', out);
        child(pr, in, "Lhs", AST_AS(const AstTypeSwitchGuard, n)->lhs);
        child(pr, in, "X", AST_AS(const AstTypeSwitchGuard, n)->x);
        break;
    case AST_OPERATION: {
        const AstOperation *o = AST_AS(const AstOperation, n);
        fprintf(out, " %s%s\n", ast_op_name(o->op), o->y ? "" : " unary");
        child(pr, in, "X", o->x);
        child(pr, in, "Y", o->y);
        break;
    }
    case AST_CALL_EXPR: {
        const AstCallExpr *c = AST_AS(const AstCallExpr, n);
        fprintf(out, "%s\n", c->has_dots ? " ..." : "");
        child(pr, in, "Fun", c->fun);
        list(pr, in, "Args", c->args.items, c->args.n);
        break;
    }
    case AST_LIST_EXPR:
        fputc('\n', out);
        list(pr, in, "Elems", AST_AS(const AstListExpr, n)->elems.items,
             AST_AS(const AstListExpr, n)->elems.n);
        break;
    case AST_ARRAY_TYPE: {
        const AstArrayType *a = AST_AS(const AstArrayType, n);
        fprintf(out, "%s\n", a->len ? "" : " [...]");
        child(pr, in, "Len", a->len);
        child(pr, in, "Elem", a->elem);
        break;
    }
    case AST_SLICE_TYPE:
        fputc('\n', out);
        child(pr, in, "Elem", AST_AS(const AstSliceType, n)->elem);
        break;
    case AST_DOTS_TYPE:
        fputc('\n', out);
        child(pr, in, "Elem", AST_AS(const AstDotsType, n)->elem);
        break;
    case AST_STRUCT_TYPE: {
        const AstStructType *s = AST_AS(const AstStructType, n);
        fputc('\n', out);
        for (int i = 0; i < s->fields.n; i++) {
            print_node(pr, in, "Fields", i, &s->fields.items[i]->node);
            if (s->tags && s->tags[i])
                print_node(pr, in + 1, "Tag", -1, &s->tags[i]->expr.node);
        }
        break;
    }
    case AST_FIELD: {
        const AstField *f = AST_AS(const AstField, n);
        fprintf(out, " %s\n", f->name ? f->name->value : "(embedded)");
        child(pr, in, "Type", f->type);
        break;
    }
    case AST_INTERFACE_TYPE:
        fputc('\n', out);
        fields(pr, in, "Methods", &AST_AS(const AstInterfaceType, n)->methods);
        break;
    case AST_FUNC_TYPE:
        fputc('\n', out);
        fields(pr, in, "Params", &AST_AS(const AstFuncType, n)->params);
        fields(pr, in, "Results", &AST_AS(const AstFuncType, n)->results);
        break;
    case AST_MAP_TYPE:
        fputc('\n', out);
        child(pr, in, "Key", AST_AS(const AstMapType, n)->key);
        child(pr, in, "Value", AST_AS(const AstMapType, n)->value);
        break;
    case AST_CHAN_TYPE:
        fprintf(out, " %s\n", ast_chan_dir_name(AST_AS(const AstChanType, n)->dir));
        child(pr, in, "Elem", AST_AS(const AstChanType, n)->elem);
        break;
    case AST_EMPTY_STMT:
        fputc('\n', out);
        break;
    case AST_LABELED_STMT:
        fprintf(out, " %s\n", AST_AS(const AstLabeledStmt, n)->label->value);
        child(pr, in, "Stmt", AST_AS(const AstLabeledStmt, n)->stmt);
        break;
    case AST_BLOCK_STMT: {
        const AstBlockStmt *b = AST_AS(const AstBlockStmt, n);
        fprintf(out, " rbrace=%u:%u\n", pos_line(b->rbrace), pos_col(b->rbrace));
        list(pr, in, "Stmts", b->stmts.items, b->stmts.n);
        break;
    }
    case AST_EXPR_STMT:
        fputc('\n', out);
        child(pr, in, "X", AST_AS(const AstExprStmt, n)->x);
        break;
    case AST_SEND_STMT:
        fputc('\n', out);
        child(pr, in, "Chan", AST_AS(const AstSendStmt, n)->chan);
        child(pr, in, "Value", AST_AS(const AstSendStmt, n)->value);
        break;
    case AST_DECL_STMT:
        fputc('\n', out);
        list(pr, in, "Decls", AST_AS(const AstDeclStmt, n)->decls.items,
             AST_AS(const AstDeclStmt, n)->decls.n);
        break;
    case AST_ASSIGN_STMT: {
        const AstAssignStmt *a = AST_AS(const AstAssignStmt, n);
        if (!a->rhs)
            fprintf(out, " %s\n", a->op == OP_ADD ? "++" : "--");
        else if (a->op == OP_DEF)
            fprintf(out, " :=\n");
        else
            fprintf(out, " %s=\n", ast_op_name(a->op));
        child(pr, in, "Lhs", a->lhs);
        child(pr, in, "Rhs", a->rhs);
        break;
    }
    case AST_BRANCH_STMT: {
        const AstBranchStmt *b = AST_AS(const AstBranchStmt, n);
        fprintf(out, " %s", token_name(b->tok));
        if (b->label)
            fprintf(out, " %s", b->label->value);
        if (b->target)
            fprintf(out, " target=%u:%u", pos_line(b->target->pos), pos_col(b->target->pos));
        fputc('\n', out);
        break;
    }
    case AST_CALL_STMT:
        fprintf(out, " %s\n", token_name(AST_AS(const AstCallStmt, n)->tok));
        child(pr, in, "Call", AST_AS(const AstCallStmt, n)->call);
        break;
    case AST_RETURN_STMT:
        fputc('\n', out);
        child(pr, in, "Results", AST_AS(const AstReturnStmt, n)->results);
        break;
    case AST_IF_STMT: {
        const AstIfStmt *s = AST_AS(const AstIfStmt, n);
        fputc('\n', out);
        child(pr, in, "Init", s->init);
        child(pr, in, "Cond", s->cond);
        child(pr, in, "Then", s->then);
        child(pr, in, "Else", s->els);
        break;
    }
    case AST_FOR_STMT: {
        const AstForStmt *s = AST_AS(const AstForStmt, n);
        fputc('\n', out);
        child(pr, in, "Init", s->init);
        child(pr, in, "Cond", s->cond);
        child(pr, in, "Post", s->post);
        child(pr, in, "Body", s->body);
        break;
    }
    case AST_RANGE_CLAUSE: {
        const AstRangeClause *r = AST_AS(const AstRangeClause, n);
        fprintf(out, "%s\n", r->lhs ? (r->def ? " :=" : " =") : "");
        child(pr, in, "Lhs", r->lhs);
        child(pr, in, "X", r->x);
        break;
    }
    case AST_SWITCH_STMT: {
        const AstSwitchStmt *s = AST_AS(const AstSwitchStmt, n);
        fputc('\n', out);
        child(pr, in, "Init", s->init);
        child(pr, in, "Tag", s->tag);
        list(pr, in, "Body", s->body.items, s->body.n);
        break;
    }
    case AST_SELECT_STMT:
        fputc('\n', out);
        list(pr, in, "Body", AST_AS(const AstSelectStmt, n)->body.items,
             AST_AS(const AstSelectStmt, n)->body.n);
        break;
    case AST_CASE_CLAUSE: {
        const AstCaseClause *c = AST_AS(const AstCaseClause, n);
        fprintf(out, "%s\n", c->cases ? "" : " default");
        child(pr, in, "Cases", c->cases);
        list(pr, in, "Body", c->body.items, c->body.n);
        break;
    }
    case AST_COMM_CLAUSE: {
        const AstCommClause *c = AST_AS(const AstCommClause, n);
        fprintf(out, "%s\n", c->comm ? "" : " default");
        child(pr, in, "Comm", c->comm);
        list(pr, in, "Body", c->body.items, c->body.n);
        break;
    }
    default:
        fputc('\n', out);
        break;
    }
}

void ast_print_node(FILE *out, const AstNode *n, int indent) {
    Printer pr = {out};
    print_node(&pr, indent, NULL, -1, n);
}

void ast_print(FILE *out, const AstFile *f) {
    ast_print_node(out, &f->node, 0);
}

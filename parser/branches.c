/* branches.c — the checks gc's parser makes on labels and branch
 * statements of each function body: labels defined twice or never used,
 * undefined labels, break/continue outside their statements, misplaced
 * fallthrough, gotos into blocks or over variable declarations.  Each
 * BranchStmt gets its target. */
#include <string.h>

#include "parser/parser_impl.h"

typedef struct Block Block;

/* A label declaration. */
typedef struct Label {
    const char *name;      /* interned */
    int parent_id;         /* block declaring it */
    Pos parent_start;
    AstLabeledStmt *lstmt;
    bool used;
} Label;

/* A block of statements being checked. */
struct Block {
    Block *parent;
    int id;                /* unique within the function */
    Pos start;
    AstLabeledStmt *lstmt; /* labeled statement this block belongs to, or NULL */
};

/* What break and continue refer to at a point of the body. */
typedef struct Targets {
    AstNode *breaks;       /* ForStmt, SwitchStmt, SelectStmt, or NULL */
    AstNode *continues;    /* ForStmt or NULL */
    int case_index;        /* case index in the enclosing switch, or -1 */
} Targets;

/* The labels of one function: an open-addressing table keyed by the
 * interned name, in the ast region (allocated only if there are labels). */
typedef struct LabelScope {
    Parser *p;
    Label **slots;
    uint32_t cap, count;
    /* Forward gotos not yet resolved, as a stack shared by the blocks;
     * seq orders them against variable declarations. */
    struct Fwd { AstBranchStmt *s; uint32_t seq; } *fwd;
    int nfwd, capfwd;
    uint32_t seq;
    int nblocks;
} LabelScope;

/* The slot for name (empty or holding it). */
static Label **label_slot(LabelScope *ls, const char *name) {
    uint32_t h = (uint32_t)((uintptr_t)name >> 3) * 2654435761u;
    for (uint32_t i = h & (ls->cap - 1);; i = (i + 1) & (ls->cap - 1))
        if (!ls->slots[i] || ls->slots[i]->name == name)
            return &ls->slots[i];
}

/* The label called name, or NULL. */
static Label *label_lookup(LabelScope *ls, const char *name) {
    return ls->cap ? *label_slot(ls, name) : NULL;
}

/* Declares s's label in block b (reporting a duplicate). */
static Label *label_declare(LabelScope *ls, Block *b, AstLabeledStmt *s) {
    const char *name = s->label->value;
    Label *alt = label_lookup(ls, name);
    if (alt) {
        char where[256];
        diag_format_pos(ls->p->diag, alt->lstmt->label->expr.node.pos, where, sizeof where);
        parser_error_at(ls->p, s->label->expr.node.pos, "label %s already defined at %s", name,
                        where);
        return alt;
    }
    if (2 * (ls->count + 1) > ls->cap) {
        Label **old = ls->slots;
        uint32_t oldcap = ls->cap;
        ls->cap = oldcap ? oldcap * 2 : 16;
        ls->slots = ARENA_NEW_ARRAY(ls->p->ast, Label *, ls->cap);
        for (uint32_t i = 0; i < oldcap; i++)
            if (old[i])
                *label_slot(ls, old[i]->name) = old[i];
    }
    Label *l = ARENA_NEW(ls->p->ast, Label);
    l->name = name;
    l->parent_id = b->id;
    l->parent_start = b->start;
    l->lstmt = s;
    *label_slot(ls, name) = l;
    ls->count++;
    return l;
}

/* The labeled statement a goto in block b may jump to, or NULL. */
static AstLabeledStmt *goto_target(LabelScope *ls, Block *b, const char *name) {
    Label *l = label_lookup(ls, name);
    if (!l)
        return NULL;
    l->used = true;
    for (; b; b = b->parent)
        if (l->parent_id == b->id)
            return l->lstmt;
    return NULL;
}

/* For break/continue L: the labeled statement enclosing b, or NULL if L
 * is undefined; *invalid is set if L exists but does not enclose b. */
static AstLabeledStmt *enclosing_target(LabelScope *ls, Block *b, const char *name, bool *invalid) {
    *invalid = false;
    Label *l = label_lookup(ls, name);
    if (!l)
        return NULL;
    l->used = true;
    for (; b; b = b->parent)
        if (l->lstmt == b->lstmt)
            return l->lstmt;
    *invalid = true;
    return l->lstmt;
}

/* Records a goto to a label not seen yet. */
static void push_fwd(LabelScope *ls, AstBranchStmt *s) {
    if (ls->nfwd == ls->capfwd) {
        int cap = ls->capfwd ? ls->capfwd * 2 : 16;
        struct Fwd *a = ARENA_NEW_ARRAY(ls->p->ast, struct Fwd, cap);
        if (ls->nfwd)
            memcpy(a, ls->fwd, (size_t)ls->nfwd * sizeof *a);
        ls->fwd = a;
        ls->capfwd = cap;
    }
    ls->fwd[ls->nfwd].s = s;
    ls->fwd[ls->nfwd++].seq = ls->seq++;
}

static void block_branches(LabelScope *ls, Block *parent, Targets ctxt, AstLabeledStmt *lstmt,
                           Pos start, AstNode **body, int n);

/* Checks the statements of one block.  Forward gotos of this block (and
 * unresolved ones of inner blocks) stay on ls->fwd above the entry mark. */
static void block_branches(LabelScope *ls, Block *parent, Targets ctxt, AstLabeledStmt *lstmt,
                           Pos start, AstNode **body, int n) {
    Block b = {parent, ++ls->nblocks, start, lstmt};
    int fwd0 = ls->nfwd;
    Pos var_pos = POS_NONE;
    AstNode *var_name = NULL;
    uint32_t bad_seq = 0; /* gotos with seq < bad_seq precede the last declaration */

    while (n > 0 && body[n - 1]->kind == AST_EMPTY_STMT)
        n--;
    for (int i = 0; i < n; i++) {
        AstNode *stmt = body[i];
        lstmt = NULL;
    again:
        switch (stmt->kind) {
        case AST_DECL_STMT: {
            AstDeclStmt *s = AST_AS(AstDeclStmt, stmt);
            for (int j = 0; j < s->decls.n; j++) {
                if (s->decls.items[j]->kind == AST_VAR_DECL) {
                    AstVarDecl *v = AST_AS(AstVarDecl, s->decls.items[j]);
                    var_pos = v->node.pos;
                    var_name = &v->names.items[0]->expr.node;
                    bad_seq = ls->seq;
                    break;
                }
            }
            break;
        }
        case AST_LABELED_STMT: {
            AstLabeledStmt *s = AST_AS(AstLabeledStmt, stmt);
            const char *name = s->label->value;
            if (name != ls->p->blank) {
                Label *l = label_declare(ls, &b, s);
                int k = fwd0;
                for (int j = fwd0; j < ls->nfwd; j++) {
                    AstBranchStmt *fwd = ls->fwd[j].s;
                    if (fwd->label->value != name) {
                        ls->fwd[k++] = ls->fwd[j];
                        continue;
                    }
                    fwd->target = &s->node;
                    l->used = true;
                    if (var_pos != POS_NONE && ls->fwd[j].seq < bad_seq) {
                        char vn[256], where[256];
                        diag_format_pos(ls->p->diag, var_pos, where, sizeof where);
                        parser_error_at(ls->p, fwd->label->expr.node.pos,
                                        "goto %s jumps over declaration of %s at %s", name,
                                        ast_string(var_name, vn, sizeof vn), where);
                    }
                }
                ls->nfwd = k;
                lstmt = s;
            }
            stmt = s->stmt;
            goto again;
        }
        case AST_BRANCH_STMT: {
            AstBranchStmt *s = AST_AS(AstBranchStmt, stmt);
            if (!s->label) {
                switch (s->tok) {
                case TOK_BREAK:
                    if (ctxt.breaks)
                        s->target = ctxt.breaks;
                    else
                        parser_error_at(ls->p, s->node.pos,
                                        "break is not in a loop, switch, or select");
                    break;
                case TOK_CONTINUE:
                    if (ctxt.continues)
                        s->target = ctxt.continues;
                    else
                        parser_error_at(ls->p, s->node.pos, "continue is not in a loop");
                    break;
                case TOK_FALLTHROUGH: {
                    const char *msg = "fallthrough statement out of place";
                    if (ctxt.breaks && ctxt.breaks->kind == AST_SWITCH_STMT) {
                        AstSwitchStmt *t = AST_AS(AstSwitchStmt, ctxt.breaks);
                        if (t->tag && t->tag->kind == AST_TYPE_SWITCH_GUARD)
                            msg = "cannot fallthrough in type switch";
                        else if (ctxt.case_index < 0 || i + 1 < n)
                            ; /* out of place */
                        else if (ctxt.case_index + 1 == t->body.n)
                            msg = "cannot fallthrough final case in switch";
                        else
                            break; /* fallthrough ok */
                    }
                    parser_error_at(ls->p, s->node.pos, "%s", msg);
                    break;
                }
                default:
                    break;
                }
                break;
            }
            const char *name = s->label->value;
            Pos lpos = s->label->expr.node.pos;
            bool invalid;
            switch (s->tok) {
            case TOK_BREAK: {
                AstLabeledStmt *t = enclosing_target(ls, &b, name, &invalid);
                if (!t) {
                    parser_error_at(ls->p, lpos, "break label not defined: %s", name);
                } else {
                    AstKind k = t->stmt ? t->stmt->kind : AST_EMPTY_STMT;
                    if (!invalid &&
                        (k == AST_SWITCH_STMT || k == AST_SELECT_STMT || k == AST_FOR_STMT))
                        s->target = t->stmt;
                    else
                        parser_error_at(ls->p, lpos, "invalid break label %s", name);
                }
                break;
            }
            case TOK_CONTINUE: {
                AstLabeledStmt *t = enclosing_target(ls, &b, name, &invalid);
                if (!t)
                    parser_error_at(ls->p, lpos, "continue label not defined: %s", name);
                else if (!invalid && t->stmt && t->stmt->kind == AST_FOR_STMT)
                    s->target = t->stmt;
                else
                    parser_error_at(ls->p, lpos, "invalid continue label %s", name);
                break;
            }
            case TOK_GOTO: {
                AstLabeledStmt *t = goto_target(ls, &b, name);
                if (t)
                    s->target = &t->node;
                else
                    push_fwd(ls, s);
                break;
            }
            default:
                break;
            }
            break;
        }
        case AST_ASSIGN_STMT: {
            AstAssignStmt *s = AST_AS(AstAssignStmt, stmt);
            if (s->op == OP_DEF) {
                var_pos = s->node.pos;
                var_name = s->lhs;
                bad_seq = ls->seq;
            }
            break;
        }
        case AST_BLOCK_STMT: {
            AstBlockStmt *s = AST_AS(AstBlockStmt, stmt);
            Targets inner = {ctxt.breaks, ctxt.continues, -1};
            block_branches(ls, &b, inner, lstmt, s->node.pos, s->stmts.items, s->stmts.n);
            break;
        }
        case AST_IF_STMT: {
            AstIfStmt *s = AST_AS(AstIfStmt, stmt);
            Targets inner = {ctxt.breaks, ctxt.continues, -1};
            block_branches(ls, &b, inner, lstmt, s->then->node.pos, s->then->stmts.items,
                        s->then->stmts.n);
            if (s->els)
                block_branches(ls, &b, inner, lstmt, s->els->pos, &s->els, 1);
            break;
        }
        case AST_FOR_STMT: {
            AstForStmt *s = AST_AS(AstForStmt, stmt);
            Targets inner = {stmt, stmt, -1};
            block_branches(ls, &b, inner, lstmt, s->body->node.pos, s->body->stmts.items,
                        s->body->stmts.n);
            break;
        }
        case AST_SWITCH_STMT: {
            AstSwitchStmt *s = AST_AS(AstSwitchStmt, stmt);
            Targets inner = {stmt, ctxt.continues, -1};
            for (int j = 0; j < s->body.n; j++) {
                AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[j]);
                inner.case_index = j;
                block_branches(ls, &b, inner, lstmt, cc->node.pos, cc->body.items, cc->body.n);
            }
            break;
        }
        case AST_SELECT_STMT: {
            AstSelectStmt *s = AST_AS(AstSelectStmt, stmt);
            Targets inner = {stmt, ctxt.continues, -1};
            for (int j = 0; j < s->body.n; j++) {
                AstCommClause *cc = AST_AS(AstCommClause, s->body.items[j]);
                block_branches(ls, &b, inner, lstmt, cc->node.pos, cc->body.items, cc->body.n);
            }
            break;
        }
        default:
            break;
        }
    }
}

/* Checks labels and branches of one function body (function literals
 * inside it are checked on their own, when their body is parsed). */
void parser_check_branches(Parser *p, AstBlockStmt *body) {
    if (!body)
        return;
    LabelScope ls;
    memset(&ls, 0, sizeof ls);
    ls.p = p;
    Targets none = {NULL, NULL, -1};
    block_branches(&ls, NULL, none, NULL, body->node.pos, body->stmts.items, body->stmts.n);
    for (int i = 0; i < ls.nfwd; i++) {
        AstBranchStmt *fwd = ls.fwd[i].s;
        const char *name = fwd->label->value;
        Label *l = label_lookup(&ls, name);
        if (l) {
            char where[256];
            l->used = true;
            diag_format_pos(p->diag, l->parent_start, where, sizeof where);
            parser_error_at(p, fwd->label->expr.node.pos, "goto %s jumps into block starting at %s",
                            name, where);
        } else {
            parser_error_at(p, fwd->label->expr.node.pos, "label %s not defined", name);
        }
    }
    for (uint32_t i = 0; i < ls.cap; i++) {
        Label *l = ls.slots[i];
        if (l && !l->used)
            parser_error_at(p, l->lstmt->label->expr.node.pos, "label %s defined and not used",
                            l->name);
    }
}

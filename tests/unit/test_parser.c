/* test_parser.c — the parser and the AST: trees of each construct, gc's
 * positions, generics and the ambiguities gc resolves, syntax errors in
 * gc's words at gc's positions (expectations taken from Go 1.19's
 * `go tool compile`), recovery, the nesting bound, misplaced directives, and
 * where memory goes. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parser/parser.h"

/* One parse of a snippet: its tree, the errors as printed, and memory. */
typedef struct Parsed {
    Mem mem;
    Diag diag;
    AstFile *file;
    char *errors;   /* diag output ("x.go:3:4: ...\n" lines) */
    size_t errors_len;
    char *tree;     /* ast_print output */
    size_t tree_len;
} Parsed;

static Parsed *parse(const char *src) {
    Parsed *r = calloc(1, sizeof *r);
    mem_init(&r->mem, false);
    FILE *errs = open_memstream(&r->errors, &r->errors_len);
    diag_init(&r->diag, mem_perm(&r->mem), errs);
    SourceFile *sf = diag_add_source(&r->diag, "x.go", src, strlen(src));
    r->file = parse_file(sf, &r->diag, mem_ast(&r->mem), &r->mem.names);
    diag_flush(&r->diag);
    fclose(errs);
    FILE *tree = open_memstream(&r->tree, &r->tree_len);
    ast_print(tree, r->file);
    fclose(tree);
    return r;
}

static void parsed_free(Parsed *r) {
    diag_free(&r->diag);
    mem_free(&r->mem);
    free(r->errors);
    free(r->tree);
    free(r);
}

/* Asserts that src parses with exactly the error output want ("" for none). */
static void expect_errors(const char *src, const char *want) {
    Parsed *r = parse(src);
    if (strcmp(r->errors, want) != 0)
        fail_msg("source:\n%s\nwant errors:\n%s\ngot:\n%s", src, want, r->errors);
    parsed_free(r);
}

/* Asserts that the ast_print output of src contains each of the lines
 * given (NULL-terminated), in order. */
static void expect_tree(const char *src, ...) {
    Parsed *r = parse(src);
    if (r->errors_len)
        fail_msg("unexpected errors:\n%s", r->errors);
    va_list ap;
    va_start(ap, src);
    const char *at = r->tree;
    for (const char *line; (line = va_arg(ap, const char *));) {
        const char *hit = strstr(at, line);
        if (!hit)
            fail_msg("tree lacks (in order) \"%s\"; tree:\n%s", line, r->tree);
        at = hit + strlen(line);
    }
    va_end(ap);
    parsed_free(r);
}

/* The first statement of the body of the first function in f. */
static AstNode *first_stmt(AstFile *f) {
    for (int i = 0; i < f->decls.n; i++)
        if (f->decls.items[i]->kind == AST_FUNC_DECL)
            return AST_AS(AstFuncDecl, f->decls.items[i])->body->stmts.items[0];
    return NULL;
}

/* ---- Trees ------------------------------------------------------------- */

static void test_file_and_decls(void **state) {
    (void)state;
    const char *src = "package main\n"
                      "\n"
                      "import (\n"
                      "\t\"fmt\"\n"
                      "\tm \"math\"\n"
                      ")\n"
                      "\n"
                      "const (\n"
                      "\tA, B = iota, -iota\n"
                      "\tC, D\n"
                      ")\n"
                      "\n"
                      "var x, y int = 1, 2\n"
                      "\n"
                      "type P = *int\n"
                      "\n"
                      "func (t *T) M(a, b int, s ...string) (r int) { return }\n";
    Parsed *r = parse(src);
    assert_string_equal(r->errors, "");
    AstFile *f = r->file;
    assert_string_equal(f->pkg_name->value, "main");
    assert_int_equal(f->decls.n, 7);
    /* imports of one group share a group number */
    AstImportDecl *i0 = AST_AS(AstImportDecl, f->decls.items[0]);
    AstImportDecl *i1 = AST_AS(AstImportDecl, f->decls.items[1]);
    assert_int_equal(i0->node.kind, AST_IMPORT_DECL);
    assert_true(i0->group != 0 && i0->group == i1->group);
    assert_null(i0->local_name);
    assert_string_equal(i1->local_name->value, "m");
    assert_string_equal(i1->path->value, "\"math\"");
    /* implicit repetition: C, D repeat A, B's values with iota 1 */
    AstConstDecl *c0 = AST_AS(AstConstDecl, f->decls.items[2]);
    AstConstDecl *c1 = AST_AS(AstConstDecl, f->decls.items[3]);
    assert_int_equal(c0->iota, 0);
    assert_int_equal(c1->iota, 1);
    assert_null(c1->values);
    assert_ptr_equal(c1->implicit, c0);
    assert_int_equal(c0->values->kind, AST_LIST_EXPR);
    AstVarDecl *v = AST_AS(AstVarDecl, f->decls.items[4]);
    assert_int_equal(v->names.n, 2);
    assert_int_equal(v->group, 0);
    assert_int_equal(v->type->kind, AST_NAME);
    AstTypeDecl *t = AST_AS(AstTypeDecl, f->decls.items[5]);
    assert_true(t->alias);
    assert_int_equal(t->type->kind, AST_OPERATION);
    AstFuncDecl *fn = AST_AS(AstFuncDecl, f->decls.items[6]);
    assert_string_equal(fn->name->value, "M");
    assert_string_equal(fn->recv->name->value, "t");
    assert_int_equal(fn->type->params.n, 3);
    /* a, b int: both fields share one type node */
    assert_ptr_equal(fn->type->params.items[0]->type, fn->type->params.items[1]->type);
    assert_int_equal(fn->type->params.items[2]->type->kind, AST_DOTS_TYPE);
    assert_string_equal(fn->type->results.items[0]->name->value, "r");
    /* names are interned */
    assert_ptr_equal(fn->type->params.items[0]->name->value, intern(&r->mem.names, "a", 1));
    parsed_free(r);
}

static void test_print_format(void **state) {
    (void)state;
    Parsed *r = parse("package p\nfunc f() { x := a + b*2 }\n");
    assert_string_equal(r->tree,
                        "File 1:1 package p\n"
                        "  Decls[0]: FuncDecl 2:6 f\n"
                        "    Type: FuncType 2:7\n"
                        "    Body: BlockStmt 2:10 rbrace=2:25\n"
                        "      Stmts[0]: AssignStmt 2:14 :=\n"
                        "        Lhs: Name 2:12 x\n"
                        "        Rhs: Operation 2:19 +\n"
                        "          X: Name 2:17 a\n"
                        "          Y: Operation 2:22 *\n"
                        "            X: Name 2:21 b\n"
                        "            Y: BasicLit 2:23 INT 2\n");
    parsed_free(r);
}

static void test_expressions(void **state) {
    (void)state;
    expect_tree("package p\nvar _ = f(a, b...)[i].x[1:2:3].(T)\n",
                "AssertExpr 2:31", "X: SliceExpr 2:24 full", "X: SelectorExpr 2:22 .x",
                "X: IndexExpr 2:19", "X: CallExpr 2:10 ...", "Fun: Name 2:9 f", NULL);
    expect_tree("package p\nvar _ = &T{1, k: 2, {3}}\n", "Operation 2:9 & unary",
                "X: CompositeLit 2:11 nkeys=1 rbrace=2:24", "Type: Name 2:10 T",
                "Elems[1]: KeyValueExpr 2:16", "Elems[2]: CompositeLit 2:21", NULL);
    expect_tree("package p\nvar _ = <-ch + -x\n", "Operation 2:14 +", "X: Operation 2:9 <- unary",
                "Y: Operation 2:16 - unary", NULL);
    expect_tree("package p\nvar _ = func(x int) int { return x }\n", "FuncLit 2:9",
                "Type: FuncType 2:13", "Body: BlockStmt 2:25", NULL);
    /* <-chan T is a type; chan<- and chan (<-chan T) keep their direction */
    expect_tree("package p\nvar _ <-chan chan<- int\n", "ChanType 2:7 recv", "Elem: ChanType 2:14 send",
                NULL);
    expect_tree("package p\nvar _ = [...]int{1}\n", "ArrayType 2:9 [...]", NULL);
    expect_tree("package p\nvar m map[string][]struct{ a, b int `t` }\n", "MapType 2:7",
                "Value: SliceType 2:18", "StructType 2:20", "Fields[0]: Field 2:28 a",
                "Fields[1]: Field 2:31 b", "Tag: BasicLit 2:37 STRING `t`", NULL);
    expect_tree("package p\ntype I interface{ M(int) bool; io.Reader }\n", "InterfaceType 2:8",
                "Methods[0]: Field 2:19 M", "Type: FuncType 2:20",
                "Methods[1]: Field 2:32 (embedded)", "Type: SelectorExpr 2:34 .Reader", NULL);
}

static void test_statements(void **state) {
    (void)state;
    expect_tree("package p\n"
                "func f() {\n"
                "L:\n"
                "\tfor i := 0; i < n; i++ {\n"
                "\t\tif x := g(); x {\n"
                "\t\t\tcontinue L\n"
                "\t\t} else if y {\n"
                "\t\t\tbreak\n"
                "\t\t} else {\n"
                "\t\t\tgoto L\n"
                "\t\t}\n"
                "\t}\n"
                "}\n",
                "LabeledStmt 3:2 L", "Stmt: ForStmt 4:2", "Init: AssignStmt 4:8 :=",
                "Cond: Operation 4:16 <", "Post: AssignStmt 4:22 ++", "IfStmt 5:3",
                "Init: AssignStmt 5:8 :=", "BranchStmt 6:4 continue L target=4:2", "Else: IfStmt 7:10",
                "BranchStmt 8:4 break target=4:2", "Else: BlockStmt 9:10",
                "BranchStmt 10:4 goto L target=3:2", NULL);
    expect_tree("package p\n"
                "func f() {\n"
                "\tswitch x := v.(type) {\n"
                "\tcase int, string:\n"
                "\tdefault:\n"
                "\t}\n"
                "\tselect {\n"
                "\tcase c <- 1:\n"
                "\tcase v, ok := <-c:\n"
                "\tdefault:\n"
                "\t}\n"
                "\tfor range s {\n"
                "\t}\n"
                "\tfor k, v = range m {\n"
                "\t}\n"
                "\tgo g()\n"
                "\tdefer h(1)\n"
                "\tx += 1\n"
                "\tc <- x\n"
                "\tvar a, b = 1, 2\n"
                "\t{\n"
                "\t}\n"
                "}\n",
                "SwitchStmt 3:2", "Tag: TypeSwitchGuard 3:15", "Lhs: Name 3:9 x",
                "Body[0]: CaseClause 4:2", "Cases: ListExpr 4:7", "Body[1]: CaseClause 5:2 default",
                "SelectStmt 7:2", "Comm: SendStmt 8:9", "Comm: AssignStmt 9:13 :=",
                "CommClause 10:2 default", "ForStmt 12:2", "Init: RangeClause 12:6", "ForStmt 14:2",
                "Init: RangeClause 14:13 =", "CallStmt 16:2 go", "CallStmt 17:2 defer",
                "AssignStmt 18:4 +=", "SendStmt 19:4", "DeclStmt 20:2", "VarDecl 20:6",
                "BlockStmt 21:2", NULL);
}

/* The parser's positions are gc's: checked node by node. */
static void test_positions(void **state) {
    (void)state;
    Parsed *r = parse("package p\nfunc f() {\n\ta.b(c)[d] = T{e} + *g\n}\n");
    assert_string_equal(r->errors, "");
    AstAssignStmt *as = AST_AS(AstAssignStmt, first_stmt(r->file));
    assert_int_equal(as->node.kind, AST_ASSIGN_STMT);
    assert_int_equal(pos_col(as->node.pos), 12);              /* the "=" */
    assert_int_equal(pos_col(as->lhs->pos), 8);               /* IndexExpr: "[" */
    assert_int_equal(pos_col(ast_start_pos(as->lhs)), 2);     /* starts at a */
    AstOperation *add = AST_AS(AstOperation, as->rhs);
    assert_int_equal(pos_col(add->expr.node.pos), 19);        /* the "+" */
    assert_int_equal(pos_col(add->x->pos), 15);               /* CompositeLit: "{" */
    assert_int_equal(pos_col(ast_start_pos(add->x)), 14);
    assert_int_equal(pos_col(add->y->pos), 21);               /* unary *: the "*" */
    AstIndexExpr *ix = AST_AS(AstIndexExpr, as->lhs);
    AstCallExpr *call = AST_AS(AstCallExpr, ix->x);
    assert_int_equal(pos_col(call->expr.node.pos), 5);        /* the "(" */
    assert_int_equal(pos_col(call->fun->pos), 3);             /* SelectorExpr: the "." */
    assert_int_equal(pos_line(call->fun->pos), 3);
    parsed_free(r);
}

/* ---- Generics and ambiguities ----------------------------------------- */

static void test_generics(void **state) {
    (void)state;
    expect_tree("package p\n"
                "type Number interface{ ~int | ~float64 | MyInt }\n"
                "func Sum[T Number, S ~[]T](s S) T { return F[T, S](s) }\n"
                "type List[T any] struct{ next *List[T] }\n"
                "type M[K comparable, V any] map[K]V\n",
                "Methods[0]: Field 2:24 (embedded)", "Type: Operation 2:40 |", "X: Operation 2:29 |",
                "X: Operation 2:24 ~ unary", "FuncDecl 3:6 Sum", "TParams[0]: Field 3:10 T",
                "TParams[1]: Field 3:20 S", "Type: Operation 3:22 ~ unary", "X: SliceType 3:23",
                "Type: FuncType 3:9", "CallExpr 3:51", "Fun: IndexExpr 3:45", "Index: ListExpr 3:46",
                "TypeDecl 4:6 List", "TParams[0]: Field 4:11 T", "X: IndexExpr 4:36",
                "TypeDecl 5:6 M", "TParams[1]: Field 5:22 V", "Type: MapType 5:29", NULL);
    /* [P *C] reads as an array length P*C, as in gc; [P *C,] is a type
     * parameter list, and so is [P *[]int] (a type, not a value) */
    expect_tree("package p\ntype A[P *C] struct{}\ntype B[P *C,] struct{}\ntype C[P *[]int] int\n",
                "TypeDecl 2:6 A", "Type: ArrayType 2:7", "Len: Operation 2:10 *",
                "TypeDecl 3:6 B", "TParams[0]: Field 3:8 P", "Type: Operation 3:10 * unary",
                "TypeDecl 4:6 C", "TParams[0]: Field 4:8 P", "Type: Operation 4:10 * unary",
                "X: SliceType 4:11", NULL);
    expect_tree("package p\ntype A [N]int\n", "TypeDecl 2:6 A", "Type: ArrayType 2:8", "Len: Name 2:9 N",
                NULL);
    /* an embedded instantiated type in a struct and an interface */
    expect_tree("package p\ntype S struct{ G[int, string] }\ntype I interface{ J[int] }\n",
                "Field 2:16 (embedded)", "Type: IndexExpr 2:17", "Index: ListExpr 2:18",
                "Field 3:19 (embedded)", "Type: IndexExpr 3:20", NULL);
    expect_errors("package p\nfunc f[]() {}\n", "x.go:2:8: syntax error: empty type parameter list\n");
    expect_errors("package p\ntype T[P any, Q] int\n",
                  "x.go:2:16: syntax error: missing type constraint\n");
    expect_errors("package p\nfunc (T) m[P any]() {}\n",
                  "x.go:2:11: syntax error: method must have no type parameters\n");
}

/* In if/for/switch headers "T{" opens the block; parentheses make a literal. */
static void test_complit_ambiguity(void **state) {
    (void)state;
    expect_tree("package p\nfunc f() {\n\tif x == (T{}) {\n\t}\n\tfor _, v := range []int{1} {\n\t}\n}\n",
                "Cond: Operation 3:7 ==", "Y: ParenExpr 3:10", "X: CompositeLit 3:12",
                "X: CompositeLit 5:25", NULL);
    expect_errors("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n",
                  "x.go:3:14: syntax error: unexpected { at end of statement\n"
                  "x.go:5:1: syntax error: non-declaration statement outside function body\n");
    /* in a header, x.f { is a block after the condition x.f */
    expect_tree("package p\nfunc f() {\n\tswitch s.x {\n\t}\n}\n", "Tag: SelectorExpr 3:10 .x", NULL);
}

/* ---- Errors (expectations from Go 1.19's go tool compile) -------------- */

static void test_syntax_errors(void **state) {
    (void)state;
    expect_errors("package p\nfunc f() {\n\tg(1,\n\t\t2\n}\n",
                  "x.go:4:4: syntax error: unexpected newline in argument list; possibly missing comma or )\n");
    expect_errors("package p\nx := 1\n",
                  "x.go:2:1: syntax error: non-declaration statement outside function body\n");
    expect_errors("package p\nfunc f() {\n\tif x {\n\t}\n\tif x\n\t{\n\t}\n}\n",
                  "x.go:5:6: syntax error: unexpected newline, expecting { after if clause\n");
    expect_errors("package p\nfunc f() {\n\tif x := 1 {\n\t}\n}\n",
                  "x.go:3:7: syntax error: cannot use x := 1 as value\n");
    expect_errors("package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n",
                  "x.go:3:7: syntax error: cannot use assignment (x) = (1) as value\n");
    expect_errors("package p\nfunc f() {\n\tfor var i = 0; i < 1; i++ {\n\t}\n}\n",
                  "x.go:3:10: syntax error: var declaration not allowed in for initializer\n");
    expect_errors("package p\nfunc f() {\n\tfor i := 0; i < 1; j := 1 {\n\t}\n}\n",
                  "x.go:3:23: syntax error: cannot declare in post statement of for loop\n");
    expect_errors("package p\nfunc f(a int, string) {}\n",
                  "x.go:2:15: syntax error: mixed named and unnamed parameters\n");
    expect_errors("package p\nfunc f() {\n\tx := 1 +\n}\n",
                  "x.go:4:1: syntax error: unexpected }, expecting expression\n");
    expect_errors("package p\ntype T struct{ (int) }\n",
                  "x.go:2:16: syntax error: cannot parenthesize embedded type\n");
    expect_errors("package p\nfunc f()\n{\n}\n",
                  "x.go:3:1: syntax error: unexpected semicolon or newline before {\n");
    expect_errors("package p\nfunc f() { x := 1 y }\n",
                  "x.go:2:19: syntax error: unexpected y at end of statement\n");
    expect_errors("package p\nfunc f() { x := 1 if }\n",
                  "x.go:2:19: syntax error: unexpected if at end of statement\n");
    expect_errors("package p\nfunc f() { x := 1 += }\n",
                  "x.go:2:19: syntax error: unexpected += at end of statement\n");
    expect_errors("package p\nfunc f() { if x { } else y }\n",
                  "x.go:2:26: syntax error: else must be followed by if or statement block\n");
    expect_errors("package p\nfunc f() { x := 1 ; }; func g() {}}\n",
                  "x.go:2:35: syntax error: unexpected } after top level declaration\n");
    expect_errors("func f() {}\n", "x.go:1:1: syntax error: package statement must be first\n");
    expect_errors("package p\nimport 42\n", "x.go:2:10: syntax error: import path must be a string\n");
}

static void test_parser_errors(void **state) {
    (void)state;
    expect_errors("package p\nfunc f() {\n\tgo (g())\n\tdefer g\n}\n",
                  "x.go:3:5: expression in go must not be parenthesized\n"
                  "x.go:4:8: expression in defer must be function call\n");
    expect_errors("package p\nfunc f() {\n\t_ = s[1:2:]\n}\n",
                  "x.go:3:12: final index required in 3-index slice\n");
    expect_errors("package p\nfunc () f() {}\n", "x.go:2:9: method has no receiver\n");
    expect_errors("package p\nfunc f() {\n\tfor {\n\tL:\n\t}\n}\n",
                  "x.go:4:2: label L defined and not used\n");
    expect_errors("package p\nfunc f() {\nL:\n\tfor {}\nL:\n\tfor { goto M }\n\t{ M: }\n}\n",
                  "x.go:3:1: label L defined and not used\n"
                  "x.go:5:1: label L already defined at x.go:3:1\n"
                  "x.go:6:13: goto M jumps into block starting at x.go:7:2\n");
    expect_errors("package p\nfunc f() {\n\tgoto M\n\tx := 1\nM:\n\t_ = x\n}\n",
                  "x.go:3:7: goto M jumps over declaration of x at x.go:4:4\n");
    expect_errors("package p\nfunc f() {\n\tbreak\n\tcontinue\n\tfor { break L; continue L }\n"
                  "\tswitch { case true: fallthrough }\n}\n",
                  "x.go:3:2: break is not in a loop, switch, or select\n"
                  "x.go:4:2: continue is not in a loop\n"
                  "x.go:5:14: break label not defined: L\n"
                  "x.go:5:26: continue label not defined: L\n"
                  "x.go:6:22: cannot fallthrough final case in switch\n");
}

/* Each mistake is reported once, and parsing goes on after it. */
static void test_recovery(void **state) {
    (void)state;
    expect_errors("package p\nfunc f() {\n\ta := 1 2\n\tb := 3 4\n}\n",
                  "x.go:3:9: syntax error: unexpected literal 2 at end of statement\n"
                  "x.go:4:9: syntax error: unexpected literal 4 at end of statement\n");
    Parsed *r = parse("package p\nfunc f() { g(1 2) }\nfunc h() {}\nvar v = )\nfunc k() {}\n");
    assert_string_equal(r->errors,
                        "x.go:2:16: syntax error: unexpected literal 2 in argument list; possibly missing comma or )\n"
                        "x.go:4:9: syntax error: unexpected ), expecting expression\n");
    /* the declarations after the errors are all there */
    int funcs = 0;
    for (int i = 0; i < r->file->decls.n; i++)
        funcs += r->file->decls.items[i]->kind == AST_FUNC_DECL;
    assert_int_equal(funcs, 3);
    parsed_free(r);
    /* garbage never loops forever, and the error limit holds */
    char junk[4000];
    size_t n = (size_t)snprintf(junk, sizeof junk, "package p\n");
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(junk + n, sizeof junk - n, "%s", i % 3 ? ") ] }\n" : "func ( {\n");
    r = parse(junk);
    assert_true(r->diag.too_many || r->diag.nerrors > 0);
    assert_non_null(strstr(r->errors, "syntax error"));
    parsed_free(r);
}

/* ---- Nesting bound ----------------------------------------------------- */

typedef struct DeepJob {
    char *src;
    Parsed *result;
} DeepJob;

static void *deep_parse(void *arg) {
    DeepJob *job = arg;
    job->result = parse(job->src);
    return NULL;
}

/* Parses src on a thread with a 256 MiB stack, as the driver would. */
static Parsed *parse_on_big_stack(char *src) {
    pthread_attr_t attr;
    pthread_t th;
    DeepJob job = {src, NULL};
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, (size_t)256 << 20);
    assert_int_equal(pthread_create(&th, &attr, deep_parse, &job), 0);
    pthread_join(th, NULL);
    pthread_attr_destroy(&attr);
    return job.result;
}

/* "package p\nvar _ = " + open*depth + "x" + close*depth + "\n" */
static char *nested(int depth, const char *open, const char *mid, const char *close) {
    size_t lo = strlen(open), lc = strlen(close);
    char *s = malloc(64 + (size_t)depth * (lo + lc) + strlen(mid));
    if (!s)
        abort();
    size_t n = (size_t)sprintf(s, "package p\nvar _ = ");
    for (int i = 0; i < depth; i++, n += lo)
        memcpy(s + n, open, lo);
    memcpy(s + n, mid, strlen(mid));
    n += strlen(mid);
    for (int i = 0; i < depth; i++, n += lc)
        memcpy(s + n, close, lc);
    strcpy(s + n, "\n");
    return s;
}

static void test_depth_limit(void **state) {
    (void)state;
    /* well below the bound: fine */
    char *src = nested(PARSER_MAX_DEPTH / 2, "(", "x", ")");
    Parsed *r = parse_on_big_stack(src);
    assert_string_equal(r->errors, "");
    parsed_free(r);
    free(src);

    /* far beyond it: one error, at the token where the bound is crossed */
    src = nested(3 * PARSER_MAX_DEPTH, "(", "x", ")");
    r = parse_on_big_stack(src);
    unsigned line, col;
    char msg[128];
    assert_int_equal(sscanf(r->errors, "x.go:%u:%u: %127[^\n]", &line, &col, msg), 3);
    assert_int_equal(line, 2);
    assert_true(col > 9 && col < 9 + PARSER_MAX_DEPTH + 1);
    assert_string_equal(msg, "mgc does not support nesting deeper than 10000");
    assert_ptr_equal(strchr(r->errors, '\n') + 1, r->errors + r->errors_len); /* only one */
    parsed_free(r);
    free(src);

    /* left-deep trees count too: a long chain of binary operators */
    src = nested(3 * PARSER_MAX_DEPTH, "", "x", "+x");
    r = parse_on_big_stack(src);
    assert_non_null(strstr(r->errors, "mgc does not support nesting deeper than 10000"));
    parsed_free(r);
    free(src);

    /* and nested blocks */
    size_t depth = 3 * PARSER_MAX_DEPTH;
    src = malloc(64 + 4 * depth);
    if (!src)
        abort();
    size_t n = (size_t)sprintf(src, "package p\nfunc f() ");
    memset(src + n, '{', depth);
    n += depth;
    memset(src + n, '}', depth);
    n += depth;
    strcpy(src + n, "}\n");
    r = parse_on_big_stack(src);
    assert_non_null(strstr(r->errors, "mgc does not support nesting deeper than 10000"));
    parsed_free(r);
    free(src);
}

/* ---- Directives ---------------------------------------------------------- */

/* Where each //go: directive may stand, with gc's output for each case. */
static void test_directives(void **state) {
    (void)state;
    /* before a func (and a method) and go:notinheap before a type: accepted */
    expect_errors("package p\n"
                  "\n"
                  "//go:noinline\n"
                  "func f() {}\n"
                  "\n"
                  "//go:nosplit\n"
                  "//go:noinline\n"
                  "func (T) m() {}\n"
                  "\n"
                  "// ok\n"
                  "//go:notinheap\n"
                  "type U int\n"
                  "\n"
                  "type T int\n",
                  "");
    /* before a type: only go:notinheap, and not before an alias */
    expect_errors("package p\n"
                  "\n"
                  "//go:noinline\n"
                  "type T int\n"
                  "\n"
                  "//go:notinheap\n"
                  "type A = int\n"
                  "\n"
                  "//go:notinheap\n"
                  "//go:nosplit\n"
                  "type U int\n",
                  "x.go:3:3: misplaced compiler directive\n"
                  "x.go:6:3: misplaced compiler directive\n"
                  "x.go:10:3: misplaced compiler directive\n");
    /* before an import or a const: none accepted */
    expect_errors("package p\n"
                  "\n"
                  "//go:noinline\n"
                  "import _ \"fmt\"\n"
                  "\n"
                  "//go:nosplit\n"
                  "const c = 1\n",
                  "x.go:3:3: misplaced compiler directive\n"
                  "x.go:6:3: misplaced compiler directive\n");
    /* before a var: none but go:embed accepted */
    expect_errors("package p\n"
                  "\n"
                  "import _ \"fmt\"\n"
                  "\n"
                  "//go:noescape\n"
                  "var x int\n",
                  "x.go:5:3: misplaced compiler directive\n");
    /* before the package clause: only go:build */
    expect_errors("//go:build linux\n"
                  "\n"
                  "//go:noinline\n"
                  "package p\n",
                  "x.go:3:3: misplaced compiler directive\n");
    /* before statements: misplaced as soon as the statement starts */
    expect_errors("package p\n"
                  "\n"
                  "func f() {\n"
                  "\t//go:noinline\n"
                  "\tx := 1\n"
                  "\t//go:noinline\n"
                  "\t{\n"
                  "\t\t_ = x\n"
                  "\t}\n"
                  "\t//go:norace\n"
                  "\tvar y int\n"
                  "\t_ = y\n"
                  "}\n",
                  "x.go:4:4: misplaced compiler directive\n"
                  "x.go:6:4: misplaced compiler directive\n");
    /* before declarations in a function: checked as at top level */
    expect_errors("package p\n"
                  "\n"
                  "import _ \"fmt\"\n"
                  "\n"
                  "func f() {\n"
                  "\t//go:norace\n"
                  "\tvar y int\n"
                  "\t_ = y\n"
                  "\t//go:noinline\n"
                  "\tconst c = 1\n"
                  "\t//go:noinline\n"
                  "\t// ok:\n"
                  "\t//go:notinheap\n"
                  "\ttype T int\n"
                  "}\n",
                  "x.go:6:4: misplaced compiler directive\n"
                  "x.go:9:4: misplaced compiler directive\n"
                  "x.go:11:4: misplaced compiler directive\n");
    /* at the end of the file */
    expect_errors("package p\n"
                  "\n"
                  "func f() {}\n"
                  "\n"
                  "//go:noinline\n",
                  "x.go:5:3: misplaced compiler directive\n");
    /* before a group's "(": misplaced; inside, the spec takes it */
    expect_errors("package p\n"
                  "\n"
                  "//go:notinheap\n"
                  "type (\n"
                  "\t//go:notinheap\n"
                  "\tT int\n"
                  "\t//go:noinline\n"
                  "\tU int\n"
                  ")\n"
                  "\n"
                  "//go:noinline\n"
                  "var ()\n",
                  "x.go:3:3: misplaced compiler directive\n"
                  "x.go:11:3: misplaced compiler directive\n");
    /* after code on the same line */
    expect_errors("package p\n"
                  "\n"
                  "func g() {} //go:noinline\n"
                  "\n"
                  "var x = 1 /* c */ //go:nosplit\n",
                  "x.go:3:15: misplaced compiler directive\n"
                  "x.go:5:21: misplaced compiler directive\n");
    /* go:embed before a func or a statement */
    expect_errors("package p\n"
                  "\n"
                  "//go:embed x.txt\n"
                  "func f() {\n"
                  "\t//go:embed y.txt\n"
                  "\tx := 1\n"
                  "\t_ = x\n"
                  "}\n",
                  "x.go:5:4: misplaced go:embed directive\n");
    /* directives gc does not check are never misplaced */
    expect_errors("package p\n"
                  "\n"
                  "func f() {\n"
                  "\t//go:generate echo\n"
                  "\t//go:unknown\n"
                  "\t//go:nointerface\n"
                  "\tx := 1\n"
                  "\t_ = x\n"
                  "}\n"
                  "\n"
                  "//go:noinlinex\n"
                  "var v int\n",
                  "");
    /* gc checks declarations' directives only in a file free of other errors */
    expect_errors("package p\n"
                  "\n"
                  "//go:noinline\n"
                  "var x int\n"
                  "\n"
                  "func f() {\n"
                  "\tx :=\n"
                  "}\n",
                  "x.go:8:1: syntax error: unexpected }, expecting expression\n");
    /* ... where a directive no declaration takes counts as an error */
    expect_errors("package p\n"
                  "\n"
                  "//go:noinline\n"
                  "var x int\n"
                  "\n"
                  "//go:noinline\n",
                  "x.go:6:3: misplaced compiler directive\n");
    /* misplaced directives do not stop the label and branch checks */
    expect_errors("package p\n"
                  "\n"
                  "func f() {\n"
                  "\t//go:noinline\n"
                  "\t_ = 1\n"
                  "L:\n"
                  "}\n",
                  "x.go:4:4: misplaced compiler directive\n"
                  "x.go:6:1: label L defined and not used\n");
    /* gc checks types' directives before vars': which ten it shows */
    expect_errors("package p\n"
                  "\n"
                  "//go:noinline\n"
                  "var v1 int\n"
                  "//go:noinline\n"
                  "var v2 int\n"
                  "//go:noinline\n"
                  "var v3 int\n"
                  "//go:noinline\n"
                  "var v4 int\n"
                  "//go:noinline\n"
                  "var v5 int\n"
                  "//go:noinline\n"
                  "var v6 int\n"
                  "//go:noinline\n"
                  "var v7 int\n"
                  "//go:noinline\n"
                  "var v8 int\n"
                  "//go:noinline\n"
                  "var v9 int\n"
                  "//go:noinline\n"
                  "var v10 int\n"
                  "//go:noinline\n"
                  "type T int\n",
                  "x.go:3:3: misplaced compiler directive\n"
                  "x.go:5:3: misplaced compiler directive\n"
                  "x.go:7:3: misplaced compiler directive\n"
                  "x.go:9:3: misplaced compiler directive\n"
                  "x.go:11:3: misplaced compiler directive\n"
                  "x.go:13:3: misplaced compiler directive\n"
                  "x.go:15:3: misplaced compiler directive\n"
                  "x.go:17:3: misplaced compiler directive\n"
                  "x.go:19:3: misplaced compiler directive\n"
                  "x.go:23:3: misplaced compiler directive\n"
                  "x.go:19:3: too many errors\n");
    /* ... and function bodies, var initializers included, last */
    expect_errors("package p\n"
                  "\n"
                  "var f = func() {\n"
                  "\t//go:noinline\n"
                  "\ttype T int\n"
                  "}\n"
                  "\n"
                  "//go:noinline\n"
                  "const c = 1\n",
                  "x.go:4:4: misplaced compiler directive\n"
                  "x.go:8:3: misplaced compiler directive\n");
}

/* ---- Memory ------------------------------------------------------------ */

static void test_memory(void **state) {
    (void)state;
    const char *src = "package p\nfunc f(a, b int) int {\n\tfor i := range s {\n\t\ta += i * b\n\t}\n"
                      "\treturn a\n}\n";
    Parsed *r = parse(src);
    assert_string_equal(r->errors, "");
    Arena *ast = mem_ast(&r->mem);
    /* the tree lives in the ast region, nothing goes to func or scratch */
    assert_true(ast->stats.allocs > 0);
    assert_true(ast->stats.live > 0);
    assert_true(arena_contains(ast, r->file));
    AstFuncDecl *fn = AST_AS(AstFuncDecl, r->file->decls.items[0]);
    assert_true(arena_contains(ast, fn));
    assert_true(arena_contains(ast, fn->type->params.items));
    assert_true(arena_contains(ast, fn->body->stmts.items));
    assert_true(arena_contains(ast, fn->body->stmts.items[0]));
    assert_int_equal(mem_func(&r->mem)->stats.allocs, 0);
    assert_int_equal(mem_scratch(&r->mem)->stats.allocs, 0);
    /* lists are exactly sized: one statement slot per statement */
    assert_int_equal(fn->body->stmts.n, 2);
    /* a second parse of the same text allocates the same amount again */
    uint64_t before = ast->stats.requested;
    SourceFile *sf = diag_add_source(&r->diag, "y.go", src, strlen(src));
    parse_file(sf, &r->diag, ast, &r->mem.names);
    uint64_t second = ast->stats.requested - before;
    assert_true(second > 0 && second <= before);
    parsed_free(r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_and_decls),
        cmocka_unit_test(test_print_format),
        cmocka_unit_test(test_expressions),
        cmocka_unit_test(test_statements),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_generics),
        cmocka_unit_test(test_complit_ambiguity),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_parser_errors),
        cmocka_unit_test(test_recovery),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_directives),
        cmocka_unit_test(test_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_escape.c — the escape analysis engine: the graph and the solver on
 * hand-built locations (chains of flows with dereferences, address-of
 * cycles, parameter leaks to results with levels, loop depth, closures,
 * results), gc's heap-allocation reasons, and the printing of expressions
 * the way gc prints them in -m lines, on type-checked source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape/esc.h"
#include "parser/parser.h"

/* ---- Fixture: a batch with one function, no AST ------------------------ */

typedef struct Fx {
    Mem mem;
    Diag diag;
    EscapeConfig cfg;
    EscCtx ctx;
    EscBatch b;
    EscFunc fn;
    char buf[1024];
} Fx;

static int fx_setup(void **state) {
    Fx *fx = mem_xmalloc(sizeof *fx);
    memset(fx, 0, sizeof *fx);
    mem_init(&fx->mem, false);
    diag_init(&fx->diag, mem_perm(&fx->mem), stdout);
    fx->cfg.out = stdout;
    fx->ctx.cfg = &fx->cfg;
    fx->ctx.mem = &fx->mem;
    fx->ctx.arena = mem_scratch(&fx->mem);
    fx->ctx.perm = mem_perm(&fx->mem);
    fx->ctx.diag = &fx->diag;
    fx->b.ctx = &fx->ctx;
    fx->b.heap.is_heap = true;
    fx->b.heap.escapes = true;
    fx->b.heap.batch = &fx->b;
    fx->b.blank.batch = &fx->b;
    fx->fn.loop_depth = 1;
    fx->b.curfn = &fx->fn;
    *state = fx;
    return 0;
}

static int fx_teardown(void **state) {
    Fx *fx = *state;
    diag_free(&fx->diag);
    mem_free(&fx->mem);
    mem_xfree(fx);
    return 0;
}

/* A fresh location (a variable or a site, no AST) in function fn. */
static EscLoc *loc(Fx *fx, EscFunc *fn) { return esc_new_loc(&fx->b, fn, NULL, NULL, true); }

/* A parameter location of fx's function. */
static EscLoc *param(Fx *fx) {
    EscLoc *l = loc(fx, &fx->fn);
    l->is_param = true;
    return l;
}

/* dst = &src */
static void addr(Fx *fx, EscLoc *dst, EscLoc *src) { esc_flow(&fx->b, esc_addr(esc_hole(dst), NULL, NULL), src); }
/* dst = src */
static void assign(Fx *fx, EscLoc *dst, EscLoc *src) { esc_flow(&fx->b, esc_hole(dst), src); }
/* dst = *src */
static void deref(Fx *fx, EscLoc *dst, EscLoc *src) { esc_flow(&fx->b, esc_deref(esc_hole(dst), NULL, NULL), src); }

/* ---- graph ------------------------------------------------------------- */

static void test_addr_to_heap_escapes_at_once(void **state) {
    Fx *fx = *state;
    EscLoc *x = loc(fx, &fx->fn);
    addr(fx, &fx->b.heap, x);
    assert_true(x->escapes);
    assert_true(x->addrtaken);
    assert_int_equal(fx->b.heap.nedges, 0);
}

static void test_blank_and_self_flows_are_dropped(void **state) {
    Fx *fx = *state;
    EscLoc *x = loc(fx, &fx->fn);
    esc_flow(&fx->b, esc_discard_hole(&fx->b), x);
    assign(fx, x, x);
    deref(fx, x, x);
    assert_int_equal(fx->b.blank.nedges, 0);
    assert_int_equal(x->nedges, 0);
    addr(fx, x, x); /* x = &x is kept: its address flows into itself */
    assert_int_equal(x->nedges, 1);
    assert_int_equal(x->edges[0].derefs, -1);
}

static void test_tee_and_spill(void **state) {
    Fx *fx = *state;
    EscLoc *a = loc(fx, &fx->fn), *b = loc(fx, &fx->fn);
    EscHole ks[2] = {esc_hole(a), esc_hole(b)};
    EscHole t = esc_tee(&fx->b, ks, 2);
    assert_non_null(t.dst);
    assert_ptr_not_equal(t.dst, a);
    assert_int_equal(a->nedges, 1);
    assert_int_equal(b->nedges, 1);
    assert_ptr_equal(a->edges[0].src, t.dst);
    /* one hole: no temporary */
    EscHole one = esc_tee(&fx->b, ks, 1);
    assert_ptr_equal(one.dst, a);
    int before = fx->b.nall;
    EscHole later = esc_later(&fx->b, esc_hole(a));
    assert_int_equal(fx->b.nall, before + 1);
    assert_false(later.dst->transient);
}

/* ---- solver ------------------------------------------------------------ */

static void test_chain_with_deref_does_not_escape(void **state) {
    Fx *fx = *state;
    EscLoc *x = loc(fx, &fx->fn), *a = loc(fx, &fx->fn), *b = loc(fx, &fx->fn);
    addr(fx, a, x);                 /* a = &x */
    assign(fx, b, a);               /* b = a */
    esc_flow(&fx->b, esc_deref(esc_heap_hole(&fx->b), NULL, NULL), b); /* heap = *b */
    esc_solve(&fx->b);
    assert_false(x->escapes);
    assert_false(a->escapes);
}

static void test_chain_without_deref_escapes(void **state) {
    Fx *fx = *state;
    EscLoc *x = loc(fx, &fx->fn), *a = loc(fx, &fx->fn), *b = loc(fx, &fx->fn);
    addr(fx, a, x);
    assign(fx, b, a);
    assign(fx, &fx->b.heap, b);     /* heap = b */
    esc_solve(&fx->b);
    assert_true(x->escapes);
    assert_false(a->escapes);
    assert_false(b->escapes);
}

static void test_address_cycle(void **state) {
    Fx *fx = *state;
    EscLoc *a = loc(fx, &fx->fn), *b = loc(fx, &fx->fn), *c = loc(fx, &fx->fn), *d = loc(fx, &fx->fn);
    addr(fx, a, b);                 /* a = &b; b = &a: a cycle that stays local */
    addr(fx, b, a);
    esc_solve(&fx->b);
    assert_false(a->escapes);
    assert_false(b->escapes);
    addr(fx, c, d);                 /* c = &d; d = &c; heap = c */
    addr(fx, d, c);
    assign(fx, &fx->b.heap, c);
    esc_solve(&fx->b);
    assert_true(d->escapes);
    assert_true(c->escapes);        /* d escapes, and d holds &c */
}

static void test_param_leaks_to_result_with_levels(void **state) {
    Fx *fx = *state;
    EscLoc *p = param(fx), *q = param(fx), *r = param(fx);
    EscLoc *r0 = loc(fx, &fx->fn), *r1 = loc(fx, &fx->fn);
    r0->result_index = 1;
    r1->result_index = 2;
    assign(fx, r0, p);              /* return p, ... */
    deref(fx, r1, q);               /* ..., *q */
    EscLoc *t = loc(fx, &fx->fn);
    deref(fx, t, r);                /* t = *r; heap = *t */
    esc_flow(&fx->b, esc_deref(esc_heap_hole(&fx->b), NULL, NULL), t);
    esc_solve(&fx->b);
    assert_int_equal(esc_leaks_result(&p->param_esc, 0), 0);
    assert_int_equal(esc_leaks_result(&p->param_esc, 1), -1);
    assert_int_equal(esc_leaks_heap(&p->param_esc), -1);
    assert_int_equal(esc_leaks_result(&q->param_esc, 1), 1);
    assert_int_equal(esc_leaks_heap(&r->param_esc), 2);
}

static void test_param_leaks_to_heap(void **state) {
    Fx *fx = *state;
    EscLoc *p = param(fx);
    assign(fx, &fx->b.heap, p);
    esc_solve(&fx->b);
    assert_int_equal(esc_leaks_heap(&p->param_esc), 0);
    assert_false(p->escapes);       /* the value leaks; the variable stays */
}

static void test_roots_without_sources_are_not_walked(void **state) {
    Fx *fx = *state;
    EscLoc *p = param(fx), *x = loc(fx, &fx->fn);
    assert_false(esc_worth_walking(p));     /* no sources, not escaping */
    assert_false(esc_worth_walking(x));
    assign(fx, x, p);                       /* x = p */
    assert_true(esc_worth_walking(x));
    assert_false(esc_worth_walking(p));
    esc_solve(&fx->b);
    assert_int_equal(esc_leaks_heap(&p->param_esc), -1);
    assert_false(p->escapes);
}

static void test_escaping_param_leaks_through_itself(void **state) {
    Fx *fx = *state;
    EscLoc *p = param(fx);
    addr(fx, &fx->b.heap, p);               /* escapes at once, no sources of its own */
    assert_true(esc_worth_walking(p));
    esc_solve(&fx->b);
    assert_int_equal(esc_leaks_heap(&p->param_esc), 0);
}

static void test_param_escaping_during_solve_is_walked(void **state) {
    Fx *fx = *state;
    EscLoc *p = param(fx), *y = loc(fx, &fx->fn);
    addr(fx, y, p);                         /* y = &p */
    assign(fx, &fx->b.heap, y);             /* sink(y) */
    assert_false(esc_worth_walking(p));
    esc_solve(&fx->b);
    assert_true(p->escapes);
    assert_int_equal(esc_leaks_heap(&p->param_esc), 0);
}

static void test_result_outlives_locals(void **state) {
    Fx *fx = *state;
    EscLoc *x = loc(fx, &fx->fn), *r0 = loc(fx, &fx->fn);
    r0->result_index = 1;
    addr(fx, r0, x);                /* return &x */
    esc_solve(&fx->b);
    assert_true(x->escapes);
}

static void test_called_closure_may_return_outer_address(void **state) {
    Fx *fx = *state;
    EscFunc lit = {.outer = &fx->fn, .loop_depth = 1, .closure_called = true};
    EscLoc *u = loc(fx, &fx->fn);    /* var u int */
    EscLoc *r0 = loc(fx, &lit);       /* func() *int { return &u }() */
    r0->result_index = 1;
    addr(fx, r0, u);
    esc_solve(&fx->b);
    assert_false(u->escapes);
    lit.closure_called = false;
    EscLoc *v = loc(fx, &fx->fn);
    addr(fx, r0, v);
    esc_solve(&fx->b);
    assert_true(v->escapes);
}

static void test_loop_depth_outlives(void **state) {
    Fx *fx = *state;
    EscLoc *l = loc(fx, &fx->fn);     /* var l *int (depth 1) */
    fx->fn.loop_depth = 2;
    EscLoc *x = loc(fx, &fx->fn);     /* for { x := 0; l = &x } */
    EscLoc *y = loc(fx, &fx->fn);     /* for { y := 0; m := &y } */
    EscLoc *m = loc(fx, &fx->fn);
    fx->fn.loop_depth = 1;
    assert_true(esc_outlives(l, x));
    assert_false(esc_outlives(x, l));
    addr(fx, l, x);
    addr(fx, m, y);
    esc_solve(&fx->b);
    assert_true(x->escapes);
    assert_false(y->escapes);
}

static void test_outer_variable_outlives_closure_allocation(void **state) {
    Fx *fx = *state;
    EscFunc lit = {.outer = &fx->fn, .loop_depth = 1};
    EscLoc *l = loc(fx, &fx->fn);
    EscLoc *n = loc(fx, &lit);        /* func() { l = new(int) } */
    assert_true(esc_outlives(l, n));
    assert_false(esc_outlives(n, l));
    addr(fx, l, n);
    esc_solve(&fx->b);
    assert_true(n->escapes);
}

static void test_transient_lost_through_persistent_root(void **state) {
    Fx *fx = *state;
    EscLoc *site = loc(fx, &fx->fn);
    EscHole k = esc_later(&fx->b, esc_discard_hole(&fx->b));
    esc_flow(&fx->b, esc_addr(k, NULL, NULL), site);
    EscLoc *other = loc(fx, &fx->fn);
    EscLoc *t = loc(fx, &fx->fn);
    addr(fx, t, other);
    esc_solve(&fx->b);
    assert_false(site->escapes);
    assert_false(site->transient);   /* its address is kept past the statement */
    assert_true(other->transient);
}

static void test_leaks_encoding(void **state) {
    (void)state;
    EscLeaks l = {0};
    assert_int_equal(esc_leaks_heap(&l), -1);
    esc_leaks_add_result(&l, 0, 2);
    esc_leaks_add_result(&l, 0, 1);
    esc_leaks_add_result(&l, 0, 3);
    assert_int_equal(esc_leaks_result(&l, 0), 1);
    esc_leaks_add_result(&l, 1, 0);
    esc_leaks_add_heap(&l, 1);
    esc_leaks_optimize(&l);
    assert_int_equal(esc_leaks_result(&l, 0), -1); /* no shorter than the heap leak */
    assert_int_equal(esc_leaks_result(&l, 1), 0);
    esc_leaks_add_heap(&l, 1000);
    assert_int_equal(esc_leaks_heap(&l), 1);
}

static void test_heap_alloc_reason_large_variable(void **state) {
    Fx *fx = *state;
    Object big = {.kind = OBJ_VAR, .name = "x"};
    big.type = type_new_array(mem_perm(&fx->mem), type_basic(TY_UINT8), 11 << 20);
    Object small = {.kind = OBJ_VAR, .name = "y"};
    small.type = type_new_array(mem_perm(&fx->mem), type_basic(TY_UINT8), 10 << 20);
    Object par = big;
    par.flags = OBJ_PARAM;
    EscLoc *lb = esc_new_loc(&fx->b, &fx->fn, NULL, &big, true);
    EscLoc *ls = esc_new_loc(&fx->b, &fx->fn, NULL, &small, true);
    EscLoc *lp = esc_new_loc(&fx->b, &fx->fn, NULL, &par, true);
    assert_string_equal(esc_heap_alloc_reason(lb), "too large for stack");
    assert_null(esc_heap_alloc_reason(ls));
    assert_null(esc_heap_alloc_reason(lp));
    assert_ptr_equal(esc_var_loc(&fx->b, &fx->fn, &big), lb);
    esc_heap_alloc(&fx->b, lb, "too large for stack");
    assert_true(lb->escapes);
}

/* Object.esc_slot is an index into the all_locs of whichever batch made
 * the variable's location last; in another batch the same index names
 * some other location, or none, and the lookup must find nothing. */
static void test_stale_slot_from_another_batch_not_found(void **state) {
    Fx *fx = *state;
    EscBatch other = {.ctx = &fx->ctx};
    other.heap.batch = &other;
    other.blank.batch = &other;
    Object v = {.kind = OBJ_VAR, .name = "v"}, u = {.kind = OBJ_VAR, .name = "u"};
    Object w = {.kind = OBJ_VAR, .name = "w"};
    EscLoc *lv = esc_new_loc(&other, NULL, NULL, &v, true);
    esc_new_loc(&other, NULL, NULL, &u, true);
    assert_int_equal(v.esc_slot, 0);
    assert_int_equal(u.esc_slot, 1);
    assert_ptr_equal(esc_batch_lookup(&other, &v), lv);
    /* slot 0 of this batch is w's, slot 1 does not exist */
    EscLoc *lw = esc_new_loc(&fx->b, &fx->fn, NULL, &w, true);
    assert_int_equal(w.esc_slot, 0);
    assert_null(esc_batch_lookup(&fx->b, &v));
    assert_null(esc_batch_lookup(&fx->b, &u));
    assert_ptr_equal(esc_batch_lookup(&fx->b, &w), lw);
    /* the walk makes v a location of this batch; now the other batch's
     * slot is the stale one */
    EscLoc *lv2 = esc_var_loc(&fx->b, &fx->fn, &v);
    assert_ptr_not_equal(lv2, lv);
    assert_ptr_not_equal(lv2, lw);
    assert_ptr_equal(lv2->batch, &fx->b);
    assert_int_equal(fx->b.nall, 2);
    assert_ptr_equal(esc_batch_lookup(&fx->b, &v), lv2);
    assert_null(esc_batch_lookup(&other, &v));
    assert_null(esc_batch_lookup(NULL, &v));
}

/* ---- printing on checked source ---------------------------------------- */

/* Type-checks src (package main, with `var sink interface{}` and a func f
 * whose statements are `sink = EXPR`) and returns f's body. */
static AstBlockStmt *check_source(Fx *fx, const char *src, Program **prog, AstFile **file) {
    SourceFile *sf = diag_add_source(&fx->diag, "x.go", src, strlen(src));
    AstFile *f = parse_file(sf, &fx->diag, mem_ast(&fx->mem), &fx->mem.names);
    TypesConfig cfg = {.allow_missing_body = true, .allow_unsupported = true};
    *prog = types_check(&f, 1, &cfg, &fx->mem, &fx->diag);
    assert_int_equal(diag_errors(&fx->diag), 0);
    *file = f;
    for (int i = 0; i < f->decls.n; i++) {
        AstNode *d = f->decls.items[i];
        if (d->kind == AST_FUNC_DECL && strcmp(AST_AS(AstFuncDecl, d)->name->value, "f") == 0)
            return AST_AS(AstFuncDecl, d)->body;
    }
    fail();
    return NULL;
}

/* The right-hand side of statement i of body, printed as gc prints it. */
static const char *rhs_string(Fx *fx, AstBlockStmt *body, int i) {
    AstNode *s = body->stmts.items[i];
    assert_int_equal(s->kind, AST_ASSIGN_STMT);
    return esc_node_string(AST_AS(AstAssignStmt, s)->rhs, fx->buf, sizeof fx->buf);
}

static void test_node_strings(void **state) {
    Fx *fx = *state;
    static const char src[] =
        "package main\n"
        "type E struct{ c int }\n"
        "type T struct{ a int; E }\n"
        "func (t *T) M() int { return t.a }\n"
        "var sink interface{}\n"
        "const C = 7\n"
        "func g(xs ...int) int { return 0 }\n"
        "func f(n int, s string, bs []byte, t *T, x, y string, i interface{}) {\n"
        "\tsink = &T{a: 1}\n"                 /* 0 */
        "\tsink = T{}\n"                      /* 1 */
        "\tsink = []int{1, 2}\n"              /* 2 */
        "\tsink = map[string]int{\"a\": 1}\n" /* 3 */
        "\tsink = make([]int, n)\n"           /* 4 */
        "\tsink = make(map[string]int)\n"     /* 5 */
        "\tsink = new(T)\n"                   /* 6 */
        "\tsink = func() {}\n"                /* 7 */
        "\tsink = []byte(s)\n"                /* 8 */
        "\tsink = string(bs)\n"               /* 9 */
        "\tsink = x + (y + x)\n"              /* 10 */
        "\tsink = t.c\n"                      /* 11 */
        "\tsink = t.M\n"                      /* 12 */
        "\tsink = (n + 1) * 2\n"              /* 13 */
        "\tsink = n + (n * 3) - -n\n"         /* 14 */
        "\tsink = C\n"                        /* 15 */
        "\tsink = &struct{ x, y int }{1, 2}\n" /* 16 */
        "\tsink = g(1, 2)\n"                  /* 17 */
        "\tsink = g()\n"                      /* 18 */
        "\tsink = bs[1:n]\n"                  /* 19 */
        "\tsink = i.(*T)\n"                   /* 20 */
        "\tsink = []interface{}{nil}\n"       /* 21 */
        "\tsink = float64(n)\n"               /* 22 */
        "}\n";
    Program *prog;
    AstFile *file;
    AstBlockStmt *body = check_source(fx, src, &prog, &file);
    assert_string_equal(rhs_string(fx, body, 0), "&T{...}");
    assert_string_equal(rhs_string(fx, body, 1), "T{}");
    assert_string_equal(rhs_string(fx, body, 2), "[]int{...}");
    assert_string_equal(rhs_string(fx, body, 3), "map[string]int{...}");
    assert_string_equal(rhs_string(fx, body, 4), "make([]int, n)");
    assert_string_equal(rhs_string(fx, body, 5), "make(map[string]int)");
    assert_string_equal(rhs_string(fx, body, 6), "new(T)");
    assert_string_equal(rhs_string(fx, body, 7), "func literal");
    assert_string_equal(rhs_string(fx, body, 8), "([]byte)(s)");
    assert_string_equal(rhs_string(fx, body, 9), "string(bs)");
    assert_string_equal(rhs_string(fx, body, 10), "x + y + x");
    assert_string_equal(rhs_string(fx, body, 11), "t.E.c");
    assert_string_equal(rhs_string(fx, body, 12), "t.M");
    assert_string_equal(rhs_string(fx, body, 13), "(n + 1) * 2");
    assert_string_equal(rhs_string(fx, body, 14), "n + n * 3 - -n");
    assert_string_equal(rhs_string(fx, body, 15), "C");
    assert_string_equal(rhs_string(fx, body, 16), "&struct { x int; y int }{...}");
    /* a variadic call prints as written until the walk meets it, packed
     * from then on (gc's FixVariadicCall rewrites the node then) */
    assert_string_equal(rhs_string(fx, body, 17), "g(1, 2)");
    assert_string_equal(rhs_string(fx, body, 18), "g()");
    AST_AS(AstAssignStmt, body->stmts.items[17])->rhs->flags |= AST_ESC_PACKED;
    AST_AS(AstAssignStmt, body->stmts.items[18])->rhs->flags |= AST_ESC_PACKED;
    assert_string_equal(rhs_string(fx, body, 17), "g(... argument...)");
    assert_string_equal(rhs_string(fx, body, 18), "g(nil...)");
    assert_string_equal(rhs_string(fx, body, 19), "bs[1:n]");
    assert_string_equal(rhs_string(fx, body, 20), "i.(*T)");
    assert_string_equal(rhs_string(fx, body, 21), "[]interface {}{...}");
    assert_string_equal(rhs_string(fx, body, 22), "float64(n)");
    /* statements, as -m=2 notes print them */
    assert_string_equal(esc_node_string(body->stmts.items[4], fx->buf, sizeof fx->buf), "sink = make([]int, n)");
}

/* ---- the whole analysis ------------------------------------------------- */

static void test_analyze_reports_in_gc_order(void **state) {
    Fx *fx = *state;
    static const char src[] =
        "package main\n"
        "var sink interface{}\n"
        "func f() {\n"
        "\tx := new(int)\n"
        "\ty := 0\n"
        "\tsink = &y\n"
        "\t_ = x\n"
        "}\n";
    Program *prog;
    AstFile *file;
    check_source(fx, src, &prog, &file);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    EscapeConfig cfg = {.m = 1, .out = out, .files = &file, .nfiles = 1};
    ArenaMark before = arena_mark(mem_scratch(&fx->mem));
    escape_analyze(prog, &cfg, &fx->mem, &fx->diag);
    fclose(out);
    assert_string_equal(text, "x.go:5:2: moved to heap: y\n"
                              "x.go:4:10: new(int) does not escape\n");
    free(text);
    /* the graph is gone, the tags remain */
    assert_int_equal(mem_scratch(&fx->mem)->stats.live, before.live);
    AstFuncDecl *fd = NULL;
    for (int i = 0; i < file->decls.n; i++)
        if (file->decls.items[i]->kind == AST_FUNC_DECL) fd = AST_AS(AstFuncDecl, file->decls.items[i]);
    assert_non_null(fd);
    assert_non_null(fd->info);
    assert_true(arena_contains(mem_perm(&fx->mem), fd->info));
}

/* The definitions devirtualization needs are recorded only for functions
 * with an interface method call, after their walk: a reassignment inside a
 * closure, an address taken or a range variable must still stop it (the
 * expected text is Go 1.19's). */
static void test_devirt_sees_reassignments(void **state) {
    Fx *fx = *state;
    static const char src[] =
        "package main\n"
        "type S interface{ M() int }\n"
        "type R struct{ v int }\n"
        "func (r *R) M() int { return r.v }\n"
        "func f() int {\n"
        "\tvar a S = &R{1}\n"
        "\tvar b S = &R{2}\n"
        "\tfunc() { b = &R{3} }()\n"
        "\tvar c S = &R{4}\n"
        "\tp := &c\n"
        "\t_ = p\n"
        "\tt := 0\n"
        "\tfor _, d := range []S{&R{5}} {\n"
        "\t\tt += d.M()\n"
        "\t}\n"
        "\treturn a.M() + b.M() + c.M() + t\n"
        "}\n";
    Program *prog;
    AstFile *file;
    check_source(fx, src, &prog, &file);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    EscapeConfig cfg = {.m = 1, .out = out, .files = &file, .nfiles = 1};
    escape_analyze(prog, &cfg, &fx->mem, &fx->diag);
    fclose(out);
    assert_string_equal(text, "x.go:16:12: devirtualizing a.M to *R\n"
                              "x.go:4:7: r does not escape\n"
                              "x.go:6:12: &R{...} does not escape\n"
                              "x.go:7:12: &R{...} escapes to heap\n"
                              "x.go:8:2: func literal does not escape\n"
                              "x.go:8:15: &R{...} escapes to heap\n"
                              "x.go:9:12: &R{...} escapes to heap\n"
                              "x.go:13:23: []S{...} does not escape\n"
                              "x.go:13:24: &R{...} escapes to heap\n");
    free(text);
}

/* ---- devirtualization records ------------------------------------------ */

/* Every recorded call is found again after the table has grown many times;
 * a call without the AST_ESC_DEVIRT mark, or never recorded, has none. */
static void test_devirt_records_survive_growth(void **state) {
    Fx *fx = *state;
    enum { N = 5000 };
    AstNode *calls = ARENA_NEW_ARRAY(fx->ctx.arena, AstNode, N + 1);
    Object *methods = ARENA_NEW_ARRAY(fx->ctx.arena, Object, N);
    for (int i = 0; i < N; i++) {
        EscDevirt *d = esc_set_devirt(&fx->ctx, &calls[i]);
        d->method = &methods[i];
        if (i % 3) calls[i].flags |= AST_ESC_DEVIRT;
    }
    for (int i = 0; i < N; i++) {
        if (i % 3) {
            assert_ptr_equal(esc_devirt_method(&fx->ctx, &calls[i]), &methods[i]);
            assert_ptr_equal(esc_devirt(&fx->ctx, &calls[i])->call, &calls[i]);
        } else {
            assert_null(esc_devirt(&fx->ctx, &calls[i]));
        }
    }
    calls[N].flags |= AST_ESC_DEVIRT;
    assert_null(esc_devirt(&fx->ctx, &calls[N]));
}

/* The table holds pointers to the records: a record stays where it was
 * made while the table grows, and recording a call again returns its
 * record as it was filled, not a cleared one. */
static void test_devirt_records_stay_put(void **state) {
    Fx *fx = *state;
    enum { N = 1000 };
    AstNode *calls = ARENA_NEW_ARRAY(fx->ctx.arena, AstNode, N);
    EscDevirt **made = ARENA_NEW_ARRAY(fx->ctx.arena, EscDevirt *, N);
    Object m = {.kind = OBJ_FUNC, .name = "M"};
    for (int i = 0; i < N; i++) {
        calls[i].flags |= AST_ESC_DEVIRT;
        made[i] = esc_set_devirt(&fx->ctx, &calls[i]);
        made[i]->method = &m;
        made[i]->npath = i % 8;
    }
    assert_int_equal(fx->ctx.devirt_count, N);
    assert_true(fx->ctx.devirt_cap >= 2 * N);
    for (int i = 0; i < N; i++) {
        assert_ptr_equal(esc_devirt(&fx->ctx, &calls[i]), made[i]);
        EscDevirt *again = esc_set_devirt(&fx->ctx, &calls[i]);
        assert_ptr_equal(again, made[i]);
        assert_ptr_equal(again->method, &m);
        assert_int_equal(again->npath, i % 8);
    }
    assert_int_equal(fx->ctx.devirt_count, N);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_addr_to_heap_escapes_at_once, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_blank_and_self_flows_are_dropped, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_tee_and_spill, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_chain_with_deref_does_not_escape, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_chain_without_deref_escapes, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_address_cycle, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_param_leaks_to_result_with_levels, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_param_leaks_to_heap, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_roots_without_sources_are_not_walked, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_escaping_param_leaks_through_itself, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_param_escaping_during_solve_is_walked, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_result_outlives_locals, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_called_closure_may_return_outer_address, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_loop_depth_outlives, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_outer_variable_outlives_closure_allocation, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_transient_lost_through_persistent_root, fx_setup, fx_teardown),
        cmocka_unit_test(test_leaks_encoding),
        cmocka_unit_test_setup_teardown(test_heap_alloc_reason_large_variable, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_stale_slot_from_another_batch_not_found, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_node_strings, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_analyze_reports_in_gc_order, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_devirt_records_survive_growth, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_devirt_records_stay_put, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_devirt_sees_reassignments, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

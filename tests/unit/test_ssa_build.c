/* test_ssa_build.c — SSA construction from the typed AST: every function of
 * the type checker's, escape analysis' and the examples' programs builds
 * and verifies; the shape of a few functions (the phis of a range loop, a
 * heap variable's allocation, checks where Go performs them, gc's names of
 * function literals); constants folded by the passes; unsupported
 * constructs refused at their position; the pools empty after each
 * function; interfaces (itabs, method calls through them, assertions,
 * switches), method values and wrappers, defer frames and thunks, maps and
 * the standard library through the runtime. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "ssa/ssa.h"

#ifndef MGC_SOURCE_ROOT
#define MGC_SOURCE_ROOT "."
#endif

typedef struct Fx {
    Mem mem;
    Diag diag;
    char *errs;
    size_t nerrs;
    FILE *errout;
} Fx;

static int fx_setup(void **state) {
    Fx *fx = mem_xmalloc(sizeof *fx);
    memset(fx, 0, sizeof *fx);
    mem_init(&fx->mem, false);
    fx->errout = open_memstream(&fx->errs, &fx->nerrs);
    diag_init(&fx->diag, mem_perm(&fx->mem), fx->errout);
    *state = fx;
    return 0;
}

static int fx_teardown(void **state) {
    Fx *fx = *state;
    diag_free(&fx->diag);
    fclose(fx->errout);
    free(fx->errs);
    mem_free(&fx->mem);
    mem_xfree(fx);
    return 0;
}

/* The program of one source file, type-checked and escape-analyzed; NULL
 * when the front end reports errors. */
static Program *front_end(Fx *fx, const char *name, const char *text, AstFile **file) {
    SourceFile *src = diag_add_source(&fx->diag, name, text, strlen(text));
    *file = parse_file(src, &fx->diag, mem_ast(&fx->mem), &fx->mem.names);
    if (diag_errors(&fx->diag)) return NULL;
    TypesConfig tc = {.allow_missing_body = true, .allow_unsupported = true};
    Program *prog = types_check(file, 1, &tc, &fx->mem, &fx->diag);
    if (diag_errors(&fx->diag) || prog->uses_goroutines) return NULL;
    FILE *null = fopen("/dev/null", "w");
    EscapeConfig ec = {.m = 0, .out = null, .files = file, .nfiles = 1};
    escape_analyze(prog, &ec, &fx->mem, &fx->diag);
    fclose(null);
    return diag_errors(&fx->diag) ? NULL : prog;
}

/* What a test wants to know about one built function. */
typedef void (*Inspect)(SsaFunc *f, void *ctx);

/* Builds every unit, verifies it, optionally runs the passes, lets inspect
 * look at it and frees it.  Returns the number of functions built;
 * *refused counts the units that construction refused. */
static int build_all(Fx *fx, Program *prog, AstFile *file, bool passes, Inspect inspect, void *ctx, int *refused) {
    SsaUnit *units;
    int n = ssa_collect_program_units(prog, &file, 1, &fx->mem, &units);
    SsaConfig cfg = {.diag = &fx->diag, .verify = true};
    int built = 0;
    for (int i = 0; i < n; i++) {
        SsaFunc *f = ssa_build_func(&cfg, &fx->mem, prog, &units[i]);
        if (!f) {
            if (refused) (*refused)++;
            continue;
        }
        char why[512];
        if (!ssa_verify(f, "build", why, sizeof why)) {
            ssa_print_func(stderr, f, "build");
            fail_msg("%s", why);
        }
        if (passes) ssa_run_passes(f, &cfg);
        if (inspect) inspect(f, ctx);
        ssa_func_free(f);
        built++;
        /* memory follows the function: nothing of it is left in the pools */
        assert_int_equal(fx->mem.pools[MEM_POOL_VALUE].stats.live, 0);
        assert_int_equal(fx->mem.pools[MEM_POOL_BLOCK].stats.live, 0);
    }
    return built;
}

/* ---- shapes ---------------------------------------------------------------- */

typedef struct Count {
    const char *func;
    int op;
    int n;           /* values of op in func */
    int header_phis; /* most phis in one block */
} Count;

static void count_op(SsaFunc *f, void *ctx) {
    Count *c = ctx;
    if (strcmp(f->name, c->func) != 0) return;
    for (int i = 0; i < f->nblocks; i++) {
        int phis = 0;
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            Value *v = f->blocks[i]->values[j];
            if (v->op == c->op) c->n++;
            if (v->op == SSA_OP_PHI) phis++;
        }
        if (phis > c->header_phis) c->header_phis = phis;
    }
}

static int count_in(Fx *fx, const char *src, const char *func, int op, bool passes, int *phis) {
    AstFile *file;
    Program *prog = front_end(fx, "x.go", src, &file);
    assert_non_null(prog);
    Count c = {.func = func, .op = op};
    int refused = 0;
    build_all(fx, prog, file, passes, count_op, &c, &refused);
    assert_int_equal(refused, 0);
    if (phis) *phis = c.header_phis;
    return c.n;
}

static const char range_src[] = "package main\n"
                                "func sum(s []int) int {\n"
                                "\tt := 0\n"
                                "\tfor i := range s {\n"
                                "\t\tt += s[i]\n"
                                "\t}\n"
                                "\treturn t\n"
                                "}\n"
                                "func main() { println(sum([]int{1, 2})) }\n";

/* The loop header has one phi for the index and one for t (s is unchanged:
 * its phis are trivial and removed). */
static void test_range_loop_phis(void **state) {
    Fx *fx = *state;
    int phis = 0;
    int n = count_in(fx, range_src, "main.sum", SSA_OP_PHI, false, &phis);
    assert_int_equal(n, 2);
    assert_int_equal(phis, 2);
    /* the index is checked as Go checks it, before the passes */
    assert_int_equal(count_in(fx, range_src, "main.sum", SSA_OP_BOUNDS_CHECK, false, NULL), 1);
}

/* After the passes no bounds check is left in the range loop. */
static void test_range_loop_bounds_check_eliminated(void **state) {
    Fx *fx = *state;
    assert_int_equal(count_in(fx, range_src, "main.sum", SSA_OP_BOUNDS_CHECK, true, NULL), 0);
}

static void test_heap_variable_is_new(void **state) {
    Fx *fx = *state;
    static const char src[] = "package main\n"
                              "var sink *int\n"
                              "func f() {\n"
                              "\tx := 1\n"
                              "\tsink = &x\n"
                              "}\n"
                              "func g() int {\n"
                              "\ty := 1\n"
                              "\tp := &y\n"
                              "\treturn *p\n"
                              "}\n"
                              "func main() { f(); println(g()) }\n";
    assert_int_equal(count_in(fx, src, "main.f", SSA_OP_NEW, false, NULL), 1);
    /* y does not escape: a frame slot, no allocation */
    assert_int_equal(count_in(fx, src, "main.g", SSA_OP_NEW, false, NULL), 0);
    assert_int_equal(count_in(fx, src, "main.g", SSA_OP_SLOT, false, NULL) > 0, 1);
}

static void test_constant_folded_after_passes(void **state) {
    Fx *fx = *state;
    static const char src[] = "package main\n"
                              "func f(a int) int {\n"
                              "\tx := 2\n"
                              "\ty := x * 3\n"
                              "\treturn y + a*0\n"
                              "}\n"
                              "func main() { println(f(1)) }\n";
    assert_int_equal(count_in(fx, src, "main.f", SSA_OP_MUL, false, NULL), 2);
    assert_int_equal(count_in(fx, src, "main.f", SSA_OP_MUL, true, NULL), 0);
}

static void test_division_and_shift_checks(void **state) {
    Fx *fx = *state;
    static const char src[] = "package main\n"
                              "func f(a, b int, c uint) int {\n"
                              "\treturn a/b + a%7 + a<<b + a>>c\n"
                              "}\n"
                              "func main() { println(f(1, 2, 3)) }\n";
    /* a/b is checked, a%7 is not; b is a signed count, c is not */
    assert_int_equal(count_in(fx, src, "main.f", SSA_OP_DIV_CHECK, false, NULL), 1);
    assert_int_equal(count_in(fx, src, "main.f", SSA_OP_SHIFT_CHECK, false, NULL), 1);
}

static void test_nil_check_on_deref(void **state) {
    Fx *fx = *state;
    static const char src[] = "package main\n"
                              "type T struct{ a, b int }\n"
                              "func f(p *T) int { return p.b }\n"
                              "func main() { println(f(&T{1, 2})) }\n";
    assert_int_equal(count_in(fx, src, "main.f", SSA_OP_NIL_CHECK, false, NULL), 1);
}

typedef struct Names {
    char buf[1024];
} Names;

static void collect_name(SsaFunc *f, void *ctx) {
    Names *n = ctx;
    strcat(n->buf, f->name);
    strcat(n->buf, " ");
}

/* Units in source order, each followed by its literals, named as gc names them. */
static void test_unit_names(void **state) {
    Fx *fx = *state;
    static const char src[] = "package main\n"
                              "type T struct{ x int }\n"
                              "func (t *T) M() int { return t.x }\n"
                              "func (t T) V() int { return t.x }\n"
                              "func init() {}\n"
                              "func f() func() int {\n"
                              "\tx := 1\n"
                              "\tg := func() func() int { return func() int { return x } }\n"
                              "\th := func() int { x++; return x }\n"
                              "\t_ = h\n"
                              "\treturn g()\n"
                              "}\n"
                              "func main() { println(f()()) }\n";
    AstFile *file;
    Program *prog = front_end(fx, "x.go", src, &file);
    assert_non_null(prog);
    Names n = {{0}};
    int refused = 0;
    build_all(fx, prog, file, true, collect_name, &n, &refused);
    assert_int_equal(refused, 0);
    /* then the wrappers: main.(*T).V calls the value method through a pointer */
    assert_string_equal(n.buf, "main.init main.(*T).M main.T.V main.init.0 main.f main.f.func1 main.f.func1.1 "
                               "main.f.func2 main.main main.(*T).V ");
}

static void test_unsupported_is_refused_at_the_construct(void **state) {
    Fx *fx = *state;
    static const char src[] = "package main\n"
                              "func two() (int, int) { return 1, 2 }\n"
                              "func add(a, b int) { println(a + b) }\n"
                              "func main() {\n"
                              "\tdefer add(two())\n"
                              "}\n";
    AstFile *file;
    Program *prog = front_end(fx, "x.go", src, &file);
    assert_non_null(prog);
    int refused = 0;
    build_all(fx, prog, file, false, NULL, NULL, &refused);
    assert_int_equal(refused, 2); /* main.main and its thunk main.main.deferwrap1 */
    diag_flush(&fx->diag);
    fflush(fx->errout);
    assert_non_null(strstr(fx->errs, "x.go:5:2: mgc does not support defer with a multi-value argument in code generation yet"));
}

/* ---- interfaces, methods, defer, maps ---------------------------------------- */

/* What one function holds: ops, runtime calls and symbols by name. */
typedef struct Probe {
    const char *func;
    bool seen;
    int ops[SSA_OP_LAST_GENERIC + 1];
    char calls[4096];   /* runtime functions and SymAddr names, space-separated */
    char syms[2048];    /* f->syms names */
    bool frame;         /* f->defer_frame */
    int iface_calls;    /* ClosureCall through OffPtr [16+8i] of a checked itab */
} Probe;

static void probe(SsaFunc *f, void *ctx) {
    Probe *p = ctx;
    if (strcmp(f->name, p->func) != 0) return;
    p->seen = true;
    p->frame = f->defer_frame != NULL;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            Value *v = f->blocks[i]->values[j];
            if (v->op <= SSA_OP_LAST_GENERIC) p->ops[v->op]++;
            if (v->op == SSA_OP_CALL_RUNTIME || v->op == SSA_OP_SYMADDR) {
                strncat(p->calls, v->aux, sizeof p->calls - strlen(p->calls) - 2);
                strcat(p->calls, " ");
            }
            if (v->op == SSA_OP_CALL_CLOSURE && v->args[0]->op == SSA_OP_OFFPTR && v->args[0]->aux_int >= 16)
                p->iface_calls++;
        }
    for (int i = 0; i < f->nsyms; i++) {
        strncat(p->syms, f->syms[i].name, sizeof p->syms - strlen(p->syms) - 2);
        strcat(p->syms, " ");
    }
}

static Probe probe_in(Fx *fx, const char *src, const char *func, bool passes) {
    AstFile *file;
    Program *prog = front_end(fx, "x.go", src, &file);
    assert_non_null(prog);
    Probe p;
    memset(&p, 0, sizeof p);
    p.func = func;
    int refused = 0;
    build_all(fx, prog, file, passes, probe, &p, &refused);
    assert_int_equal(refused, 0);
    if (!p.seen) fail_msg("no function %s", func);
    return p;
}

static const char iface_src[] = "package main\n"
                                "type Shape interface{ Area() int; Name() string }\n"
                                "type Base struct{ id int }\n"
                                "func (b Base) Name() string { return \"base\" }\n"
                                "type Rect struct {\n\tBase\n\tw, h int\n}\n"
                                "func (r Rect) Area() int { return r.w * r.h }\n"
                                "type Wrap struct {\n\tShape\n}\n"
                                "func area(s Shape) int { return s.Area() + len(s.Name()) }\n"
                                "func box(r Rect) Shape { return r }\n"
                                "func promoted(r *Rect) int { return r.id }\n"
                                "func value(s Shape) func() int { return s.Area }\n"
                                "func embedded(w Wrap) int { return w.Area() }\n"
                                "func assert(x interface{}) int {\n"
                                "\tif r, ok := x.(Rect); ok {\n\t\treturn r.w\n\t}\n"
                                "\tswitch v := x.(type) {\n"
                                "\tcase Shape:\n\t\treturn v.Area()\n"
                                "\tcase nil:\n\t\treturn -1\n"
                                "\t}\n"
                                "\treturn x.(int)\n"
                                "}\n"
                                "func eq(a, b interface{}) bool { return a == b }\n"
                                "func main() {\n"
                                "\tr := Rect{Base{1}, 2, 3}\n"
                                "\tprintln(area(box(r)), promoted(&r), value(r)(), embedded(Wrap{r}), assert(r), eq(1, 2))\n"
                                "}\n";

/* An interface method call loads nothing itself: a closure call through
 * &itab->fun[i], after a nil check of the itab. */
static void test_interface_method_call(void **state) {
    Probe p = probe_in(*state, iface_src, "main.area", false);
    assert_int_equal(p.iface_calls, 2);
    assert_true(p.ops[SSA_OP_NIL_CHECK] >= 2);
    /* promoted through an embedded interface field: the same call */
    p = probe_in(*state, iface_src, "main.embedded", false);
    assert_int_equal(p.iface_calls, 1);
}

/* A conversion names the itab and records it (and nothing else) for codegen. */
static void test_conversion_records_itab(void **state) {
    Probe p = probe_in(*state, iface_src, "main.box", false);
    assert_non_null(strstr(p.calls, "itab:main.Rect,main.Shape "));
    assert_string_equal(p.syms, "itab:main.Rect,main.Shape ");
    /* Rect is not pointer-shaped: boxed in a copy */
    assert_int_equal(p.ops[SSA_OP_NEW] + p.ops[SSA_OP_SLOT] > 0, 1);
}

/* r.id through the embedded Base: one nil check of r, the field at offset 0. */
static void test_promoted_field(void **state) {
    Probe p = probe_in(*state, iface_src, "main.promoted", false);
    assert_int_equal(p.ops[SSA_OP_NIL_CHECK], 1);
    assert_int_equal(p.ops[SSA_OP_LOAD], 1);
}

/* s.Area not called: a closure {main.Shape.Area-fm, tab, data}, and the
 * wrapper is a unit of the program. */
static void test_method_value(void **state) {
    Probe p = probe_in(*state, iface_src, "main.value", false);
    assert_non_null(strstr(p.calls, "main.Shape.Area-fm "));
    p = probe_in(*state, iface_src, "main.Shape.Area-fm", false);
    assert_int_equal(p.ops[SSA_OP_CONTEXT], 1);
    assert_int_equal(p.iface_calls, 1);
    /* the itab of *Rect (and of boxed Rect) calls main.(*Rect).Area, a wrapper */
    p = probe_in(*state, iface_src, "main.(*Rect).Name", false);
    assert_int_equal(p.ops[SSA_OP_CALL], 1);
}

/* Assertions compare type descriptors; to an interface, the runtime finds the itab. */
static void test_type_assertions_and_switch(void **state) {
    Probe p = probe_in(*state, iface_src, "main.assert", false);
    assert_non_null(strstr(p.calls, "type:main.Rect "));
    assert_non_null(strstr(p.calls, "mgc_assertI2 "));
    assert_non_null(strstr(p.calls, "mgc_panicdottype "));
    assert_non_null(strstr(p.syms, "type:int "));
    p = probe_in(*state, iface_src, "main.eq", false);
    assert_non_null(strstr(p.calls, "mgc_efaceeq "));
}

static const char defer_src[] = "package main\n"
                                "import \"fmt\"\n"
                                "func div(a, b int) (q int, err error) {\n"
                                "\tdefer func() {\n"
                                "\t\tif r := recover(); r != nil {\n"
                                "\t\t\terr = fmt.Errorf(\"%v\", r)\n"
                                "\t\t}\n"
                                "\t}()\n"
                                "\tif b == 0 {\n\t\treturn 0, nil\n\t}\n"
                                "\treturn a / b, nil\n"
                                "}\n"
                                "func loop(n int) {\n"
                                "\tfor i := 0; i < n; i++ {\n\t\tdefer println(i)\n\t}\n"
                                "}\n"
                                "func main() {\n\tfmt.Println(div(1, 0))\n\tloop(2)\n}\n";

/* A function with defer: a frame, pushed once at entry, and every return
 * (two here, plus the resume path a recover continues at) runs the
 * deferred calls first. */
static void test_defer_frame_and_returns(void **state) {
    Probe p = probe_in(*state, defer_src, "main.div", false);
    assert_true(p.frame);
    assert_non_null(strstr(p.calls, "mgc_defer_push_frame "));
    assert_non_null(strstr(p.calls, "mgc_defer_push "));
    assert_non_null(strstr(p.calls, "main.div.deferwrap1 "));
    int returns = 0;
    for (const char *c = p.calls; (c = strstr(c, "mgc_defer_return ")); c++) returns++;
    assert_int_equal(returns, 3); /* two returns and the resume path */
    assert_int_equal(p.ops[SSA_OP_DEFER_RESUMED], 1);
    p = probe_in(*state, defer_src, "main.div.func1", false);
    assert_non_null(strstr(p.calls, "mgc_gorecover "));
    assert_int_equal(p.ops[SSA_OP_FRAME_PTR], 1);
    /* the thunk calls the literal's closure, loaded from its context */
    p = probe_in(*state, defer_src, "main.div.deferwrap1", false);
    assert_int_equal(p.ops[SSA_OP_CONTEXT], 1);
    assert_int_equal(p.ops[SSA_OP_CALL_CLOSURE], 1);
}

/* A defer in a loop keeps its record on the heap, as escape analysis says. */
static void test_defer_in_loop_is_heap(void **state) {
    Probe p = probe_in(*state, defer_src, "main.loop", false);
    assert_true(p.ops[SSA_OP_NEW] >= 1);
    p = probe_in(*state, defer_src, "main.div", false);
    assert_int_equal(p.ops[SSA_OP_NEW], 0);
}

static void test_maps_through_the_runtime(void **state) {
    static const char src[] = "package main\n"
                              "func f(words []string) int {\n"
                              "\tm := map[string]int{\"x\": 1}\n"
                              "\tfor _, w := range words {\n\t\tm[w]++\n\t}\n"
                              "\tdelete(m, \"x\")\n"
                              "\tv, ok := m[\"a\"]\n"
                              "\tt := 0\n"
                              "\tfor k, n := range m {\n\t\tt += len(k) + n\n\t}\n"
                              "\tif ok {\n\t\treturn v + len(m)\n\t}\n"
                              "\treturn t\n"
                              "}\n"
                              "func main() { println(f(nil)) }\n";
    Probe p = probe_in(*state, src, "main.f", true);
    const char *want[] = {"mgc_makemap ", "mgc_mapassign ", "mgc_mapaccess1 ", "mgc_mapaccess2 ",
                          "mgc_mapdelete ", "mgc_maplen ", "mgc_mapiterinit ", "mgc_mapiternext ",
                          "type:map[string]int "};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(p.calls, want[i])) fail_msg("no %s in %s", want[i], p.calls);
    assert_string_equal(p.syms, "type:map[string]int ");
}

/* fmt.Println is an ordinary call of the C function "fmt.Println" with the
 * flattened words: the ...any slice. */
static void test_std_library_call(void **state) {
    Fx *fx = *state;
    static const char src[] = "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"a\", 1) }\n";
    AstFile *file;
    Program *prog = front_end(fx, "x.go", src, &file);
    assert_non_null(prog);
    Probe p;
    memset(&p, 0, sizeof p);
    p.func = "main.main";
    int refused = 0;
    build_all(fx, prog, file, false, probe, &p, &refused);
    assert_int_equal(refused, 0);
    assert_int_equal(p.ops[SSA_OP_CALL], 1);
    assert_non_null(strstr(p.syms, "type:string "));
    assert_non_null(strstr(p.syms, "type:int "));
}

/* -d ssa=sum: the dump after the last pass has no IsInBounds and no Mul. */
static void test_dump_after_passes(void **state) {
    Fx *fx = *state;
    static const char src[] = "package main\n"
                              "func sum(s []int) int {\n"
                              "\tt := 0\n"
                              "\tfor i := range s {\n\t\tt += s[i]\n\t}\n"
                              "\tk := 2\n"
                              "\treturn t * (k * 3)\n"
                              "}\n"
                              "func main() { println(sum([]int{1, 2})) }\n";
    AstFile *file;
    Program *prog = front_end(fx, "x.go", src, &file);
    assert_non_null(prog);
    SsaUnit *units;
    int n = ssa_collect_program_units(prog, &file, 1, &fx->mem, &units);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    SsaConfig cfg = {.diag = &fx->diag, .verify = true, .dump_func = "sum", .dump_out = out};
    for (int i = 0; i < n; i++) {
        SsaFunc *f = ssa_build_func(&cfg, &fx->mem, prog, &units[i]);
        assert_non_null(f);
        ssa_run_passes(f, &cfg);
        ssa_func_free(f);
    }
    fclose(out);
    char *first = strstr(text, "pass build main.sum");
    assert_non_null(first);
    char *last = first, *p;
    while ((p = strstr(last + 1, "\npass "))) last = p;
    assert_true(last > first);
    assert_non_null(strstr(first, "IsInBounds"));
    assert_null(strstr(last, "IsInBounds"));
    /* k * 3 folded: of the three multiplications (i * 8 scales the
     * index) only i * 8 and t * 6 are left */
    int before = 0, after = 0;
    size_t at = (size_t)(first - text) + 1;
    char *second = strstr(text + at, "\npass ");
    for (p = first; (p = strstr(p, "= Mul")) && p < second; p++) before++;
    for (p = last; (p = strstr(p, "= Mul")); p++) after++;
    assert_int_equal(before, 3);
    assert_int_equal(after, 2);
    assert_non_null(strstr(last, "Const <int> [6]"));
    free(text);
}

/* ---- corpora ---------------------------------------------------------------- */

static char *read_all(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = mem_xmalloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = 0;
    fclose(f);
    return buf;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Builds and verifies every function of the .go files in dir whose names
 * start with prefix; returns the number of functions built. */
static int build_dir(const char *dir, const char *prefix, int *files, int *refused) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", MGC_SOURCE_ROOT, dir);
    DIR *d = opendir(path);
    if (!d) return 0;
    char *names[1024];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 1024) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".go") == 0 && strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    int built = 0;
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s/%s", MGC_SOURCE_ROOT, dir, names[i]);
        char *text = read_all(path);
        Fx *fx;
        fx_setup((void **)&fx);
        AstFile *file;
        Program *prog = text ? front_end(fx, names[i], text, &file) : NULL;
        if (prog) {
            (*files)++;
            built += build_all(fx, prog, file, true, NULL, NULL, refused);
        }
        fx_teardown((void **)&fx);
        mem_xfree(text);
        free(names[i]);
    }
    return built;
}

static void test_corpora_build_and_verify(void **state) {
    (void)state;
    int files = 0, refused = 0, built = 0;
    built += build_dir("tests/typecheck", "ok_", &files, &refused);
    built += build_dir("tests/escape", "", &files, &refused);
    built += build_dir("examples", "", &files, &refused);
    built += build_dir("tests/e2e", "", &files, &refused);
    fprintf(stderr, "ssa build corpus: %d files, %d functions built and verified, %d refused\n", files, built,
            refused);
    assert_true(files > 0);
    assert_true(built > 0);
    /* nothing in the corpora is refused (see docs/ssa_build.md for what still is) */
    assert_int_equal(refused, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_range_loop_phis, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_range_loop_bounds_check_eliminated, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_heap_variable_is_new, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_constant_folded_after_passes, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_division_and_shift_checks, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_nil_check_on_deref, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_unit_names, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_unsupported_is_refused_at_the_construct, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_interface_method_call, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_conversion_records_itab, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_promoted_field, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_method_value, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_type_assertions_and_switch, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_defer_frame_and_returns, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_defer_in_loop_is_heap, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_maps_through_the_runtime, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_std_library_call, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_dump_after_passes, fx_setup, fx_teardown),
        cmocka_unit_test(test_corpora_build_and_verify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

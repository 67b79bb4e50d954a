/* test_types.c — the type model: layouts (checked against unsafe.Sizeof,
 * Alignof and Offsetof as printed by Go 1.19 on amd64), identity,
 * comparability, spelling in messages, scopes, field and method lookup
 * through embedding, method sets, interface satisfaction with gc's reasons,
 * the universe and the -d types output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/check.h"

/* ---- Fixture ---------------------------------------------------------- */

typedef struct Fx {
    Mem mem;
    Diag diag;
    Checker c;
    Program prog;
    Package main;
    Package fmt;
    char buf[1024];
} Fx;

static int fx_setup(void **state) {
    Fx *fx = mem_xmalloc(sizeof *fx);
    memset(fx, 0, sizeof *fx);
    mem_init(&fx->mem, false);
    diag_init(&fx->diag, mem_perm(&fx->mem), stdout);
    static const char text[] = "package main\n";
    diag_add_source(&fx->diag, "x.go", text, sizeof text - 1);
    Checker *c = &fx->c;
    c->mem = &fx->mem;
    c->perm = mem_perm(&fx->mem);
    c->ast = mem_ast(&fx->mem);
    c->names = &fx->mem.names;
    c->diag = &fx->diag;
    c->prog = &fx->prog;
    c->pkg = &fx->main;
    c->iota = -1;
    fx->main.path = fx->main.name = "main";
    fx->main.scope = scope_new(c->perm, NULL, "package");
    fx->fmt.path = fx->fmt.name = "fmt";
    fx->fmt.fake = true;
    fx->prog.main = &fx->main;
    fx->prog.universe = universe_new(c);
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

static const char *nm(Fx *fx, const char *s) { return intern(&fx->mem.names, s, strlen(s)); }

static const char *str(Fx *fx, Type *t) { return type_string(t, fx->buf, sizeof fx->buf); }

static Type *basic(TypeKind k) { return type_basic(k); }

/* A new object of package pkg. */
static Object *obj_new(Fx *fx, ObjKind kind, const char *name, Type *type, Package *pkg) {
    Object *o = ARENA_NEW(fx->c.perm, Object);
    o->kind = kind;
    o->name = nm(fx, name);
    o->type = type;
    o->pkg = pkg;
    return o;
}

/* A named type of package main (or pkg) with the given underlying type. */
static Type *named_in(Fx *fx, Package *pkg, const char *name, Type *u) {
    Object *o = obj_new(fx, OBJ_TYPE, name, NULL, pkg);
    o->type = type_new_named(fx->c.perm, o, u);
    return o->type;
}

static Type *named(Fx *fx, const char *name, Type *u) { return named_in(fx, &fx->main, name, u); }

/* A tuple of n types with optional names. */
static Type *tuple(Fx *fx, int n, Type **types, const char **names) {
    Type **ts = ARENA_NEW_ARRAY(fx->c.perm, Type *, n ? n : 1);
    const char **ns = names ? ARENA_NEW_ARRAY(fx->c.perm, const char *, n ? n : 1) : NULL;
    for (int i = 0; i < n; i++) {
        ts[i] = types[i];
        if (ns) ns[i] = nm(fx, names[i]);
    }
    return type_new_tuple(fx->c.perm, ts, ns, n);
}

/* func(params) results, without names. */
static Type *sig(Fx *fx, Type *recv, int np, Type **params, int nr, Type **results) {
    return type_new_func(fx->c.perm, recv, tuple(fx, np, params, NULL), tuple(fx, nr, results, NULL), false);
}

/* Adds method name with signature (params -> results) to named type t,
 * with a pointer receiver if ptr. */
static Object *add_method(Fx *fx, Type *t, const char *name, bool ptr, int np, Type **params, int nr,
                          Type **results, const char **pnames) {
    Type *recv = ptr ? type_new_pointer(fx->c.perm, t) : t;
    Type *s = type_new_func(fx->c.perm, recv, tuple(fx, np, params, pnames), tuple(fx, nr, results, NULL), false);
    Object *f = obj_new(fx, OBJ_FUNC, name, s, t->u.named.obj->pkg);
    int n = t->u.named.nmethods;
    TypeMethod *ms = ARENA_NEW_ARRAY(fx->c.perm, TypeMethod, n + 1);
    if (n) memcpy(ms, t->u.named.methods, (size_t)n * sizeof *ms);
    ms[n].name = f->name;
    ms[n].func = f;
    t->u.named.methods = ms;
    t->u.named.nmethods = n + 1;
    return f;
}

/* An interface method with the given signature. */
static TypeMethod imethod(Fx *fx, const char *name, Type *s, Pos pos) {
    Object *f = obj_new(fx, OBJ_FUNC, name, s, &fx->main);
    f->pos = pos;
    return (TypeMethod){ f->name, f };
}

/* An interface of n methods, completed. */
static Type *iface(Fx *fx, int n, TypeMethod *ms, int ne, Type **embeds) {
    TypeMethod *m = ARENA_NEW_ARRAY(fx->c.perm, TypeMethod, n ? n : 1);
    for (int i = 0; i < n; i++) m[i] = ms[i];
    Type **e = ARENA_NEW_ARRAY(fx->c.perm, Type *, ne ? ne : 1);
    for (int i = 0; i < ne; i++) e[i] = embeds[i];
    Type *t = type_new_interface(fx->c.perm, m, n, e, ne);
    interface_complete(&fx->c, t);
    return t;
}

typedef struct FieldSpec {
    const char *name;
    Type *type;
    bool embedded;
    const char *tag;
} FieldSpec;

static Type *strct(Fx *fx, int n, const FieldSpec *fs) {
    TypeField *f = ARENA_NEW_ARRAY(fx->c.perm, TypeField, n ? n : 1);
    for (int i = 0; i < n; i++) {
        f[i].name = nm(fx, fs[i].name);
        f[i].type = fs[i].type;
        f[i].embedded = fs[i].embedded;
        f[i].tag = fs[i].tag;
        f[i].pkg = &fx->main;
    }
    return type_new_struct(fx->c.perm, f, n);
}

/* ---- Layout ----------------------------------------------------------- */

/* Sizes and alignments of basic and reference types, as on amd64/arm64. */
static void test_basic_layout(void **state) {
    Fx *fx = *state;
    Arena *p = fx->c.perm;
    assert_int_equal(type_size(basic(TY_INT)), 8);
    assert_int_equal(type_size(basic(TY_BOOL)), 1);
    assert_int_equal(type_size(basic(TY_STRING)), 16);
    assert_int_equal(type_size(basic(TY_COMPLEX64)), 8);
    assert_int_equal(type_align(basic(TY_COMPLEX64)), 4);
    assert_int_equal(type_size(basic(TY_COMPLEX128)), 16);
    assert_int_equal(type_size(type_new_slice(p, basic(TY_INT8))), 24);
    assert_int_equal(type_size(type_any()), 16);
    assert_int_equal(type_size(type_new_map(p, basic(TY_INT), basic(TY_INT))), 8);
    assert_int_equal(type_size(type_new_pointer(p, basic(TY_INT8))), 8);
    assert_int_equal(type_size(type_new_chan(p, basic(TY_INT8), CHAN_BOTH)), 8);
    assert_int_equal(type_size(sig(fx, NULL, 0, NULL, 0, NULL)), 8);
    Type *arr0 = type_new_array(p, basic(TY_INT64), 0);
    assert_int_equal(type_size(arr0), 0);
    assert_int_equal(type_align(arr0), 8);
}

/* Struct layouts: padding, and gc's extra byte after a final zero-size
 * field (values from unsafe.Sizeof/Alignof/Offsetof in Go 1.19). */
static void test_struct_layout(void **state) {
    Fx *fx = *state;
    Arena *p = fx->c.perm;
    Type *empty = strct(fx, 0, NULL);
    Type *s1 = strct(fx, 2, (FieldSpec[]){ { "a", basic(TY_INT64), 0, 0 }, { "b", empty, 0, 0 } });
    assert_int_equal(type_size(s1), 16);
    assert_int_equal(type_align(s1), 8);
    assert_int_equal(s1->u.strct.fields[1].offset, 8);
    Type *s2 = strct(fx, 2,
                     (FieldSpec[]){ { "a", basic(TY_UINT8), 0, 0 }, { "b", type_new_array(p, basic(TY_INT64), 0), 0, 0 } });
    assert_int_equal(type_size(s2), 16);
    assert_int_equal(s2->u.strct.fields[1].offset, 8);
    Type *s3 = strct(fx, 1, (FieldSpec[]){ { "b", empty, 0, 0 } });
    assert_int_equal(type_size(s3), 0);
    assert_int_equal(type_align(s3), 1);
    Type *s4 = strct(fx, 3,
                     (FieldSpec[]){ { "a", basic(TY_INT32), 0, 0 }, { "b", type_byte(), 0, 0 }, { "c", empty, 0, 0 } });
    assert_int_equal(type_size(s4), 8);
    assert_int_equal(type_align(s4), 4);
    assert_int_equal(s4->u.strct.fields[2].offset, 5);
    Type *s5 = strct(fx, 3,
                     (FieldSpec[]){ { "a", type_byte(), 0, 0 }, { "b", basic(TY_INT64), 0, 0 }, { "c", type_byte(), 0, 0 } });
    assert_int_equal(type_size(s5), 24);
    assert_int_equal(s5->u.strct.fields[2].offset, 16);
    Type *s6 = strct(fx, 2,
                     (FieldSpec[]){ { "a", type_new_array(p, basic(TY_INT64), 0), 0, 0 }, { "b", type_byte(), 0, 0 } });
    assert_int_equal(type_size(s6), 8);
    assert_int_equal(s6->u.strct.fields[1].offset, 0);
    Type *s7 = strct(fx, 10,
                     (FieldSpec[]){ { "x", basic(TY_STRING), 0, 0 },
                                    { "y", type_new_slice(p, basic(TY_INT)), 0, 0 },
                                    { "z", iface(fx, 0, NULL, 0, NULL), 0, 0 },
                                    { "w", type_new_map(p, basic(TY_INT), basic(TY_INT)), 0, 0 },
                                    { "v", sig(fx, NULL, 0, NULL, 0, NULL), 0, 0 },
                                    { "u", basic(TY_COMPLEX64), 0, 0 },
                                    { "t", basic(TY_BOOL), 0, 0 },
                                    { "q", basic(TY_COMPLEX128), 0, 0 },
                                    { "r", basic(TY_FLOAT32), 0, 0 },
                                    { "s", basic(TY_INT16), 0, 0 } });
    assert_int_equal(type_size(s7), 112);
    int64_t want[] = { 0, 16, 40, 56, 64, 72, 80, 88, 104, 108 };
    for (int i = 0; i < 10; i++) assert_int_equal(s7->u.strct.fields[i].offset, want[i]);
    /* A named type has its underlying type's layout; arrays multiply. */
    Type *n5 = named(fx, "S5", s5);
    Type *a3 = type_new_array(p, n5, 3);
    assert_int_equal(type_size(a3), 72);
    assert_int_equal(type_align(a3), 8);
}

/* ---- Identity and comparability --------------------------------------- */

static void test_identity(void **state) {
    Fx *fx = *state;
    Arena *p = fx->c.perm;
    assert_true(type_identical(type_byte(), basic(TY_UINT8)));
    assert_true(type_identical(type_rune(), basic(TY_INT32)));
    assert_false(type_identical(basic(TY_INT), basic(TY_INT64)));
    assert_true(type_identical(type_new_slice(p, basic(TY_INT)), type_new_slice(p, basic(TY_INT))));
    assert_false(type_identical(type_new_array(p, basic(TY_INT), 2), type_new_array(p, basic(TY_INT), 3)));
    assert_false(type_identical(type_new_chan(p, basic(TY_INT), CHAN_SEND), type_new_chan(p, basic(TY_INT), CHAN_BOTH)));
    /* Struct identity includes field names, embedding and tags. */
    FieldSpec fa[] = { { "x", basic(TY_INT), 0, "json" } };
    FieldSpec fb[] = { { "x", basic(TY_INT), 0, "yaml" } };
    FieldSpec fc[] = { { "x", basic(TY_INT), 0, "json" } };
    FieldSpec fd[] = { { "y", basic(TY_INT), 0, "json" } };
    assert_false(type_identical(strct(fx, 1, fa), strct(fx, 1, fb)));
    assert_true(type_identical(strct(fx, 1, fa), strct(fx, 1, fc)));
    assert_false(type_identical(strct(fx, 1, fa), strct(fx, 1, fd)));
    /* Functions: parameter names do not matter, variadic does. */
    Type *sl = type_new_slice(p, basic(TY_INT));
    Type *f1 = type_new_func(p, NULL, tuple(fx, 1, &sl, (const char *[]){ "a" }), NULL, false);
    Type *f2 = type_new_func(p, NULL, tuple(fx, 1, &sl, (const char *[]){ "b" }), NULL, false);
    Type *f3 = type_new_func(p, NULL, tuple(fx, 1, &sl, NULL), NULL, true);
    assert_true(type_identical(f1, f2));
    assert_false(type_identical(f1, f3));
    /* Named types are identical only to themselves. */
    Type *t1 = named(fx, "T", basic(TY_INT)), *t2 = named(fx, "T", basic(TY_INT));
    assert_false(type_identical(t1, t2));
    assert_true(type_identical(type_new_pointer(p, t1), type_new_pointer(p, t1)));
    /* Recursive named types terminate. */
    Type *list = named(fx, "List", NULL);
    list->u.named.underlying = strct(fx, 1, (FieldSpec[]){ { "next", type_new_pointer(p, list), 0, 0 } });
    assert_true(type_identical(type_underlying(list),
                               strct(fx, 1, (FieldSpec[]){ { "next", type_new_pointer(p, list), 0, 0 } })));
    /* Interfaces: same method set, in any order of declaration. */
    Type *m = sig(fx, NULL, 0, NULL, 0, NULL);
    Type *i1 = iface(fx, 2, (TypeMethod[]){ imethod(fx, "A", m, 0), imethod(fx, "B", m, 0) }, 0, NULL);
    Type *i2 = iface(fx, 2, (TypeMethod[]){ imethod(fx, "B", m, 0), imethod(fx, "A", m, 0) }, 0, NULL);
    Type *i3 = iface(fx, 1, (TypeMethod[]){ imethod(fx, "A", m, 0) }, 0, NULL);
    assert_true(type_identical(i1, i2));
    assert_false(type_identical(i1, i3));
    assert_true(type_identical(iface(fx, 0, NULL, 0, NULL), type_any()));
}

static void test_comparable(void **state) {
    Fx *fx = *state;
    Arena *p = fx->c.perm;
    assert_true(type_comparable(basic(TY_INT)));
    assert_true(type_comparable(basic(TY_STRING)));
    assert_true(type_comparable(type_new_pointer(p, basic(TY_INT))));
    assert_true(type_comparable(type_any()));
    assert_true(type_comparable(type_new_chan(p, basic(TY_INT), CHAN_BOTH)));
    assert_false(type_comparable(type_new_slice(p, basic(TY_INT))));
    assert_false(type_comparable(type_new_map(p, basic(TY_INT), basic(TY_INT))));
    assert_false(type_comparable(sig(fx, NULL, 0, NULL, 0, NULL)));
    Type *bad = strct(fx, 2, (FieldSpec[]){ { "a", basic(TY_INT), 0, 0 }, { "b", type_new_slice(p, basic(TY_INT)), 0, 0 } });
    assert_false(type_comparable(bad));
    assert_false(type_comparable(type_new_array(p, bad, 2)));
    assert_false(type_comparable(named(fx, "Bad", bad)));
    Type *good = strct(fx, 1, (FieldSpec[]){ { "a", basic(TY_INT), 0, 0 } });
    assert_true(type_comparable(type_new_array(p, good, 2)));
}

/* ---- Spelling --------------------------------------------------------- */

/* Each expected string is what Go 1.19 prints in "variable of type ...". */
static void test_type_string(void **state) {
    Fx *fx = *state;
    Arena *p = fx->c.perm;
    Type *t = named(fx, "T", strct(fx, 0, NULL));
    Type *i = basic(TY_INT), *s = basic(TY_STRING);
    Type *err = scope_lookup(fx->prog.universe, nm(fx, "error"), NULL)->type;

    Type *f = type_new_func(p, NULL, tuple(fx, 2, (Type *[]){ i, type_new_slice(p, s) }, (const char *[]){ "x", "y" }),
                            tuple(fx, 2, (Type *[]){ i, err }, (const char *[]){ "n", "err" }), true);
    assert_string_equal(str(fx, f), "func(x int, y ...string) (n int, err error)");
    assert_string_equal(str(fx, sig(fx, NULL, 1, &i, 1, &s)), "func(int) string");
    assert_string_equal(str(fx, type_new_func(p, NULL, NULL, tuple(fx, 1, &i, (const char *[]){ "n" }), false)),
                        "func() (n int)");
    Type *arrf = type_new_pointer(p, type_new_array(p, sig(fx, NULL, 0, NULL, 0, NULL), 3));
    Type *slint = type_new_slice(p, i);
    assert_string_equal(str(fx, type_new_func(p, NULL, tuple(fx, 1, &slint, NULL), tuple(fx, 1, &arrf, NULL), true)),
                        "func(...int) *[3]func()");
    Type *names3 = type_new_func(p, NULL, tuple(fx, 3, (Type *[]){ i, i, s }, (const char *[]){ "a", "b", "_" }), NULL, false);
    assert_string_equal(str(fx, names3), "func(a int, b int, _ string)");
    assert_string_equal(str(fx, type_any()), "any");
    assert_string_equal(str(fx, iface(fx, 0, NULL, 0, NULL)), "interface{}");
    assert_string_equal(str(fx, type_new_slice(p, type_any())), "[]any");
    Type *st = strct(fx, 4, (FieldSpec[]){ { "x", i, 0, "json:\"x\"" }, { "T", t, 1, 0 }, { "y", s, 0, 0 }, { "z", s, 0, 0 } });
    assert_string_equal(str(fx, st), "struct{x int \"json:\\\"x\\\"\"; T; y string; z string}");
    assert_string_equal(str(fx, strct(fx, 0, NULL)), "struct{}");
    assert_string_equal(str(fx, type_new_pointer(p, strct(fx, 2, (FieldSpec[]){ { "x", i, 0, 0 }, { "y", i, 0, 0 } }))),
                        "*struct{x int; y int}");
    assert_string_equal(str(fx, type_new_chan(p, i, CHAN_SEND)), "chan<- int");
    assert_string_equal(str(fx, type_new_chan(p, type_new_chan(p, i, CHAN_RECV), CHAN_BOTH)), "chan (<-chan int)");
    assert_string_equal(str(fx, type_new_chan(p, type_new_chan(p, i, CHAN_SEND), CHAN_RECV)), "<-chan chan<- int");
    assert_string_equal(str(fx, type_new_map(p, s, type_new_slice(p, type_new_pointer(p, t)))), "map[string][]*T");
    assert_string_equal(str(fx, type_new_array(p, type_rune(), 2)), "[2]rune");
    assert_string_equal(str(fx, type_byte()), "byte");
    assert_string_equal(str(fx, basic(TY_UINT8)), "uint8");
    assert_string_equal(str(fx, basic(TY_UNTYPED_INT)), "untyped int");
    assert_string_equal(str(fx, basic(TY_UNTYPED_NIL)), "untyped nil");
    assert_string_equal(str(fx, basic(TY_UNSAFE_POINTER)), "unsafe.Pointer");
    assert_string_equal(str(fx, err), "error");
    /* Types of other packages are qualified, the local package's are not. */
    Type *stringer = named_in(fx, &fx->fmt, "Stringer", iface(fx, 1, (TypeMethod[]){ imethod(fx, "String", sig(fx, NULL, 0, NULL, 1, &s), 0) }, 0, NULL));
    Type *k = type_new_interface(p, (TypeMethod[]){ imethod(fx, "M", sig(fx, NULL, 0, NULL, 0, NULL), 0) }, 1,
                                 (Type *[]){ stringer }, 1);
    assert_string_equal(str(fx, k), "interface{M(); fmt.Stringer}");
    /* A small buffer truncates and stays terminated. */
    char small[8];
    assert_string_equal(type_string(f, small, sizeof small), "func(x ");
    assert_string_equal(type_default(basic(TY_UNTYPED_RUNE)) == type_rune() ? "rune" : "?", "rune");
    assert_ptr_equal(type_default(basic(TY_UNTYPED_FLOAT)), basic(TY_FLOAT64));
}

/* ---- Scopes ----------------------------------------------------------- */

static void test_scope(void **state) {
    Fx *fx = *state;
    Arena *a = fx->c.ast;
    Scope *outer = scope_new(a, NULL, "package");
    Scope *inner = scope_new(a, outer, "func");
    assert_true(inner->is_func);
    Object *x = obj_new(fx, OBJ_VAR, "x", basic(TY_INT), &fx->main);
    Object *x2 = obj_new(fx, OBJ_VAR, "x", basic(TY_STRING), &fx->main);
    assert_null(scope_insert(a, outer, x));
    assert_ptr_equal(scope_insert(a, outer, x2), x); /* redeclared: nothing inserted */
    assert_ptr_equal(x->parent, outer);
    assert_null(x2->parent);
    const Scope *found = NULL;
    assert_ptr_equal(scope_lookup(inner, nm(fx, "x"), &found), x);
    assert_ptr_equal(found, outer);
    assert_null(scope_lookup_local(inner, nm(fx, "x")));
    assert_null(scope_insert(a, inner, x2)); /* shadowing in an inner scope */
    assert_ptr_equal(scope_lookup(inner, nm(fx, "x"), NULL), x2);
    assert_null(scope_lookup(inner, nm(fx, "y"), &found));
    assert_null(found);
    /* Many names: growth keeps every object and the declaration order. */
    char name[16];
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "v%d", i);
        assert_null(scope_insert(a, outer, obj_new(fx, OBJ_VAR, name, basic(TY_INT), &fx->main)));
    }
    assert_int_equal(outer->count, 1001);
    assert_int_equal(outer->norder, 1001);
    assert_ptr_equal(outer->order[0], x);
    assert_string_equal(outer->order[500]->name, "v499");
    assert_string_equal(scope_lookup_local(outer, nm(fx, "v777"))->name, "v777");
}

/* ---- Lookup and method sets ------------------------------------------- */

/* The types of the lookup tests:
 *   type S struct{ y int };  func (S) M()
 *   type U struct{ z int };  func (*U) P()
 *   type T struct{ S; *U; x int }
 *   type B struct{ f int };  type C struct{ f int }
 *   type A struct{ B; C }      (A.f is ambiguous)
 *   type D struct{ A; f string } (D.f is D's own) */
typedef struct World {
    Type *S, *U, *T, *A, *B, *C, *D;
    Object *M, *P;
} World;

static World world(Fx *fx) {
    World w;
    Arena *p = fx->c.perm;
    w.S = named(fx, "S", strct(fx, 1, (FieldSpec[]){ { "y", basic(TY_INT), 0, 0 } }));
    w.M = add_method(fx, w.S, "M", false, 0, NULL, 0, NULL, NULL);
    w.U = named(fx, "U", strct(fx, 1, (FieldSpec[]){ { "z", basic(TY_INT), 0, 0 } }));
    w.P = add_method(fx, w.U, "P", true, 0, NULL, 0, NULL, NULL);
    w.T = named(fx, "T", strct(fx, 3, (FieldSpec[]){ { "S", w.S, 1, 0 }, { "U", type_new_pointer(p, w.U), 1, 0 },
                                                      { "x", basic(TY_INT), 0, 0 } }));
    w.B = named(fx, "B", strct(fx, 1, (FieldSpec[]){ { "f", basic(TY_INT), 0, 0 } }));
    w.C = named(fx, "C", strct(fx, 1, (FieldSpec[]){ { "f", basic(TY_INT), 0, 0 } }));
    w.A = named(fx, "A", strct(fx, 2, (FieldSpec[]){ { "B", w.B, 1, 0 }, { "C", w.C, 1, 0 } }));
    w.D = named(fx, "D", strct(fx, 2, (FieldSpec[]){ { "A", w.A, 1, 0 }, { "f", basic(TY_STRING), 0, 0 } }));
    return w;
}

static Selection look(Fx *fx, Type *t, bool addressable, const char *name) {
    return lookup_field_or_method(&fx->c, t, addressable, &fx->main, nm(fx, name));
}

static void test_lookup(void **state) {
    Fx *fx = *state;
    World w = world(fx);
    Arena *p = fx->c.perm;
    Selection s = look(fx, w.T, false, "x");
    assert_int_equal(s.kind, SEL_FIELD);
    assert_int_equal(s.depth, 0);
    assert_int_equal(s.path[0], 2);
    /* A promoted field: T.S.y, path [0 0]. */
    s = look(fx, w.T, false, "y");
    assert_int_equal(s.kind, SEL_FIELD);
    assert_int_equal(s.depth, 1);
    assert_int_equal(s.path[0], 0);
    assert_int_equal(s.path[1], 0);
    assert_false(s.indirect);
    /* Through the embedded *U: indirect. */
    s = look(fx, w.T, false, "z");
    assert_int_equal(s.kind, SEL_FIELD);
    assert_true(s.indirect);
    assert_int_equal(s.path[0], 1);
    /* A promoted value method. */
    s = look(fx, w.T, false, "M");
    assert_int_equal(s.kind, SEL_METHOD);
    assert_ptr_equal(s.method, w.M);
    /* A pointer method reached through *U is callable on a T value. */
    s = look(fx, w.T, false, "P");
    assert_int_equal(s.kind, SEL_METHOD);
    assert_ptr_equal(s.method, w.P);
    /* On a U value it needs an addressable operand... */
    s = look(fx, w.U, false, "P");
    assert_int_equal(s.kind, SEL_NONE);
    assert_ptr_equal(s.method, w.P);
    s = look(fx, w.U, true, "P");
    assert_int_equal(s.kind, SEL_METHOD);
    /* ... or a pointer. */
    s = look(fx, type_new_pointer(p, w.U), false, "P");
    assert_int_equal(s.kind, SEL_METHOD);
    assert_true(s.indirect);
    /* Ambiguity at one depth; a shallower name hides deeper ones. */
    assert_int_equal(look(fx, w.A, false, "f").kind, SEL_AMBIGUOUS);
    s = look(fx, w.D, false, "f");
    assert_int_equal(s.kind, SEL_FIELD);
    assert_ptr_equal(s.field->type, basic(TY_STRING));
    assert_int_equal(look(fx, w.T, false, "nope").kind, SEL_NONE);
    assert_null(look(fx, w.T, false, "nope").method);
    assert_int_equal(look(fx, w.T, false, "_").kind, SEL_NONE);
    /* Unexported names of another package are not found. */
    assert_int_equal(lookup_field_or_method(&fx->c, w.T, false, &fx->fmt, nm(fx, "x")).kind, SEL_NONE);
    /* **T has no fields; a named pointer type has fields but no methods. */
    assert_int_equal(look(fx, type_new_pointer(p, type_new_pointer(p, w.T)), false, "x").kind, SEL_NONE);
    Type *pt = named(fx, "PT", type_new_pointer(p, w.T));
    assert_int_equal(look(fx, pt, false, "x").kind, SEL_FIELD);
    assert_int_equal(look(fx, pt, false, "M").kind, SEL_NONE);
    /* Methods of an interface, and none through a pointer to it. */
    Type *err = scope_lookup(fx->prog.universe, nm(fx, "error"), NULL)->type;
    assert_int_equal(look(fx, err, false, "Error").kind, SEL_METHOD);
    assert_int_equal(look(fx, type_new_pointer(p, err), false, "Error").kind, SEL_NONE);
}

static void test_method_sets(void **state) {
    Fx *fx = *state;
    World w = world(fx);
    Arena *p = fx->c.perm, *tmp = mem_scratch(&fx->mem);
    Selection *ms;
    assert_int_equal(type_method_set(p, tmp, w.U, &ms), 0);
    assert_int_equal(type_method_set(p, tmp, type_new_pointer(p, w.U), &ms), 1);
    assert_ptr_equal(ms[0].method, w.P);
    assert_int_equal(type_method_set(p, tmp, w.S, &ms), 1);
    assert_int_equal(type_method_set(p, tmp, type_new_pointer(p, w.S), &ms), 1);
    /* T embeds S and *U: both methods are in the method set of T. */
    assert_int_equal(type_method_set(p, tmp, w.T, &ms), 2);
    assert_ptr_equal(ms[0].method, w.M);
    assert_ptr_equal(ms[1].method, w.P);
    assert_int_equal(ms[1].path[0], 1);
    /* gc's order: exported names first. */
    Type *v = named(fx, "V", strct(fx, 0, NULL));
    add_method(fx, v, "b", false, 0, NULL, 0, NULL, NULL);
    add_method(fx, v, "Z", false, 0, NULL, 0, NULL, NULL);
    add_method(fx, v, "A", true, 0, NULL, 0, NULL, NULL);
    assert_int_equal(type_method_set(p, tmp, type_new_pointer(p, v), &ms), 3);
    assert_string_equal(ms[0].method->name, "A");
    assert_string_equal(ms[1].method->name, "Z");
    assert_string_equal(ms[2].method->name, "b");
}

/* ---- Interfaces ------------------------------------------------------- */

static void test_implements(void **state) {
    Fx *fx = *state;
    Arena *p = fx->c.perm;
    Type *i = basic(TY_INT), *s = basic(TY_STRING);
    Type *t = named(fx, "T", strct(fx, 0, NULL));
    add_method(fx, t, "M", true, 0, NULL, 0, NULL, NULL);
    add_method(fx, t, "N", false, 1, &i, 0, NULL, (const char *[]){ "x" });
    add_method(fx, t, "m", false, 0, NULL, 0, NULL, NULL);
    add_method(fx, t, "Foo", false, 0, NULL, 1, &i, NULL);
    Type *none = sig(fx, NULL, 0, NULL, 0, NULL);
    Type *I = named(fx, "I", iface(fx, 1, (TypeMethod[]){ imethod(fx, "M", none, 0) }, 0, NULL));
    Type *J = named(fx, "J", iface(fx, 1, (TypeMethod[]){ imethod(fx, "N", sig(fx, NULL, 1, &s, 0, NULL), 0) }, 0, NULL));
    Type *L = named(fx, "L", iface(fx, 2, (TypeMethod[]){ imethod(fx, "Zed", none, 0), imethod(fx, "String", sig(fx, NULL, 0, NULL, 1, &s), 0) }, 0, NULL));
    Type *Mi = named(fx, "Mi", iface(fx, 1, (TypeMethod[]){ imethod(fx, "Foo", none, 0) }, 0, NULL));
    Type *F = named(fx, "F", iface(fx, 1, (TypeMethod[]){ imethod(fx, "foo", sig(fx, NULL, 0, NULL, 1, &i), 0) }, 0, NULL));
    char why[256];
    assert_false(types_implements(&fx->c, t, I, why, sizeof why));
    assert_string_equal(why, "(M method has pointer receiver)");
    assert_true(types_implements(&fx->c, type_new_pointer(p, t), I, why, sizeof why));
    assert_false(types_implements(&fx->c, t, J, why, sizeof why));
    assert_string_equal(why, "(wrong type for N method)\n\t\thave N(x int)\n\t\twant N(string)");
    assert_false(types_implements(&fx->c, t, L, why, sizeof why));
    assert_string_equal(why, "(missing String method)");
    assert_false(types_implements(&fx->c, t, Mi, why, sizeof why));
    assert_string_equal(why, "(wrong type for Foo method)\n\t\thave Foo() int\n\t\twant Foo()");
    assert_false(types_implements(&fx->c, t, F, why, sizeof why));
    assert_string_equal(why, "(missing foo method)\n\t\thave Foo() int\n\t\twant foo() int");
    Type *pl = type_new_pointer(p, L);
    assert_false(types_implements(&fx->c, pl, L, why, sizeof why));
    assert_string_equal(why, "(type *L is pointer to interface, not interface)");
    /* Interface to interface: a subset is enough. */
    Type *I2 = named(fx, "I2", iface(fx, 2, (TypeMethod[]){ imethod(fx, "M", none, 0), imethod(fx, "Y", none, 0) }, 0, NULL));
    assert_true(types_implements(&fx->c, I2, I, why, sizeof why));
    assert_false(types_implements(&fx->c, I, I2, why, sizeof why));
    assert_string_equal(why, "(missing Y method)");
    /* Everything implements the empty interface. */
    assert_true(types_implements(&fx->c, s, type_any(), why, sizeof why));
    Type *err = scope_lookup(fx->prog.universe, nm(fx, "error"), NULL)->type;
    assert_false(types_implements(&fx->c, i, err, why, sizeof why));
    assert_string_equal(why, "(missing Error method)");
}

/* Embedded interfaces join the method set; a conflicting duplicate is
 * reported where gc reports it. */
static void test_interface_complete(void **state) {
    Fx *fx = *state;
    Type *i = basic(TY_INT);
    Type *none = sig(fx, NULL, 0, NULL, 0, NULL);
    Type *I1 = named(fx, "I1", iface(fx, 2, (TypeMethod[]){ imethod(fx, "Y", none, 0), imethod(fx, "X", none, 0) }, 0, NULL));
    Type *I2 = named(fx, "I2", iface(fx, 1, (TypeMethod[]){ imethod(fx, "X", none, 0) }, 0, NULL));
    Type *u = type_underlying(I1);
    assert_int_equal(u->u.iface.nall, 2);
    assert_string_equal(u->u.iface.all[0].name, "X");
    /* interface{ I1; I2 }: identical duplicates are fine. */
    Type *d3 = iface(fx, 0, NULL, 2, (Type *[]){ I1, I2 });
    assert_int_equal(d3->u.iface.nall, 2);
    assert_int_equal(fx->diag.nmsgs, 0);
    /* interface{ X(); X() } */
    iface(fx, 2, (TypeMethod[]){ imethod(fx, "X", none, pos_make(1, 14, 2)), imethod(fx, "X", none, pos_make(1, 15, 2)) }, 0, NULL);
    assert_int_equal(fx->diag.nmsgs, 1);
    assert_int_equal(fx->diag.msgs[0].pos, pos_make(1, 15, 2));
    assert_string_equal(fx->diag.msgs[0].msg, "duplicate method X\n\tx.go:14:2: other declaration of X");
    /* interface{ I1 (at 18:2); X(int) (at 19:2) } */
    Type *d2 = type_new_interface(fx->c.perm, (TypeMethod[]){ imethod(fx, "X", sig(fx, NULL, 1, &i, 0, NULL), pos_make(1, 19, 2)) }, 1,
                                  (Type *[]){ I1 }, 1);
    d2->u.iface.embedpos = (Pos[]){ pos_make(1, 18, 2) };
    interface_complete(&fx->c, d2);
    assert_int_equal(fx->diag.nmsgs, 2);
    assert_int_equal(fx->diag.msgs[1].pos, pos_make(1, 18, 2));
    assert_string_equal(fx->diag.msgs[1].msg, "duplicate method X\n\tx.go:19:2: other declaration of X");
    assert_int_equal(d2->u.iface.nall, 2);
    /* An embedded type not yet resolved defers completion. */
    Type *later = named(fx, "Later", NULL);
    Type *e = type_new_interface(fx->c.perm, NULL, 0, (Type *[]){ later }, 1);
    interface_complete(&fx->c, e);
    assert_false(e->u.iface.complete);
    later->u.named.underlying = type_underlying(I2);
    interface_complete(&fx->c, e);
    assert_true(e->u.iface.complete);
    assert_int_equal(e->u.iface.nall, 1);
}

/* ---- Universe and -d types -------------------------------------------- */

static void test_universe(void **state) {
    Fx *fx = *state;
    Scope *u = fx->prog.universe;
    Object *o = scope_lookup_local(u, nm(fx, "byte"));
    assert_int_equal(o->kind, OBJ_TYPE);
    assert_ptr_equal(o->type, type_byte());
    assert_true(o->flags & OBJ_ALIAS);
    assert_ptr_equal(scope_lookup_local(u, nm(fx, "any"))->type, type_any());
    assert_ptr_equal(scope_lookup_local(u, nm(fx, "int"))->type, basic(TY_INT));
    o = scope_lookup_local(u, nm(fx, "true"));
    assert_int_equal(o->kind, OBJ_CONST);
    assert_int_equal(o->u.val->kind, CONST_BOOL);
    assert_true(o->u.val->u.b);
    assert_ptr_equal(o->type, basic(TY_UNTYPED_BOOL));
    assert_int_equal(scope_lookup_local(u, nm(fx, "nil"))->kind, OBJ_NIL);
    o = scope_lookup_local(u, nm(fx, "append"));
    assert_int_equal(o->kind, OBJ_BUILTIN);
    assert_int_equal(o->u.builtin, BUILTIN_APPEND);
    assert_int_equal(scope_lookup_local(u, nm(fx, "recover"))->u.builtin, BUILTIN_RECOVER);
    o = scope_lookup_local(u, nm(fx, "comparable"));
    assert_true(type_underlying(o->type)->u.iface.is_comparable);
    assert_null(scope_lookup_local(u, nm(fx, "main")));
    /* unsafe is built once and recorded as an import. */
    Package *us = stdlib_package(&fx->c, "unsafe");
    assert_non_null(us);
    assert_ptr_equal(stdlib_package(&fx->c, "unsafe"), us);
    assert_int_equal(fx->prog.nimports, 1);
    o = scope_lookup_local(us->scope, nm(fx, "Sizeof"));
    assert_int_equal(o->u.builtin, BUILTIN_SIZEOF);
    assert_ptr_equal(scope_lookup_local(us->scope, nm(fx, "Pointer"))->type, basic(TY_UNSAFE_POINTER));
    assert_null(stdlib_package(&fx->c, "net/http"));
}

static void test_print(void **state) {
    Fx *fx = *state;
    Arena *p = fx->c.perm;
    Scope *s = fx->main.scope;
    Type *i = basic(TY_INT), *str = basic(TY_STRING);
    Object *c = obj_new(fx, OBJ_CONST, "c", basic(TY_UNTYPED_INT), &fx->main);
    c->u.val = ARENA_NEW(p, Const);
    *c->u.val = const_make_int64(3);
    scope_insert(p, s, c);
    scope_insert(p, s, obj_new(fx, OBJ_VAR, "x", type_new_slice(p, str), &fx->main));
    Type *t = named(fx, "T", strct(fx, 1, (FieldSpec[]){ { "x", i, 0, 0 } }));
    scope_insert(p, s, t->u.named.obj);
    add_method(fx, t, "M", true, 1, &i, 1, (Type *[]){ basic(TY_BOOL) }, (const char *[]){ "y" });
    Object *a = obj_new(fx, OBJ_TYPE, "A", i, &fx->main);
    a->flags |= OBJ_ALIAS;
    scope_insert(p, s, a);
    Type *f = type_new_func(p, NULL, tuple(fx, 1, &i, (const char *[]){ "x" }), tuple(fx, 1, &str, NULL), false);
    scope_insert(p, s, obj_new(fx, OBJ_FUNC, "f", f, &fx->main));
    char *out = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&out, &len);
    types_print(mf, &fx->prog);
    fclose(mf);
    assert_string_equal(out, "const main.c untyped int = 3\n"
                             "var main.x []string\n"
                             "type main.T struct{x int}\n"
                             "func (*main.T).M(y int) bool\n"
                             "type main.A = int\n"
                             "func main.f(x int) string\n");
    free(out);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_basic_layout, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_struct_layout, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_identity, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_comparable, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_type_string, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_scope, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_lookup, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_method_sets, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_implements, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_interface_complete, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_universe, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(test_print, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_amd64.c — the amd64 target on small SSA functions built by hand:
 * instruction selection (address modes, immediates, compare-and-branch
 * fusion) asserted on the emitted text, the text accepted by the GNU
 * assembler, and the code run: functions are assembled and linked with a
 * C harness that calls them, so Go's arithmetic (MinInt / -1, shifts by
 * counts >= the width, uint64 <-> float), spilling under register
 * pressure, values live across calls, stack arguments and the out-of-line
 * panic calls are checked by what the machine computes. */
#include <inttypes.h>
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "codegen/amd64/amd64.h"
#include "codegen/codegen.h"

static const char *const FILES[] = {"t.go"};

/* One test's compiler memory and the code generator writing to a buffer. */
typedef struct Fixture {
    Mem mem;
    CodegenCtx c;
    char *text;
    size_t len;
    FILE *out;
} Fixture;

static int setup(void **state) {
    Fixture *fx = test_calloc(1, sizeof *fx);
    mem_init(&fx->mem, false);
    ssa_init(&fx->mem, 0);
    fx->out = open_memstream(&fx->text, &fx->len);
    codegen_init(&fx->c, &AMD64_TARGET, &fx->mem, NULL, FILES, 1, fx->out);
    codegen_begin(&fx->c);
    *state = fx;
    return 0;
}

static int teardown(void **state) {
    Fixture *fx = *state;
    if (fx->out)
        fclose(fx->out);
    codegen_free(&fx->c);
    free(fx->text);
    mem_free(&fx->mem);
    test_free(fx);
    return 0;
}

/* ---- building functions ---------------------------------------------------------- */

static Pos at(int line) {
    return pos_make(1, (uint32_t)line, 1);
}

/* Appends a value with the given args (NULL-terminated). */
static Value *val(SsaFunc *f, Block *b, int op, int cls, int64_t aux_int, ...) {
    Value *v = ssa_value_new(b, (Op)op, (ValClass)cls, NULL, at(b->nvalues + 2));
    v->aux_int = aux_int;
    va_list ap;
    va_start(ap, aux_int);
    for (Value *a; (a = va_arg(ap, Value *)) != NULL;)
        ssa_value_add_arg(f, v, a);
    va_end(ap);
    return v;
}

static Value *arg(SsaFunc *f, Block *b, int cls, int index) {
    return val(f, b, SSA_OP_ARG, cls, index, NULL);
}

static Value *cnst(SsaFunc *f, Block *b, int cls, int64_t bits) {
    return val(f, b, SSA_OP_CONST, cls, bits, NULL);
}

/* Ends b with a return of v (NULL: nothing). */
static void ret(SsaFunc *f, Block *b, Value *v) {
    b->kind = BLOCK_RET;
    if (v)
        ssa_block_add_control(f, b, v);
}

static SsaFunc *func(Fixture *fx, const char *name, Block **entry) {
    SsaFunc *f = ssa_func_new(&fx->mem, name, NULL, NULL);
    *entry = ssa_block_new(f, BLOCK_PLAIN, at(1));
    return f;
}

/* Compiles f into the fixture's output and frees it. */
static void compile(Fixture *fx, SsaFunc *f) {
    codegen_func(&AMD64_TARGET, f, &fx->c);
    ssa_func_free(f);
    assert_int_equal(fx->mem.pools[MEM_POOL_VALUE].stats.live, 0);
}

/* Ends the assembly file and returns its text. */
static const char *finish_text(Fixture *fx) {
    codegen_end(&fx->c);
    fflush(fx->out);
    return fx->text;
}

/* Whether the text matches extended regular expression re. */
static bool matches(const char *text, const char *re) {
    regex_t rx;
    if (regcomp(&rx, re, REG_EXTENDED | REG_NEWLINE) != 0)
        fail_msg("bad regex %s", re);
    bool ok = regexec(&rx, text, 0, NULL, 0) == 0;
    regfree(&rx);
    return ok;
}

static void assert_match(const char *text, const char *re) {
    if (!matches(text, re))
        fail_msg("no match for /%s/ in:\n%s", re, text);
}

static void assert_no_match(const char *text, const char *re) {
    if (matches(text, re))
        fail_msg("unexpected match for /%s/ in:\n%s", re, text);
}

/* ---- the functions of the tests ----------------------------------------------- */

/* main.idx(p, i) = *(p + i*8 + 16) and main.store4(p, i, x): p[i] = x (int32). */
static void build_index(Fixture *fx) {
    Block *b;
    SsaFunc *f = func(fx, "main.idx", &b);
    Value *p = arg(f, b, CLS_I64, 0), *i = arg(f, b, CLS_I64, 1);
    Value *off = val(f, b, SSA_OP_MUL, CLS_I64, 0, i, cnst(f, b, CLS_I64, 8), NULL);
    Value *ap = val(f, b, SSA_OP_ADDPTR, CLS_I64, 0, p, off, NULL);
    Value *fp = val(f, b, SSA_OP_OFFPTR, CLS_I64, 16, ap, NULL);
    ret(f, b, val(f, b, SSA_OP_LOAD, CLS_I64, 0, fp, NULL));
    compile(fx, f);

    f = func(fx, "main.store4", &b);
    p = arg(f, b, CLS_I64, 0);
    i = arg(f, b, CLS_I64, 1);
    Value *x = arg(f, b, CLS_I32, 2);
    off = val(f, b, SSA_OP_MUL, CLS_I64, 0, i, cnst(f, b, CLS_I64, 4), NULL);
    ap = val(f, b, SSA_OP_ADDPTR, CLS_I64, 0, p, off, NULL);
    val(f, b, SSA_OP_STORE, CLS_VOID, 0, ap, x, NULL);
    ret(f, b, NULL);
    compile(fx, f);
}

/* main.addk(x) = x + 1000 + (1<<40); main.less(a, b) = a < b ? 1 : 2. */
static void build_imm_branch(Fixture *fx) {
    Block *b;
    SsaFunc *f = func(fx, "main.addk", &b);
    Value *x = arg(f, b, CLS_I64, 0);
    Value *y = val(f, b, SSA_OP_ADD, CLS_I64, 0, x, cnst(f, b, CLS_I64, 1000), NULL);
    ret(f, b, val(f, b, SSA_OP_ADD, CLS_I64, 0, y, cnst(f, b, CLS_I64, (int64_t)1 << 40), NULL));
    compile(fx, f);

    f = func(fx, "main.less", &b);
    Value *a = arg(f, b, CLS_I64, 0), *c = arg(f, b, CLS_I64, 1);
    b->kind = BLOCK_IF;
    ssa_block_set_control(f, b, val(f, b, SSA_OP_LT, CLS_B, CLS_I64, a, c, NULL));
    Block *yes = ssa_block_new(f, BLOCK_RET, at(9)), *no = ssa_block_new(f, BLOCK_RET, at(10));
    ssa_block_add_edge(f, b, yes);
    ssa_block_add_edge(f, b, no);
    ret(f, yes, cnst(f, yes, CLS_I64, 1));
    ret(f, no, cnst(f, no, CLS_I64, 2));
    compile(fx, f);
}

/* A function of two args a, b of class cls returning op(a, b), with a
 * check of kind chk on b first (0: none). */
static void build_binop(Fixture *fx, const char *name, int op, int cls, int rcls, int chk) {
    Block *b;
    SsaFunc *f = func(fx, name, &b);
    Value *x = arg(f, b, cls, 0), *y = arg(f, b, cls, 1);
    if (chk)
        val(f, b, chk, CLS_VOID, 0, y, NULL);
    ret(f, b, val(f, b, op, rcls, cls, x, y, NULL));
    compile(fx, f);
}

/* A function of one arg of class cls returning op(x) of class rcls. */
static void build_unop(Fixture *fx, const char *name, int op, int cls, int rcls) {
    Block *b;
    SsaFunc *f = func(fx, name, &b);
    ret(f, b, val(f, b, op, rcls, 0, arg(f, b, cls, 0), NULL));
    compile(fx, f);
}

/* main.fcmp(a, b) = a == b ? 1 : 0 (fused), main.fne(a, b) = a != b (a bool). */
static void build_fcmp(Fixture *fx) {
    Block *b;
    SsaFunc *f = func(fx, "main.feq", &b);
    Value *a = arg(f, b, CLS_F64, 0), *c = arg(f, b, CLS_F64, 1);
    b->kind = BLOCK_IF;
    ssa_block_set_control(f, b, val(f, b, SSA_OP_FEQ, CLS_B, CLS_F64, a, c, NULL));
    Block *yes = ssa_block_new(f, BLOCK_RET, at(9)), *no = ssa_block_new(f, BLOCK_RET, at(10));
    ssa_block_add_edge(f, b, yes);
    ssa_block_add_edge(f, b, no);
    ret(f, yes, cnst(f, yes, CLS_I64, 1));
    ret(f, no, cnst(f, no, CLS_I64, 0));
    compile(fx, f);
    build_binop(fx, "main.fne", SSA_OP_FNE, CLS_F64, CLS_B, 0);
    build_binop(fx, "main.flt", SSA_OP_FLT, CLS_F64, CLS_B, 0);
}

/* main.pressure(p) loads p[0..19] and returns sum of (k+1)*p[k], using the
 * values in reverse order so that all twenty are live at once. */
static void build_pressure(Fixture *fx) {
    Block *b;
    SsaFunc *f = func(fx, "main.pressure", &b);
    Value *p = arg(f, b, CLS_I64, 0);
    Value *v[20];
    for (int k = 0; k < 20; k++)
        v[k] = val(f, b, SSA_OP_LOAD, CLS_I64, k * 8, p, NULL);
    Value *s = cnst(f, b, CLS_I64, 0);
    for (int k = 19; k >= 0; k--) {
        Value *m = val(f, b, SSA_OP_MUL, CLS_I64, 0, v[k], cnst(f, b, CLS_I64, k + 1), NULL);
        s = val(f, b, SSA_OP_ADD, CLS_I64, 0, s, m, NULL);
    }
    ret(f, b, s);
    compile(fx, f);
}

/* main.across(x) = x*3 + ext_twice(x) + x: values live across a call. */
static void build_across(Fixture *fx) {
    Block *b;
    SsaFunc *f = func(fx, "main.across", &b);
    Value *x = arg(f, b, CLS_I64, 0);
    Value *y = val(f, b, SSA_OP_MUL, CLS_I64, 0, x, cnst(f, b, CLS_I64, 3), NULL);
    Value *call = val(f, b, SSA_OP_CALL_RUNTIME, CLS_I64, 0, x, NULL);
    call->aux = "ext_twice";
    Value *s = val(f, b, SSA_OP_ADD, CLS_I64, 0, y, call, NULL);
    ret(f, b, val(f, b, SSA_OP_ADD, CLS_I64, 0, s, x, NULL));
    compile(fx, f);
}

/* main.many(8 integers, 10 floats) = sum of all as a float64. */
static void build_many(Fixture *fx) {
    Block *b;
    SsaFunc *f = func(fx, "main.many", &b);
    Value *w[18];
    for (int k = 0; k < 18; k++)
        w[k] = arg(f, b, k % 2 == 0 && k < 16 ? CLS_I64 : CLS_F64, k);
    Value *s = cnst(f, b, CLS_F64, 0);
    for (int k = 0; k < 18; k++) {
        Value *x = w[k];
        if (x->cls == CLS_I64)
            x = val(f, b, SSA_OP_CVT_I2F, CLS_F64, 0, x, NULL);
        x = val(f, b, SSA_OP_FMUL, CLS_F64, 0, x, cnst(f, b, CLS_F64, 0x4000000000000000), NULL); /* 2.0 */
        s = val(f, b, SSA_OP_FADD, CLS_F64, 0, s, x, NULL);
    }
    ret(f, b, s);
    compile(fx, f);
}

/* main.checked(i, n): bounds check 0 <= i < n, returns i. */
static void build_bounds(Fixture *fx) {
    Block *b;
    SsaFunc *f = func(fx, "main.checked", &b);
    Value *i = arg(f, b, CLS_I64, 0), *n = arg(f, b, CLS_I64, 1);
    val(f, b, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, i, n, NULL);
    ret(f, b, i);
    compile(fx, f);

    f = func(fx, "main.mk", &b);
    i = arg(f, b, CLS_I64, 0);
    n = arg(f, b, CLS_I64, 1);
    val(f, b, SSA_OP_SLICE_CHECK, CLS_VOID, -1, i, n, NULL);
    ret(f, b, n);
    compile(fx, f);

    f = func(fx, "main.deref", &b);
    Value *p = arg(f, b, CLS_I64, 0);
    val(f, b, SSA_OP_NIL_CHECK, CLS_VOID, 0, p, NULL);
    ret(f, b, val(f, b, SSA_OP_LOAD, CLS_I64, 8, p, NULL));
    compile(fx, f);
}

/* main.swapsum(n): a loop whose phis swap each iteration:
 *   a, b := 1, 2; for i := 0; i < n; i++ { a, b = b, a*10 + b }; return a*1000 + b */
static void build_swap_loop(Fixture *fx) {
    Block *e;
    SsaFunc *f = func(fx, "main.swapsum", &e);
    Value *n = arg(f, e, CLS_I64, 0);
    Value *a0 = cnst(f, e, CLS_I64, 1), *b0 = cnst(f, e, CLS_I64, 2), *i0 = cnst(f, e, CLS_I64, 0);
    Block *h = ssa_block_new(f, BLOCK_IF, at(3));
    Block *body = ssa_block_new(f, BLOCK_PLAIN, at(4));
    Block *exit = ssa_block_new(f, BLOCK_RET, at(5));
    ssa_block_add_edge(f, e, h);
    Value *a = ssa_value_new(h, SSA_OP_PHI, CLS_I64, NULL, at(3));
    Value *bb = ssa_value_new(h, SSA_OP_PHI, CLS_I64, NULL, at(3));
    Value *i = ssa_value_new(h, SSA_OP_PHI, CLS_I64, NULL, at(3));
    ssa_value_add_arg(f, a, a0);
    ssa_value_add_arg(f, bb, b0);
    ssa_value_add_arg(f, i, i0);
    ssa_block_set_control(f, h, val(f, h, SSA_OP_LT, CLS_B, CLS_I64, i, n, NULL));
    ssa_block_add_edge(f, h, body);
    ssa_block_add_edge(f, h, exit);
    Value *t = val(f, body, SSA_OP_MUL, CLS_I64, 0, a, cnst(f, body, CLS_I64, 10), NULL);
    Value *nb = val(f, body, SSA_OP_ADD, CLS_I64, 0, t, bb, NULL);
    Value *ni = val(f, body, SSA_OP_ADD, CLS_I64, 0, i, cnst(f, body, CLS_I64, 1), NULL);
    ssa_block_add_edge(f, body, h);
    ssa_value_add_arg(f, a, bb);
    ssa_value_add_arg(f, bb, nb);
    ssa_value_add_arg(f, i, ni);
    Value *r = val(f, exit, SSA_OP_MUL, CLS_I64, 0, a, cnst(f, exit, CLS_I64, 1000), NULL);
    ret(f, exit, val(f, exit, SSA_OP_ADD, CLS_I64, 0, r, bb, NULL));
    compile(fx, f);
}

/* ---- tests on the text ---------------------------------------------------------------- */

static void test_address_modes(void **state) {
    Fixture *fx = *state;
    build_index(fx);
    const char *s = finish_text(fx);
    /* the multiply and the offset fold into one [base + index*8 + 16] load */
    assert_match(s, "movq 16\\(%r[a-z0-9]+,%r[a-z0-9]+,8\\), %r");
    assert_match(s, "movl %[a-z0-9]+, 0\\(%r[a-z0-9]+,%r[a-z0-9]+,4\\)");
    assert_no_match(s, "imul");
    assert_match(s, "\"main.idx\":");
    assert_match(s, "\\.loc 1 [0-9]+ ");
}

static void test_immediates_and_fusion(void **state) {
    Fixture *fx = *state;
    build_imm_branch(fx);
    const char *s = finish_text(fx);
    assert_match(s, "addq \\$1000, %r");
    assert_match(s, "movabsq \\$1099511627776, %r");
    assert_no_match(s, "addq \\$1099511627776");
    /* the compare feeds the branch directly: no setcc */
    assert_match(s, "cmpq %r[a-z0-9]+, %r[a-z0-9]+\n\tj(l|ge) \\.LB");
    assert_no_match(s, "\tset");
}

static void test_float_compare_text(void **state) {
    Fixture *fx = *state;
    build_fcmp(fx);
    const char *s = finish_text(fx);
    /* NaN: equality needs the parity flag */
    assert_match(s, "ucomisd %xmm[0-9]+, %xmm[0-9]+\n\tjne \\.LB[0-9_]+\n\tjp \\.LB");
    assert_match(s, "setp %al");
    assert_no_match(s, "vfmadd");
}

static void test_checks_out_of_line(void **state) {
    Fixture *fx = *state;
    build_bounds(fx);
    const char *s = finish_text(fx);
    assert_match(s, "cmpq %r[a-z0-9]+, %r[a-z0-9]+\n\tjae \\.LQ");
    assert_match(s, "call mgc_panic_index");
    assert_match(s, "jz|je \\.LQ");
    assert_match(s, "call mgc_panic_nil");
}

/* ---- assembling and running -------------------------------------------------------------- */

/* Writes text to path. */
static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Runs a shell command, returning its exit status; its stdout goes to out. */
static int run(const char *cmd, char *out, size_t n) {
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t k = fread(out, 1, n - 1, p);
    out[k] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void test_output_assembles(void **state) {
    Fixture *fx = *state;
    build_index(fx);
    build_imm_branch(fx);
    build_fcmp(fx);
    build_bounds(fx);
    build_pressure(fx);
    const char *s = finish_text(fx);
    char dir[] = "/tmp/mgc-amd64-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], cmd[600], out[4096];
    snprintf(path, sizeof path, "%s/t.s", dir);
    write_file(path, s);
    snprintf(cmd, sizeof cmd, "as --64 -o %s/t.o %s 2>&1; echo rc=$?; rm -rf %s", dir, path, dir);
    run(cmd, out, sizeof out);
    if (!strstr(out, "rc=0"))
        fail_msg("as rejected the output:\n%s", out);
}

/* The C harness: calls the generated functions and prints what they return. */
static const char HARNESS[] =
    "#include <stdint.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
    "#define GO(ret, name, args) extern ret name args __asm__(\"main.\" #name);\n"
    "GO(int64_t, idiv, (int64_t, int64_t)) GO(int64_t, mod, (int64_t, int64_t))\n"
    "GO(int32_t, div32, (int32_t, int32_t)) GO(int32_t, mod32, (int32_t, int32_t))\n"
    "GO(int8_t, div8, (int8_t, int8_t)) GO(uint64_t, divu, (uint64_t, uint64_t))\n"
    "GO(uint8_t, modu8, (uint8_t, uint8_t))\n"
    "GO(int64_t, shl, (int64_t, uint64_t)) GO(int64_t, sar, (int64_t, uint64_t))\n"
    "GO(uint64_t, shr, (uint64_t, uint64_t)) GO(int8_t, sar8, (int8_t, uint8_t))\n"
    "GO(uint16_t, shl16, (uint16_t, uint32_t)) GO(int32_t, sar32, (int32_t, uint8_t))\n"
    "GO(double, u2f, (uint64_t)) GO(float, u2f32, (uint64_t)) GO(uint64_t, f2u, (double))\n"
    "GO(int64_t, f2i, (double)) GO(double, i2f, (int64_t)) GO(uint32_t, f2u32, (double))\n"
    "GO(int64_t, idx, (int64_t *, int64_t)) GO(void, store4, (int32_t *, int64_t, int32_t))\n"
    "GO(int64_t, less, (int64_t, int64_t)) GO(int64_t, feq, (double, double))\n"
    "GO(_Bool, fne, (double, double)) GO(_Bool, flt, (double, double))\n"
    "GO(int64_t, pressure, (int64_t *)) GO(int64_t, across, (int64_t))\n"
    "GO(double, many, (int64_t, double, int64_t, double, int64_t, double, int64_t, double,\n"
    "  int64_t, double, int64_t, double, int64_t, double, int64_t, double, double, double))\n"
    "GO(int64_t, checked, (int64_t, int64_t)) GO(int64_t, deref, (int64_t *))\n"
    "GO(int64_t, swapsum, (int64_t)) GO(int64_t, mk, (int64_t, int64_t))\n"
    "int64_t ext_twice(int64_t x) { volatile int64_t junk[8] = {0}; (void)junk; return 2 * x; }\n"
    "void mgc_panic_index(int64_t i, int64_t n) { printf(\"panic index %ld %ld\\n\", (long)i, (long)n); exit(2); }\n"
    "void mgc_panic_runtime_error(const char *m) { printf(\"panic: %s\\n\", m); exit(2); }\n"
    "void mgc_panic_nil(void) { printf(\"panic nil\\n\"); exit(2); }\n"
    "void mgc_panic_divide(void) { printf(\"panic divide\\n\"); exit(2); }\n"
    "int main(int argc, char **argv) {\n"
    "  int64_t m = INT64_MIN;\n"
    "  if (argc > 1 && !strcmp(argv[1], \"index\")) { checked(7, 3); return 0; }\n"
    "  if (argc > 1 && !strcmp(argv[1], \"mklen\")) { mk(-1, -1); return 0; }\n"
    "  if (argc > 1 && !strcmp(argv[1], \"mkcap\")) { mk(2, 1); return 0; }\n"
    "  if (argc > 1 && !strcmp(argv[1], \"nil\")) { deref(0); return 0; }\n"
    "  if (argc > 1 && !strcmp(argv[1], \"div\")) { idiv(1, 0); return 0; }\n"
    "  printf(\"%ld %ld %ld %ld\\n\", (long)idiv(m, -1), (long)mod(m, -1), (long)idiv(-7, 2), (long)mod(-7, 2));\n"
    "  printf(\"%d %d %d %lu %u\\n\", div32(INT32_MIN, -1), mod32(INT32_MIN, -1), div8(-128, -1),\n"
    "    (unsigned long)divu(UINT64_MAX, 10), modu8(250, 7));\n"
    "  printf(\"%ld %ld %ld %ld\\n\", (long)shl(3, 4), (long)shl(3, 64), (long)shl(3, 1000), (long)shl(3, 63));\n"
    "  printf(\"%ld %ld %ld %lu %lu\\n\", (long)sar(-100, 3), (long)sar(-100, 64), (long)sar(100, 99),\n"
    "    (unsigned long)shr(UINT64_MAX, 60), (unsigned long)shr(UINT64_MAX, 64));\n"
    "  printf(\"%d %d %d %d %d\\n\", sar8(-128, 7), sar8(-128, 8), sar8(-128, 200), shl16(0x1234, 4), shl16(0x1234, 16));\n"
    "  printf(\"%d %d\\n\", sar32(-5, 31), sar32(-5, 32));\n"
    "  printf(\"%.17g %.17g %.9g\\n\", u2f(UINT64_MAX), u2f((1ULL << 63) + 1025), (double)u2f32((1ULL << 63) + (1ULL << 39) + 1));\n"
    "  printf(\"%lu %lu %ld %.17g %u\\n\", (unsigned long)f2u(18446744073709549568.0), (unsigned long)f2u(9223372036854775808.0),\n"
    "    (long)f2i(-2.9), i2f(-3), f2u32(4294967295.5));\n"
    "  int64_t arr[24]; for (int k = 0; k < 24; k++) arr[k] = k * k;\n"
    "  int32_t a4[4] = {0}; store4(a4, 2, -9);\n"
    "  printf(\"%ld %d %d %ld %ld\\n\", (long)idx(arr, 3), a4[2], a4[1], (long)less(1, 2), (long)less(2, 1));\n"
    "  double nan = 0.0 / 0.0;\n"
    "  printf(\"%ld %ld %ld %d %d %d %d\\n\", (long)feq(1, 1), (long)feq(1, 2), (long)feq(nan, nan), fne(nan, nan), fne(1, 1),\n"
    "    flt(1, 2), flt(nan, 1));\n"
    "  int64_t want = 0; for (int k = 0; k < 20; k++) want += (k + 1) * arr[k];\n"
    "  printf(\"%ld %ld %ld\\n\", (long)pressure(arr), (long)want, (long)across(5));\n"
    "  printf(\"%.17g\\n\", many(1, 0.5, 2, 0.25, 3, 0.125, 4, 1, 5, 2, 6, 3, 7, 4, 8, 5, 6, 7));\n"
    "  printf(\"%ld %ld %ld\\n\", (long)checked(2, 3), (long)swapsum(0), (long)swapsum(5));\n"
    "  return 0;\n}\n";

static void build_runnable(Fixture *fx) {
    build_binop(fx, "main.idiv", SSA_OP_DIV, CLS_I64, CLS_I64, SSA_OP_DIV_CHECK);
    build_binop(fx, "main.mod", SSA_OP_MOD, CLS_I64, CLS_I64, SSA_OP_DIV_CHECK);
    build_binop(fx, "main.div32", SSA_OP_DIV, CLS_I32, CLS_I32, SSA_OP_DIV_CHECK);
    build_binop(fx, "main.mod32", SSA_OP_MOD, CLS_I32, CLS_I32, 0);
    build_binop(fx, "main.div8", SSA_OP_DIV, CLS_I8, CLS_I8, 0);
    build_binop(fx, "main.divu", SSA_OP_DIVU, CLS_I64, CLS_I64, 0);
    build_binop(fx, "main.modu8", SSA_OP_MODU, CLS_I8, CLS_I8, 0);
    build_binop(fx, "main.shl", SSA_OP_SHL, CLS_I64, CLS_I64, 0);
    build_binop(fx, "main.sar", SSA_OP_SHR, CLS_I64, CLS_I64, 0);
    build_binop(fx, "main.shr", SSA_OP_SHRU, CLS_I64, CLS_I64, 0);
    {
        Block *b;
        SsaFunc *f = func(fx, "main.sar8", &b);
        Value *x = arg(f, b, CLS_I8, 0), *n = arg(f, b, CLS_I8, 1);
        ret(f, b, val(f, b, SSA_OP_SHR, CLS_I8, 0, x, n, NULL));
        compile(fx, f);
        f = func(fx, "main.shl16", &b);
        x = arg(f, b, CLS_I16, 0);
        n = arg(f, b, CLS_I32, 1);
        ret(f, b, val(f, b, SSA_OP_SHL, CLS_I16, 0, x, n, NULL));
        compile(fx, f);
        f = func(fx, "main.sar32", &b);
        x = arg(f, b, CLS_I32, 0);
        n = arg(f, b, CLS_I8, 1);
        ret(f, b, val(f, b, SSA_OP_SHR, CLS_I32, 0, x, n, NULL));
        compile(fx, f);
    }
    build_unop(fx, "main.u2f", SSA_OP_CVT_U2F, CLS_I64, CLS_F64);
    build_unop(fx, "main.u2f32", SSA_OP_CVT_U2F, CLS_I64, CLS_F32);
    build_unop(fx, "main.f2u", SSA_OP_CVT_F2U, CLS_F64, CLS_I64);
    build_unop(fx, "main.f2i", SSA_OP_CVT_F2I, CLS_F64, CLS_I64);
    build_unop(fx, "main.i2f", SSA_OP_CVT_I2F, CLS_I64, CLS_F64);
    build_unop(fx, "main.f2u32", SSA_OP_CVT_F2U, CLS_F64, CLS_I32);
    build_index(fx);
    build_imm_branch(fx);
    build_fcmp(fx);
    build_pressure(fx);
    build_across(fx);
    build_many(fx);
    build_bounds(fx);
    build_swap_loop(fx);
}

static const char EXPECTED[] =
    "-9223372036854775808 0 -3 -1\n"
    "-2147483648 0 -128 1844674407370955161 5\n"
    "48 0 0 -9223372036854775808\n"
    "-13 -1 0 15 0\n"
    "-1 -1 -1 9024 0\n"
    "-1 -1\n"
    "1.8446744073709552e+19 9.2233720368547779e+18 9.22337314e+18\n"
    "18446744073709549568 9223372036854775808 -2 -3 4294967295\n"
    "25 -9 0 1 2\n"
    "1 0 0 1 0 1 0\n";

static void test_generated_code_runs(void **state) {
    Fixture *fx = *state;
    build_runnable(fx);
    const char *s = finish_text(fx);
    char dir[] = "/tmp/mgc-amd64-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], cmd[1200], out[8192];
    snprintf(path, sizeof path, "%s/t.s", dir);
    write_file(path, s);
    snprintf(path, sizeof path, "%s/h.c", dir);
    write_file(path, HARNESS);
    snprintf(cmd, sizeof cmd, "cc -O0 -o %s/t %s/h.c %s/t.s 2>&1 && echo built", dir, dir, dir);
    run(cmd, out, sizeof out);
    if (!strstr(out, "built"))
        fail_msg("cc failed:\n%s", out);
    snprintf(cmd, sizeof cmd, "%s/t", dir);
    int st = run(cmd, out, sizeof out);
    assert_int_equal(st, 0);
    int64_t want = 0;
    for (int k = 0; k < 20; k++)
        want += (int64_t)(k + 1) * k * k;
    char tail[512];
    /* many(): integers 1..8 and floats 0.5 .. 7 (sum 64.875), each doubled */
    snprintf(tail, sizeof tail, "%s%" PRId64 " %" PRId64 " 30\n129.75\n2 1002 473992\n", EXPECTED, want, want);
    if (strcmp(out, tail) != 0)
        fail_msg("got:\n%s\nwant:\n%s", out, tail);
    snprintf(cmd, sizeof cmd, "%s/t index", dir);
    assert_int_equal(run(cmd, out, sizeof out), 2);
    assert_string_equal(out, "panic index 7 3\n");
    snprintf(cmd, sizeof cmd, "%s/t mklen", dir);
    assert_int_equal(run(cmd, out, sizeof out), 2);
    assert_string_equal(out, "panic: runtime error: makeslice: len out of range\n");
    snprintf(cmd, sizeof cmd, "%s/t mkcap", dir);
    assert_int_equal(run(cmd, out, sizeof out), 2);
    assert_string_equal(out, "panic: runtime error: makeslice: cap out of range\n");
    snprintf(cmd, sizeof cmd, "%s/t nil", dir);
    assert_int_equal(run(cmd, out, sizeof out), 2);
    assert_string_equal(out, "panic nil\n");
    snprintf(cmd, sizeof cmd, "%s/t div", dir);
    assert_int_equal(run(cmd, out, sizeof out), 2);
    assert_string_equal(out, "panic divide\n");
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    run(cmd, out, sizeof out);
}

/* ---- block copies, high multiplies, float constants ------------------------------- */

/* A function of five int64 args a0..a4 that copies n bytes from arg si
 * to arg di (args 3 and 4 arrive in rcx and r8) and returns arg keep,
 * live across the copy. */
static void build_copy(Fixture *fx, const char *name, int64_t n, int di, int si, int keep) {
    Block *b;
    SsaFunc *f = func(fx, name, &b);
    Value *a[5];
    for (int i = 0; i < 5; i++)
        a[i] = arg(f, b, CLS_I64, i);
    val(f, b, SSA_OP_MOVE, CLS_VOID, n, a[di], a[si], NULL);
    ret(f, b, a[keep]);
    compile(fx, f);
}

static const char COPY_HARNESS[] =
    "#include <stdint.h>\n#include <stdio.h>\n#include <string.h>\n"
    "#define GO(ret, name, args) extern ret name args __asm__(\"main.\" #name);\n"
    "typedef int64_t I; typedef unsigned char *P;\n"
    "GO(I, c3d, (I, I, I, P, P)) GO(I, c3s, (I, I, I, P, P)) GO(I, c7k, (I, I, I, P, P))\n"
    "GO(I, c24, (I, I, I, P, P)) GO(I, c13, (I, I, I, P, P))\n"
    "GO(int64_t, hmul, (int64_t, int64_t)) GO(uint64_t, hmulu, (uint64_t, uint64_t))\n"
    "GO(double, fk, (void)) GO(float, fk32, (void))\n"
    "static unsigned char src[32], dst[32];\n"
    "static void show(I r, int n) {\n"
    "  printf(\"%ld:\", (long)r); for (int i = 0; i < n + 1; i++) printf(\" %d\", dst[i]); printf(\"\\n\");\n"
    "  memset(dst, 0, sizeof dst); }\n"
    "int main(void) {\n"
    "  for (int i = 0; i < 32; i++) src[i] = (unsigned char)(i + 1);\n"
    "  show(c3d(1, 2, 3, dst, src), 3);\n"
    "  show(c3s(4, 5, 6, src, dst), 3);\n"
    "  show(c7k(7, 8, 9, src + 10, dst) - (I)(src + 10), 7);\n"
    "  show(c24(11, 12, 13, dst, src), 24);\n"
    "  show(c13(14, 15, 16, dst, src), 13);\n"
    "  printf(\"%ld %ld %lu %lu\\n\", (long)hmul(-3, INT64_MAX), (long)hmul(INT64_MIN, INT64_MIN),\n"
    "    (unsigned long)hmulu(UINT64_MAX, UINT64_MAX), (unsigned long)hmulu(1ULL << 40, 1ULL << 30));\n"
    "  printf(\"%g %g\\n\", fk(), (double)fk32());\n"
    "  return 0;\n}\n";

/* Moves of 3, 7, 13 and 24 bytes copy with pieces of matching widths
 * (no 16-byte access, no rep movsb), whether the addresses arrive in rcx
 * (the register of the 2- and 1-byte pieces) or a live value does; Hmul
 * and HmulU give the high words; float constants load from a constant
 * section. */
static void test_moves_hmul_fconst_run(void **state) {
    Fixture *fx = *state;
    build_copy(fx, "main.c3d", 3, 3, 4, 2);  /* dst in rcx */
    build_copy(fx, "main.c3s", 3, 4, 3, 0);  /* src in rcx, dst in r8 */
    build_copy(fx, "main.c7k", 7, 4, 3, 3);  /* rcx: the source and the result */
    build_copy(fx, "main.c24", 24, 3, 4, 1);
    build_copy(fx, "main.c13", 13, 3, 4, 0);
    build_binop(fx, "main.hmul", SSA_OP_HMUL, CLS_I64, CLS_I64, 0);
    build_binop(fx, "main.hmulu", SSA_OP_HMULU, CLS_I64, CLS_I64, 0);
    Block *b;
    SsaFunc *f = func(fx, "main.fk", &b);
    double d = 2.5;
    int64_t bits;
    memcpy(&bits, &d, sizeof bits);
    ret(f, b, cnst(f, b, CLS_F64, bits));
    compile(fx, f);
    f = func(fx, "main.fk32", &b);
    float fl = 1.5f;
    int32_t bits32;
    memcpy(&bits32, &fl, sizeof bits32);
    ret(f, b, cnst(f, b, CLS_F32, bits32));
    compile(fx, f);
    const char *s = finish_text(fx);
    assert_no_match(s, "movups|rep movsb|movabsq");
    assert_match(s, "movsd \\.LK[0-9_]+\\(%rip\\), %xmm0");
    char dir[] = "/tmp/mgc-amd64-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], cmd[1200], out[4096];
    snprintf(path, sizeof path, "%s/t.s", dir);
    write_file(path, s);
    snprintf(path, sizeof path, "%s/h.c", dir);
    write_file(path, COPY_HARNESS);
    snprintf(cmd, sizeof cmd, "cc -O0 -o %s/t %s/h.c %s/t.s 2>&1 && echo built", dir, dir, dir);
    run(cmd, out, sizeof out);
    if (!strstr(out, "built"))
        fail_msg("cc failed:\n%s", out);
    snprintf(cmd, sizeof cmd, "%s/t", dir);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_string_equal(out, "3: 1 2 3 0\n"
                             "4: 1 2 3 0\n"
                             "0: 11 12 13 14 15 16 17 0\n"
                             "12: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 0\n"
                             "14: 1 2 3 4 5 6 7 8 9 10 11 12 13 0\n"
                             "-2 4611686018427387904 18446744073709551614 64\n"
                             "2.5 1.5\n");
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    run(cmd, out, sizeof out);
}

/* A constant made in the entry block and used after a call in another
 * block is rebuilt next to its use: it holds no callee-saved register
 * and no spill slot across the call. */
static void test_constant_not_held_across_call(void **state) {
    Fixture *fx = *state;
    Block *b;
    SsaFunc *f = func(fx, "main.late", &b);
    Value *x = arg(f, b, CLS_I64, 0);
    Value *k = cnst(f, b, CLS_I64, (int64_t)1 << 40);
    Value *call = val(f, b, SSA_OP_CALL_RUNTIME, CLS_I64, 0, x, NULL);
    call->aux = "ext_twice";
    Block *next = ssa_block_new(f, BLOCK_RET, at(9));
    ssa_block_add_edge(f, b, next);
    ret(f, next, val(f, next, SSA_OP_ADD, CLS_I64, 0, call, k, NULL));
    compile(fx, f);
    const char *s = finish_text(fx);
    assert_match(s, "call \"?ext_twice\"?\n(.*\n)*\tmovabsq \\$1099511627776, %r");
    assert_no_match(s, "%r(bx|12|13|14|15)");
}

/* ---- defer frames, descriptors, static closures ---------------------------------- */

/* main.deferred(a): FramePtr, then DeferResumed branching to a resume
 * block that returns a (live across the DeferResumed) and a normal path
 * that returns the frame pointer.  Checks the allocation before freeing. */
static void test_defer_resumed(void **state) {
    Fixture *fx = *state;
    Block *entry;
    SsaFunc *f = func(fx, "main.deferred", &entry);
    f->defer_frame = ssa_slot_new(f, 17 * 8, 8, NULL, "deferframe");
    Value *a = arg(f, entry, CLS_I64, 0);
    Value *fp = val(f, entry, SSA_OP_FRAME_PTR, CLS_I64, 0, NULL);
    Value *dr = val(f, entry, SSA_OP_DEFER_RESUMED, CLS_B, 0, NULL);
    Block *resume = ssa_block_new(f, BLOCK_PLAIN, at(9)), *run = ssa_block_new(f, BLOCK_PLAIN, at(10));
    entry->kind = BLOCK_IF;
    ssa_block_set_control(f, entry, dr);
    ssa_block_add_edge(f, entry, resume);
    ssa_block_add_edge(f, entry, run);
    ret(f, resume, a);
    ret(f, run, fp);
    codegen_func(&AMD64_TARGET, f, &fx->c);
    /* a value live into the resume path survives mgc_resume: never caller-saved */
    assert_true(a->reg == REG_NONE || !(AMD64_TARGET.caller_saved & REG_BIT(a->reg)));
    assert_true(fp->reg == REG_NONE || !(AMD64_TARGET.caller_saved & REG_BIT(fp->reg)));
    char re[128];
    snprintf(re, sizeof re, "leaq \\.LB[0-9]+_%u\\(%%rip\\), %%r11\n\tmovq %%r11, -[0-9]+\\(%%rbp\\)", resume->id);
    ssa_func_free(f);
    const char *s = finish_text(fx);
    assert_match(s, re);
    assert_match(s, "movq %rbp, %r");
    assert_match(s, "movq %rsp, -[0-9]+\\(%rbp\\)");
    assert_match(s, "movq %r15, -[0-9]+\\(%rbp\\)");
    /* false when executed: no test of it, the normal path follows */
    assert_no_match(s, "testb");
}

/* A function naming a struct descriptor, a static closure, and marked a wrapper. */
static void build_syms(Fixture *fx) {
    Arena *perm = mem_perm(&fx->mem);
    TypeField *fl = arena_alloc(perm, 3 * sizeof *fl, 8);
    memset(fl, 0, 3 * sizeof *fl);
    fl[0] = (TypeField){.name = "S", .type = type_basic(TY_STRING)};
    fl[1] = (TypeField){.name = "F", .type = type_basic(TY_FLOAT64)};
    fl[2] = (TypeField){.name = "A", .type = type_new_array(perm, type_basic(TY_INT), 20)};
    Type *st = type_new_struct(perm, fl, 3);
    Block *entry;
    SsaFunc *f = func(fx, "main.syms", &entry);
    f->wrapper = true;
    f->syms = ARENA_NEW_ARRAY(f->arena, SsaSymRef, 1);
    f->syms[0] = (SsaSymRef){.kind = SSA_SYM_TYPE, .name = "type:main.S", .type = st};
    f->nsyms = f->capsyms = 1;
    Value *clo = val(f, entry, SSA_OP_SYMADDR, CLS_I64, 0, NULL);
    clo->aux = "main.add\xc2\xb7" "f";
    ret(f, entry, clo);
    compile(fx, f);
}

static void test_descriptors_and_closures(void **state) {
    Fixture *fx = *state;
    build_syms(fx);
    const char *s = finish_text(fx);
    /* the descriptor points to its equality function and its 3 fields */
    assert_match(s, "^\"type:main.S\":");
    assert_match(s, "\\.quad \"eq:main.S\"\n\t\\.quad 0\n\t\\.long 0, 0\n\t\\.quad \\.LS[0-9]+\n\t\\.long 3, 0");
    assert_match(s, "^\"eq:main.S\":");
    assert_match(s, "call memcmp@PLT");
    assert_match(s, "ucomisd");
    /* [20]int is compared in a loop over the element's function */
    assert_match(s, "call \"eq:int\"");
    assert_match(s, "^\"eq:int\":");
    /* the static closure's symbol is ASCII */
    assert_match(s, "^\"main.add:f\":\n\t\\.quad \"main.add\"");
    assert_no_match(s, "\xc2\xb7");
    /* the wrapper flag in the function's mgc_pctab record */
    assert_match(s, "\\.quad \"main.syms\", [^\n]*\n\t\\.long [0-9]+, 1\n");
}

/* The equality function run: the struct { S string; F float64; A [20]int }
 * compared by a C program through its symbol. */
static const char EQ_HARNESS[] =
    "#include <stdio.h>\n#include <string.h>\n#include <stdbool.h>\n"
    "typedef struct { const char *p; long n; double f; long a[20]; } S;\n"
    "extern bool eq(const void *, const void *) __asm__(\"\\\"eq:main.S\\\"\");\n"
    "int main(void) {\n"
    "    char b1[] = \"hello\", b2[] = \"hello\";\n"
    "    S x = {b1, 5, 1.5, {0}}, y = {b2, 5, 1.5, {0}};\n"
    "    printf(\"%d\", eq(&x, &y));\n"
    "    y.a[19] = 1; printf(\"%d\", eq(&x, &y)); y.a[19] = 0;\n"
    "    b2[4] = 'O'; printf(\"%d\", eq(&x, &y)); b2[4] = 'o';\n"
    "    y.n = 4; printf(\"%d\", eq(&x, &y)); y.n = 5;\n"
    "    x.f = y.f = 0.0 / 0.0; printf(\"%d\\n\", eq(&x, &y));\n"
    "    return 0;\n}\n";

static void test_equal_runs(void **state) {
    Fixture *fx = *state;
    build_syms(fx);
    const char *s = finish_text(fx);
    char dir[] = "/tmp/mgc-amd64-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], cmd[900], out[4096];
    snprintf(path, sizeof path, "%s/t.s", dir);
    write_file(path, s);
    snprintf(path, sizeof path, "%s/h.c", dir);
    write_file(path, EQ_HARNESS);
    /* main.syms names main.add, which the harness provides */
    snprintf(path, sizeof path, "%s/add.s", dir);
    write_file(path, "\t.text\n\t.globl \"main.add\"\n\"main.add\":\n\tret\n"
                     "\t.section mgc_pctab,\"aw\"\n\t.section mgc_data,\"aw\"\n"
                     "\t.section .note.GNU-stack,\"\",@progbits\n");
    snprintf(cmd, sizeof cmd,
             "cc -o %s/t %s/h.c %s/t.s %s/add.s 2>&1 && %s/t; echo rc=$?; rm -rf %s",
             dir, dir, dir, dir, dir, dir);
    run(cmd, out, sizeof out);
    assert_string_equal(out, "10000\nrc=0\n");
}


/* ---- the assembly writer's formatter (out.c) ------------------------------------ */

/* codegen_printf and codegen_snprintf format every conversion the emitters
 * use as libc's snprintf does, and the buffer in front of the FILE keeps
 * the text whole across flushes and pieces larger than the buffer. */
static void test_formatter_matches_printf(void **state) {
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    AsmOut o;
    asm_out_init(&o, f);
    char want[8192], got[256];
    size_t wn = 0;
    static const int64_t nums[] = {0, 1, -1, 9, 10, 99, 100, 12345, -987654321, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        int64_t x = nums[i];
        codegen_printf(&o, "\tmovq $%" PRId64 ", %%%s|%05d|%3u|%x|%o|%c|%zu|%%\n", x, "rax", (int)(x % 1000),
                       (unsigned)(x & 0xff), (unsigned)x, (unsigned)(x & 0777), 'a' + (int)(i % 26), (size_t)i);
        wn += (size_t)snprintf(want + wn, sizeof want - wn,
                               "\tmovq $%" PRId64 ", %%%s|%05d|%3u|%x|%o|%c|%zu|%%\n", x, "rax", (int)(x % 1000),
                               (unsigned)(x & 0xff), (unsigned)x, (unsigned)(x & 0777), 'a' + (int)(i % 26), (size_t)i);
        int k = codegen_snprintf(got, sizeof got, "%" PRIu64 "(%%rbp) %ld %lld", (uint64_t)x, (long)x, (long long)x);
        char ref[256];
        int rk = snprintf(ref, sizeof ref, "%" PRIu64 "(%%rbp) %ld %lld", (uint64_t)x, (long)x, (long long)x);
        assert_int_equal(k, rk);
        assert_string_equal(got, ref);
    }
    /* truncation counts the whole text, as snprintf does */
    assert_int_equal(codegen_snprintf(got, 4, "%s-%d", "abcdef", 42), 9);
    assert_string_equal(got, "abc");
    /* a piece longer than the buffer, then many small ones across flushes */
    size_t big = o.cap + 1000;
    char *s = test_malloc(big + 1);
    memset(s, 'x', big);
    s[big] = '\0';
    codegen_printf(&o, "%s\n", s);
    size_t small = 0;
    for (int i = 0; i < 200000; i++) {
        codegen_printf(&o, "%d", i % 7 - 3);
        small += i % 7 < 3 ? 2 : 1;
    }
    assert_true(asm_out_flush(&o));
    fclose(f);
    assert_true(len == wn + big + 1 + small);
    assert_memory_equal(text, want, wn);
    assert_int_equal(text[wn], 'x');
    assert_int_equal(text[wn + big - 1], 'x');
    assert_int_equal(text[wn + big], '\n');
    assert_memory_equal(text + wn + big + 1, "-3-2-10123-3", 12);
    asm_out_free(&o);
    test_free(s);
    free(text);
}

/* asm_put_u64 and asm_put_i64 write what printf does for every number of
 * digits and the values at each edge (powers of ten, 32 and 64 bits). */
static void test_number_writers_match_printf(void **state) {
    (void)state;
    char got[32], want[32];
    uint64_t p10 = 1;
    for (int k = 0; k <= 20; k++) {
        const uint64_t us[] = {p10 - 1, p10, p10 + 1, p10 * 7 + 3};
        for (size_t i = 0; i < sizeof us / sizeof us[0]; i++) {
            uint64_t u = us[i];
            *asm_put_u64(got, u) = '\0';
            snprintf(want, sizeof want, "%" PRIu64, u);
            assert_string_equal(got, want);
            int64_t x = (int64_t)u;
            const int64_t xs[] = {x, -x};
            for (int j = 0; j < 2; j++) {
                *asm_put_i64(got, xs[j]) = '\0';
                snprintf(want, sizeof want, "%" PRId64, xs[j]);
                assert_string_equal(got, want);
            }
        }
        if (k < 19)
            p10 *= 10;
    }
    const uint64_t edges[] = {UINT32_MAX - 1, UINT32_MAX, (uint64_t)UINT32_MAX + 1, UINT64_MAX, (uint64_t)INT64_MIN};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        *asm_put_u64(got, edges[i]) = '\0';
        snprintf(want, sizeof want, "%" PRIu64, edges[i]);
        assert_string_equal(got, want);
        *asm_put_i64(got, (int64_t)edges[i]) = '\0';
        snprintf(want, sizeof want, "%" PRId64, (int64_t)edges[i]);
        assert_string_equal(got, want);
    }
}

/* Lines written in place (asm_line_begin) and the symbol text made once
 * (codegen_symbol_text) give the same bytes as the formatter, across
 * buffer flushes. */
static void test_lines_in_place(void **state) {
    (void)state;
    char *text = NULL, *ref = NULL;
    size_t len = 0, rlen = 0;
    FILE *f = open_memstream(&text, &len), *rf = open_memstream(&ref, &rlen);
    assert_non_null(f);
    assert_non_null(rf);
    AsmOut o, r;
    asm_out_init(&o, f);
    asm_out_init(&r, rf);
    AsmText prefix = asm_text_number(".LB", 4294967295u, '_');
    assert_int_equal(prefix.len, 14);
    for (uint32_t i = 0; i < 100000; i++) {
        char *p = asm_line_begin(&o);
        p = ASM_PUT_LIT(p, "\tjne ");
        p = asm_put_text(p, prefix);
        p = asm_put_u64(p, i * 37u);
        p = ASM_PUT_LIT(p, "\n\t.loc 1 ");
        p = asm_put_i64(p, -(int64_t)i);
        *p++ = '\n';
        asm_line_end(&o, p);
        codegen_printf(&r, "\tjne .LB4294967295_%u\n\t.loc 1 %d\n", i * 37u, -(int)i);
    }
    /* the last: "main.f" U+00B7 "f", a static closure */
    static const char *const names[] = {"main.f", "main.(*T).M", "a\"b\\c", "main.f\xc2\xb7\x66"};
    Arena a;
    arena_init(&a, "test", 4096);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        uint32_t n;
        const char *t = codegen_symbol_text(&a, names[i], &n);
        assert_int_equal(n, strlen(t));
        asm_out_write(&o, t, n);
        codegen_put_symbol(&r, names[i]);
    }
    arena_free(&a);
    assert_true(asm_out_flush(&o));
    assert_true(asm_out_flush(&r));
    fclose(f);
    fclose(rf);
    assert_true(len == rlen);
    assert_memory_equal(text, ref, len);
    assert_non_null(strstr(text, "\"main.f:f\""));
    assert_non_null(strstr(text, "\"a\\\"b\\\\c\""));
    asm_out_free(&o);
    asm_out_free(&r);
    free(text);
    free(ref);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formatter_matches_printf),
        cmocka_unit_test(test_number_writers_match_printf),
        cmocka_unit_test(test_lines_in_place),
        cmocka_unit_test_setup_teardown(test_address_modes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_immediates_and_fusion, setup, teardown),
        cmocka_unit_test_setup_teardown(test_float_compare_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_checks_out_of_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_output_assembles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_generated_code_runs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_moves_hmul_fconst_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_constant_not_held_across_call, setup, teardown),
        cmocka_unit_test_setup_teardown(test_defer_resumed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_descriptors_and_closures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_equal_runs, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

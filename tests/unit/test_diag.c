/* test_diag.c — positions and gc's error-reporting rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag/diag.h"

typedef struct Fixture {
    Mem mem;
    Diag diag;
    FILE *out;
    SourceFile *a, *b;
} Fixture;

static int setup(void **state) {
    Fixture *f = calloc(1, sizeof *f);
    mem_init(&f->mem, true);
    f->out = tmpfile();
    diag_init(&f->diag, mem_perm(&f->mem), f->out);
    f->a = diag_add_source(&f->diag, "b.go", "package main\n", 13);
    f->b = diag_add_source(&f->diag, "a.go", "package main\n", 13);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    Fixture *f = *state;
    diag_free(&f->diag);
    mem_free(&f->mem);
    fclose(f->out);
    free(f);
    return 0;
}

/* Flushes and returns everything printed so far (static buffer). */
static const char *flushed(Fixture *f) {
    static char buf[4096];
    diag_flush(&f->diag);
    long n = ftell(f->out);
    rewind(f->out);
    size_t got = fread(buf, 1, sizeof buf - 1, f->out);
    buf[got] = 0;
    assert_int_equal((long)got, n);
    return buf;
}

static void test_pos_roundtrip(void **state) {
    (void)state;
    Pos p = pos_make(3, 1234, 56);
    assert_int_equal(pos_file(p), 3);
    assert_int_equal(pos_line(p), 1234);
    assert_int_equal(pos_col(p), 56);
    Pos big = pos_make(1, 100000000, 100000000);
    assert_int_equal(pos_line(big), POS_LINE_MAX);
    assert_int_equal(pos_col(big), POS_COL_MAX);
    /* Positions order by line, then column, within a file. */
    assert_true(pos_make(1, 2, 9) < pos_make(1, 3, 1));
    assert_true(pos_make(1, 3, 1) < pos_make(1, 3, 2));
}

static void test_format_and_sort(void **state) {
    Fixture *f = *state;
    uint32_t b = f->a->index, a = f->b->index;
    diag_error(&f->diag, pos_make(b, 5, 2), "undefined: %s", "x");
    diag_error(&f->diag, pos_make(a, 9, 1), "second");
    diag_error(&f->diag, pos_make(b, 2, 7), "first in b.go");
    diag_error(&f->diag, pos_make(a, 1, 3), "first");
    assert_int_equal(diag_errors(&f->diag), 4);
    /* Sorted by file name (a.go before b.go), then line and column. */
    assert_string_equal(flushed(f), "a.go:1:3: first\n"
                                    "a.go:9:1: second\n"
                                    "b.go:2:7: first in b.go\n"
                                    "b.go:5:2: undefined: x\n");
}

static void test_one_syntax_error_per_line(void **state) {
    Fixture *f = *state;
    uint32_t i = f->a->index;
    diag_error(&f->diag, pos_make(i, 3, 5), "syntax error: unexpected )");
    diag_error(&f->diag, pos_make(i, 3, 9), "syntax error: unexpected newline");
    diag_error(&f->diag, pos_make(i, 4, 1), "syntax error: unexpected }");
    diag_error(&f->diag, pos_make(i, 4, 1), "x declared but not used");
    diag_error(&f->diag, pos_make(i, 4, 2), "x declared but not used");
    assert_int_equal(diag_errors(&f->diag), 3);
    assert_string_equal(flushed(f), "b.go:3:5: syntax error: unexpected )\n"
                                    "b.go:4:1: syntax error: unexpected }\n"
                                    "b.go:4:1: x declared but not used\n");
}

static void test_too_many_errors(void **state) {
    Fixture *f = *state;
    uint32_t i = f->a->index;
    for (uint32_t line = 1; line <= 12; line++)
        diag_error(&f->diag, pos_make(i, line, 7), "syntax error: unexpected ), expecting expression");
    assert_true(f->diag.too_many);
    assert_int_equal(diag_errors(&f->diag), 10);
    const char *out = flushed(f);
    /* Ten errors, then the limit line at the tenth error's position, as gc. */
    assert_non_null(strstr(out, "b.go:10:7: syntax error: unexpected ), expecting expression\n"
                                "b.go:10:7: too many errors\n"));
    assert_null(strstr(out, "b.go:11:7"));
    int lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 11);
}

static void test_keep_prefix(void **state) {
    Fixture *f = *state;
    uint32_t i = f->a->index;
    diag_error(&f->diag, pos_make(i, 2, 1), "undefined: T");
    diag_error(&f->diag, pos_make(i, 1, 6), "mgc does not support type parameters");
    diag_error(&f->diag, pos_make(i, 3, 4), "x declared but not used");
    diag_error(&f->diag, pos_make(i, 4, 2), "mgc does not support complex numbers");
    assert_int_equal(diag_keep_prefix(&f->diag, "mgc does not support "), 2);
    assert_int_equal(diag_errors(&f->diag), 2);
    assert_string_equal(flushed(f), "b.go:1:6: mgc does not support type parameters\n"
                                    "b.go:4:2: mgc does not support complex numbers\n");
}

static void test_keep_prefix_clears_limit(void **state) {
    Fixture *f = *state;
    uint32_t i = f->a->index;
    diag_error(&f->diag, pos_make(i, 1, 1), "mgc does not support cgo");
    for (uint32_t line = 2; line <= 12; line++)
        diag_error(&f->diag, pos_make(i, line, 1), "undefined: C");
    assert_true(f->diag.too_many);
    assert_int_equal(diag_keep_prefix(&f->diag, "mgc does not support "), 1);
    assert_false(f->diag.too_many);
    /* Nothing matches: nothing is dropped. */
    assert_int_equal(diag_keep_prefix(&f->diag, "syntax error"), 0);
    assert_int_equal(diag_errors(&f->diag), 1);
    assert_string_equal(flushed(f), "b.go:1:1: mgc does not support cgo\n");
}

static void test_load_missing_file(void **state) {
    Fixture *f = *state;
    errno = 0;
    assert_null(diag_load_file(&f->diag, "/nonexistent/dir/x.go"));
    assert_int_equal(errno, ENOENT);
}

static void test_load_file_text(void **state) {
    Fixture *f = *state;
    char path[] = "/tmp/mgc_test_diag_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "package p\x00z", 11), 11);
    close(fd);
    SourceFile *sf = diag_load_file(&f->diag, path);
    unlink(path);
    assert_non_null(sf);
    assert_int_equal(sf->len, 11); /* NUL bytes are kept: the lexer reports them */
    assert_int_equal(sf->text[11], 0);
    assert_ptr_equal(diag_file(&f->diag, pos_make(sf->index, 1, 1)), sf);
    assert_null(diag_file(&f->diag, POS_NONE));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pos_roundtrip),
        cmocka_unit_test_setup_teardown(test_format_and_sort, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_syntax_error_per_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_many_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keep_prefix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keep_prefix_clears_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_file_text, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

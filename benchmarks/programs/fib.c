/* fib: doubly recursive Fibonacci — call overhead and integer arithmetic. */
#include <stdio.h>

enum { N = 40 };

/* Returns the k-th Fibonacci number, recursively. */
static long fib(long k) {
    if (k < 2)
        return k;
    return fib(k - 1) + fib(k - 2);
}

int main(void) {
    fprintf(stderr, "fib %d = %ld\n", N, fib(N));
    return 0;
}

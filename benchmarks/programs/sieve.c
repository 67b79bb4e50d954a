/* sieve: the sieve of Eratosthenes, run several times. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

enum { LIMIT = 20000000, ROUNDS = 5 };

/* Marks the composites below n and returns how many primes there are. */
static long sieve(bool *composite, long n) {
    for (long i = 0; i < n; i++)
        composite[i] = false;
    long count = 0;
    for (long i = 2; i < n; i++) {
        if (composite[i])
            continue;
        count++;
        for (long j = i * i; j < n; j += i)
            composite[j] = true;
    }
    return count;
}

int main(void) {
    bool *composite = calloc(LIMIT, 1);
    long total = 0, count = 0;
    for (int r = 0; r < ROUNDS; r++) {
        count = sieve(composite, LIMIT);
        total += count;
    }
    fprintf(stderr, "primes below %d = %ld total %ld\n", LIMIT, count, total);
    free(composite);
    return 0;
}
